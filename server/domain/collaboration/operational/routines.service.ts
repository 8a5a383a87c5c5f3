import type { AdoptBody, Routine, RoutineBody } from '../../../../common/schemas/forum.ts';
import { audit } from '../../../audit/write.ts';
import type { Actor } from '../../../context.ts';
import type { Db } from '../../../db/connect.ts';
import type { Deps } from '../../../deps.ts';
import { errors } from '../../../errors.ts';
import { authorize, authorizeRun, loadLevels, managedOrganisations } from './policy.ts';
import { currentVersion, presentRoutine } from './presenter.ts';
import * as repo from './repo.ts';

const rolesOf = (actor: Actor): string[] => actor.memberships.map((m) => m.role);

/** Routines with their versions, and whether the actor must read and has read each. */
export async function presentRoutines(tx: Db, actor: Actor, rows: repo.RoutineRow[]): Promise<Routine[]> {
  const versions = await repo.versionsOf(
    tx,
    rows.map((r) => r.id),
  );
  const read = await repo.readsOf(
    tx,
    versions.map((v) => v.id),
    [actor.userId],
  );
  const mine = new Set([...read].map((k) => k.split(':')[0]!));
  return rows.map((r) =>
    presentRoutine(
      r,
      versions.filter((v) => v.routineId === r.id),
      { roles: rolesOf(actor), read: mine },
    ),
  );
}

export async function listRoutines(deps: Deps, actor: Actor, id: string): Promise<{ items: Routine[] }> {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorize(a, 'read');
    const items = await presentRoutines(tx, actor, await repo.routinesOf(tx, [id]));
    await audit(tx, { action: 'routine.list', entity: 'collaboration', entityId: id });
    return { items };
  });
}

export async function createRoutine(deps: Deps, actor: Actor, id: string, body: RoutineBody): Promise<Routine> {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorizeRun(a, body.level);
    const routine = await repo.insertRoutine(tx, {
      collaborationId: id,
      title: body.title,
      level: body.level,
      roles: [...new Set(body.roles)],
      createdBy: actor.userId,
    });
    await repo.insertVersion(tx, { routineId: routine.id, version: 1, text: body.text, createdBy: actor.userId });
    await audit(tx, { action: 'routine.create', entity: 'routine', entityId: routine.id });
    return (await presentRoutines(tx, actor, [routine]))[0]!;
  });
}

async function loadRoutine(tx: Db, actor: Actor, id: string, routineId: string) {
  const a = await loadLevels(tx, actor, id);
  authorize(a, 'read');
  const routine = await repo.findRoutine(tx, id, routineId);
  if (!routine) throw errors.notFound('routine');
  return { a, routine };
}

/** A new draft version; it does not replace the current one until a decision adopts it. */
export async function addVersion(
  deps: Deps,
  actor: Actor,
  id: string,
  routineId: string,
  text: string,
): Promise<Routine> {
  return deps.db.transaction(async (tx) => {
    const { a, routine } = await loadRoutine(tx, actor, id, routineId);
    authorizeRun(a, routine.level);
    const versions = await repo.lockVersions(tx, routine.id);
    const last = versions.at(-1);
    if (last && last.adoptedAt === null)
      throw errors.conflict('draft_exists', 'There is already a draft: adopt it or edit it before starting another.');
    const v = await repo.insertVersion(tx, {
      routineId: routine.id,
      version: (last?.version ?? 0) + 1,
      text,
      createdBy: actor.userId,
    });
    await audit(tx, {
      action: 'routine.version',
      entity: 'routine',
      entityId: routine.id,
      detail: { version: v.version },
    });
    return (await presentRoutines(tx, actor, [routine]))[0]!;
  });
}

/** Adopts a version by the level's decision; the same version adopted twice is 409, nothing changed. */
export async function adopt(
  deps: Deps,
  actor: Actor,
  id: string,
  routineId: string,
  body: AdoptBody,
): Promise<Routine> {
  return deps.db.transaction(async (tx) => {
    const { a, routine } = await loadRoutine(tx, actor, id, routineId);
    authorizeRun(a, routine.level);
    const versions = await repo.lockVersions(tx, routine.id);
    const target = versions.find((v) => v.version === body.version);
    const issues = [];
    if (!target) issues.push({ path: 'body.version', message: 'No such version of this routine.' });
    if (body.meetingId && !(await repo.findLevelMeeting(tx, id, body.meetingId)))
      issues.push({ path: 'body.meetingId', message: 'No such meeting of this collaboration.' });
    if (issues.length > 0 || !target) throw errors.validation(issues);
    const current = currentVersion(versions);
    if (target.adoptedAt !== null || (current && current.version > target.version))
      throw errors.conflict('already_adopted', 'This version is already adopted, or a later one is.');
    const adopted = await repo.adoptVersion(tx, target.id, {
      adoptedBy: actor.userId,
      adoptedDecision: body.decision,
      adoptedMeetingId: body.meetingId,
    });
    if (!adopted) throw errors.conflict('already_adopted', 'This version is already adopted.');
    await audit(tx, {
      action: 'routine.adopt',
      entity: 'routine',
      entityId: routine.id,
      detail: { version: target.version },
    });
    return (await presentRoutines(tx, actor, [routine]))[0]!;
  });
}

/** The actor confirms having read the current version. */
export async function confirmRead(deps: Deps, actor: Actor, id: string, routineId: string): Promise<Routine> {
  return deps.db.transaction(async (tx) => {
    const { routine } = await loadRoutine(tx, actor, id, routineId);
    const current = currentVersion(await repo.versionsOf(tx, [routine.id]));
    if (!current) throw errors.conflict('not_adopted', 'No version of this routine is adopted yet.');
    await repo.insertRead(tx, current.id, actor.userId);
    await audit(tx, {
      action: 'routine.read',
      entity: 'routine',
      entityId: routine.id,
      detail: { version: current.version },
    });
    return (await presentRoutines(tx, actor, [routine]))[0]!;
  });
}

/** For a manager: per routine, the staff of their organisations who must read the current version and have not. */
export async function unreadByStaff(tx: Db, actor: Actor, collaborationIds: string[]) {
  const staff = await repo.staffWithRoles(tx, managedOrganisations(actor));
  const rows = await repo.routinesOf(tx, collaborationIds);
  const versions = await repo.versionsOf(
    tx,
    rows.map((r) => r.id),
  );
  const currents = rows.flatMap((r) => {
    const c = currentVersion(versions.filter((v) => v.routineId === r.id));
    return c ? [{ routine: r, version: c }] : [];
  });
  const userIds = [...new Set(staff.map((s) => s.id))].filter((u) => u !== actor.userId);
  const read = await repo.readsOf(
    tx,
    currents.map((c) => c.version.id),
    userIds,
  );
  const names = await repo.userNames(tx, userIds);
  return currents
    .map(({ routine, version }) => {
      const must = userIds.filter((u) => staff.some((s) => s.id === u && routine.roles.includes(s.role as never)));
      const missing = must.filter((u) => !read.has(`${version.id}:${u}`));
      return {
        routineId: routine.id,
        title: routine.title,
        version: version.version,
        users: missing.map((u) => ({ id: u, name: names.get(u) ?? '' })).sort((x, y) => x.name.localeCompare(y.name)),
      };
    })
    .filter((x) => x.users.length > 0);
}

export async function unread(deps: Deps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorize(a, 'staffReads');
    const items = await unreadByStaff(tx, actor, [id]);
    await audit(tx, { action: 'routine.unread', entity: 'collaboration', entityId: id });
    return { items };
  });
}
