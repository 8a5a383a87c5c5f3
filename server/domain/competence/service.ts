import { todayInSweden } from '../../../common/schemas/children.ts';
import {
  NeedBody,
  type AttendanceBody,
  type CompetenceOverview,
  type CoverageRow,
  type MyTraining,
  type Need,
  type NeedInput,
  type NeedPatch,
  type Session,
  type SessionBody,
  type Topic,
  type TopicBody,
} from '../../../common/schemas/competence.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors, type Issue } from '../../errors.ts';
import { loadCollaborationAccess, type CollaborationAccess } from '../collaboration/access.ts';
import { canManage, loadForManage, loadForRead } from '../collaboration/policy.ts';
import { annotationSources } from '../processmaps/repo.ts';
import { presentNeed, presentSession, presentTopic } from './presenter.ts';
import * as repo from './repo.ts';

async function staffIssues(tx: Db, a: CollaborationAccess, ids: string[], path: string): Promise<Issue[]> {
  if (ids.length === 0) return [];
  const staff = new Set((await repo.staffOf(tx, a.tenantIds)).map((s) => s.id));
  return ids.flatMap((id, i) =>
    staff.has(id) ? [] : [{ path: `${path}.${i}`, message: 'Choose a staff member of a participating municipality.' }],
  );
}

async function partyIssues(tx: Db, a: CollaborationAccess, ids: string[], path: string): Promise<Issue[]> {
  if (ids.length === 0) return [];
  const parties = new Set((await repo.activeParties(tx, a.collaboration.id)).map((p) => p.id));
  return ids.flatMap((id, i) =>
    parties.has(id) ? [] : [{ path: `${path}.${i}`, message: 'Choose a party of this collaboration.' }],
  );
}

async function presentNeeds(tx: Db, collaborationId: string, rows: repo.NeedRow[]): Promise<Need[]> {
  const names = await repo.userNames(
    tx,
    rows.map((r) => r.ownerUserId),
  );
  const parties = await repo.partyNames(tx, collaborationId);
  const annotations = await annotationSources(
    tx,
    collaborationId,
    rows.flatMap((r) => (r.sourceKind === 'annotation' && r.sourceId ? [r.sourceId] : [])),
  );
  const maps = new Map(annotations.map((a) => [a.id, a.mapId]));
  const today = todayInSweden();
  return rows.map((r) => presentNeed(r, names, parties, today, maps));
}

/**
 * Records a competence need in the caller's transaction: the competence page's form, and other areas (a
 * process-map annotation, a barrier, an evaluation) that turn something into a need. The caller has checked
 * that the actor may; here the input is parsed and its references checked (400 at `body.*`), and audited.
 */
export async function createNeedFrom(tx: Db, actor: Actor, collaborationId: string, input: NeedInput): Promise<Need> {
  const a = await loadCollaborationAccess(tx, actor, collaborationId);
  if (!a) throw errors.notFound('collaboration');
  const body = NeedBody.parse(input);
  const issues = [
    ...(await staffIssues(tx, a, [body.ownerUserId], 'x')).map((i) => ({ ...i, path: 'body.ownerUserId' })),
    ...(await partyIssues(tx, a, body.partyIds, 'body.partyIds')),
  ];
  if (body.sourceKind === 'manual' && body.sourceId !== null)
    issues.push({ path: 'body.sourceId', message: 'A need written by hand has no source.' });
  if (issues.length > 0) throw errors.validation(issues);
  const row = await repo.insertNeed(tx, { ...body, collaborationId, createdBy: actor.userId });
  await audit(tx, {
    action: 'competence_need.create',
    entity: 'competence_need',
    entityId: row.id,
    detail: { collaborationId, sourceKind: row.sourceKind, sourceId: row.sourceId },
  });
  return (await presentNeeds(tx, collaborationId, [row]))[0]!;
}

export async function createNeed(deps: Deps, actor: Actor, id: string, body: NeedBody): Promise<Need> {
  return deps.db.transaction(async (tx) => {
    await loadForManage(tx, actor, id);
    return createNeedFrom(tx, actor, id, body);
  });
}

export async function updateNeed(deps: Deps, actor: Actor, id: string, needId: string, p: NeedPatch): Promise<Need> {
  return deps.db.transaction(async (tx) => {
    const a = await loadForManage(tx, actor, id);
    const need = await repo.findNeed(tx, id, needId);
    if (!need) throw errors.notFound('competence need');
    const issues = p.ownerUserId
      ? (await staffIssues(tx, a, [p.ownerUserId], 'x')).map((i) => ({ ...i, path: 'body.ownerUserId' }))
      : [];
    if (issues.length > 0) throw errors.validation(issues);
    const row = await repo.updateNeed(tx, need.id, p);
    await audit(tx, {
      action: 'competence_need.update',
      entity: 'competence_need',
      entityId: need.id,
      detail: { fields: Object.keys(p) },
    });
    return (await presentNeeds(tx, id, [row]))[0]!;
  });
}

// ---- training ----------------------------------------------------------------------

/**
 * Coverage per party and topic of one collaboration, counted and masked ("<5") in SQL: the follow-up
 * indicators call this as it is.
 */
export async function trainingCoverage(
  tx: Db,
  collaborationId: string,
  opts: { today?: string; topicId?: string } = {},
): Promise<CoverageRow[]> {
  const rows = await repo.coverage(tx, collaborationId, opts.today ?? todayInSweden(), opts.topicId);
  return rows.map((r) => ({
    partyId: r.party_id,
    partyName: r.party_name,
    topicId: r.topic_id,
    staff: r.staff,
    valid: r.valid,
    percent: r.percent === null ? null : Number(r.percent),
  }));
}

/** What step 4 of the roadmap counts: needs recorded and training sessions held. */
export async function competenceArtefacts(tx: Db, collaborationId: string) {
  return repo.countArtefacts(tx, collaborationId);
}

async function presentSessions(tx: Db, collaborationId: string, rows: repo.SessionRow[]): Promise<Session[]> {
  const topics = new Map((await repo.listTopics(tx, collaborationId)).map((t) => [t.id, t]));
  const attendance = await repo.attendanceOf(
    tx,
    rows.map((r) => r.id),
  );
  const parties = await repo.partyNames(tx, collaborationId);
  return rows.map((r) => presentSession(r, topics.get(r.topicId)!, attendance, parties));
}

export async function overview(deps: Deps, actor: Actor, id: string): Promise<CompetenceOverview> {
  return deps.db.transaction(async (tx) => {
    const a = await loadForRead(tx, actor, id);
    const result: CompetenceOverview = {
      needs: await presentNeeds(tx, id, await repo.listNeeds(tx, id)),
      topics: (await repo.listTopics(tx, id)).map(presentTopic),
      sessions: await presentSessions(tx, id, await repo.listSessions(tx, id)),
      coverage: await trainingCoverage(tx, id),
      parties: await repo.activeParties(tx, id),
      staff: (await repo.staffOf(tx, a.tenantIds)).map((s) => ({ id: s.id, name: s.name })),
      abilities: { manage: canManage(actor, a) },
    };
    await audit(tx, { action: 'competence.read', entity: 'collaboration', entityId: id });
    return result;
  });
}

export async function createTopic(deps: Deps, actor: Actor, id: string, body: TopicBody): Promise<Topic> {
  return deps.db.transaction(async (tx) => {
    await loadForManage(tx, actor, id);
    const row = await repo.insertTopic(tx, { collaborationId: id, ...body });
    if (!row) throw errors.validation([{ path: 'body.name', message: 'A topic with this name exists already.' }]);
    await audit(tx, { action: 'training_topic.create', entity: 'training_topic', entityId: row.id });
    return presentTopic(row);
  });
}

export async function createSession(deps: Deps, actor: Actor, id: string, body: SessionBody): Promise<Session> {
  return deps.db.transaction(async (tx) => {
    const a = await loadForManage(tx, actor, id);
    const issues: Issue[] = [];
    if (!(await repo.findTopic(tx, id, body.topicId)))
      issues.push({ path: 'body.topicId', message: 'No such topic in this collaboration.' });
    if (body.heldOn > todayInSweden() && body.attendeeUserIds.length > 0)
      issues.push({ path: 'body.attendeeUserIds', message: 'Attendance is recorded once the session is held.' });
    issues.push(...(await partyIssues(tx, a, body.partyIds, 'body.partyIds')));
    issues.push(...(await staffIssues(tx, a, body.attendeeUserIds, 'body.attendeeUserIds')));
    if (issues.length > 0) throw errors.validation(issues);
    const row = await repo.insertSession(tx, {
      collaborationId: id,
      topicId: body.topicId,
      heldOn: body.heldOn,
      roles: body.roles,
      partyIds: body.partyIds,
      createdBy: actor.userId,
    });
    await repo.setAttendance(tx, row.id, body.attendeeUserIds, actor.userId);
    await audit(tx, {
      action: 'training_session.create',
      entity: 'training_session',
      entityId: row.id,
      detail: { attendees: body.attendeeUserIds.length },
    });
    return (await presentSessions(tx, id, [row]))[0]!;
  });
}

export async function setAttendance(
  deps: Deps,
  actor: Actor,
  id: string,
  sessionId: string,
  body: AttendanceBody,
): Promise<Session> {
  return deps.db.transaction(async (tx) => {
    const a = await loadForManage(tx, actor, id);
    const session = await repo.findSession(tx, id, sessionId);
    if (!session) throw errors.notFound('training session');
    const issues = await staffIssues(tx, a, body.attendeeUserIds, 'body.attendeeUserIds');
    if (session.heldOn > todayInSweden() && body.attendeeUserIds.length > 0)
      issues.push({ path: 'body.attendeeUserIds', message: 'Attendance is recorded once the session is held.' });
    if (issues.length > 0) throw errors.validation(issues);
    await repo.setAttendance(tx, session.id, body.attendeeUserIds, actor.userId);
    await audit(tx, {
      action: 'training_session.attendance',
      entity: 'training_session',
      entityId: session.id,
      detail: { attendees: body.attendeeUserIds.length },
    });
    return (await presentSessions(tx, id, [session]))[0]!;
  });
}

/** The actor's own trainings and how long each holds. */
export async function myTraining(deps: Deps, actor: Actor): Promise<MyTraining> {
  const today = todayInSweden();
  const rows = await repo.trainingOf(deps.db, actor.userId);
  return {
    items: rows.map((r) => ({
      topicId: r.topic_id,
      topicName: r.topic_name,
      collaborationId: r.collaboration_id,
      lastHeldOn: r.held_on,
      validUntil: r.valid_until,
      valid: r.valid_until === null || r.valid_until >= today,
    })),
  };
}
