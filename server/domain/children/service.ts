import {
  childRecordIssues,
  todayInSweden,
  type ChildDetail,
  type ChildList,
  type ChildListQuery,
  type CloseChildBody,
  type CreateChildBody,
  type UpdateChildBody,
} from '../../../common/schemas/children.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { rollupAfterWrite } from '../followup/rollup-jobs.ts';
import { errors } from '../../errors.ts';
import { revokeLinksOfChild } from '../child-view/repo.ts';
import { flagsFor, flagsFrom } from '../hub/flags.ts';
import { proposeFirstMeeting } from '../hub/first-meeting.service.ts';
import { accessFrom, loadAccess, type ChildAccess } from './access.ts';
import { authorize, authorizeCreateChild, can } from './policy.ts';
import { presentDetail, presentSummary } from './presenter.ts';
import * as repo from './repo.ts';
import type { children } from './tables.ts';

/**
 * "My children": one read statement (`repo.listPage`) and one audit statement (a row per child shown), and no
 * transaction: a single statement reads one snapshot, and the answer leaves only after its audit rows are written.
 */
export async function listMyChildren(deps: Deps, actor: Actor, query: ChildListQuery): Promise<ChildList> {
  const { rows, total, members, flagData } = await repo.listPage(deps.db, actor, query);
  const flags = flagsFrom(
    flagData,
    rows.map((c) => c.id),
    members,
  );
  await audit(
    deps.db,
    rows.map((c) => ({ action: 'child.list', entity: 'child', entityId: c.id, childId: c.id })),
  );
  return {
    items: rows.map((c) => presentSummary(accessFrom(actor, c, members), flags.get(c.id)!)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The detail as this actor sees it, with its flags; used after every write too. */
async function detailOf(tx: Db, a: ChildAccess): Promise<ChildDetail> {
  const flags = await flagsFor(tx, a.actor.tenantId, [a.child.id], a.members);
  const placementName = await repo.organisationName(tx, a.child.placementOrganisationId);
  return presentDetail(a, flags.get(a.child.id)!, placementName);
}

export async function getChild(deps: Deps, actor: Actor, id: string): Promise<ChildDetail> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, id);
    const detail = await detailOf(tx, a);
    // Last: the audit append holds the tenant's chain head until commit.
    await audit(tx, {
      action: 'child.read',
      entity: 'child',
      entityId: id,
      childId: id,
      detail: { view: a.view, caseNumberInFull: a.view === 'full' && can(a, 'seeCaseNumber') },
    });
    return detail;
  });
}

async function checkPlacement(tx: Db, tenantId: string, organisationId: string | undefined): Promise<void> {
  if (organisationId && !(await repo.findTenantOrganisation(tx, tenantId, organisationId)))
    throw errors.validation([
      { path: 'body.placement.organisationId', message: 'No such organisation in your municipality.' },
    ]);
}

/** Opens a case. The social worker who opens it becomes the hub's social worker. */
export async function createChild(deps: Deps, actor: Actor, body: CreateChildBody): Promise<ChildDetail> {
  authorizeCreateChild(actor);
  const issues = childRecordIssues(body);
  if (issues.length > 0) throw errors.validation(issues);
  const organisationId = actor.memberships.find((m) => m.role === 'social_worker')!.organisationId;
  return deps.db.transaction(async (tx) => {
    await checkPlacement(tx, actor.tenantId, body.placement?.organisationId);
    const child = await repo.insertChild(tx, {
      tenantId: actor.tenantId,
      displayName: body.displayName,
      dateOfBirth: body.dateOfBirth,
      assessedAge: body.assessedAge,
      languages: body.languages,
      interpreterNeeded: body.interpreterNeeded,
      interpreterLanguage: body.interpreterLanguage,
      arrivalDate: body.arrivalDate,
      caseNumber: body.caseNumber,
      placementKind: body.placement?.kind ?? null,
      placementOrganisationId: body.placement?.organisationId ?? null,
      asylumStatus: body.asylumStatus,
    });
    const member = await repo.insertHubMember(tx, {
      tenantId: actor.tenantId,
      childId: child.id,
      userId: actor.userId,
      organisationId,
      hubRole: 'social_worker',
      startsOn: todayInSweden(),
    });
    await audit(tx, [
      { action: 'child.created', entity: 'child', entityId: child.id, childId: child.id },
      {
        action: 'hub.member_added',
        entity: 'hub_member',
        entityId: member.id,
        childId: child.id,
        detail: { hubRole: 'social_worker', memberName: actor.displayName },
      },
    ]);
    await proposeFirstMeeting(tx, child);
    return detailOf(tx, accessFrom(actor, child, [member]));
  });
}

type Patch = Partial<typeof children.$inferInsert>;

function patchFrom(body: UpdateChildBody): Patch {
  const patch: Patch = {};
  const { version: _version, placement, ...plain } = body;
  for (const [key, value] of Object.entries(plain)) if (value !== undefined) Object.assign(patch, { [key]: value });
  if (placement !== undefined) {
    patch.placementKind = placement?.kind ?? null;
    patch.placementOrganisationId = placement?.organisationId ?? null;
  }
  return patch;
}

function changedFields(before: repo.ChildRow, patch: Patch): string[] {
  return Object.entries(patch)
    .filter(([key, value]) => JSON.stringify(before[key as keyof repo.ChildRow]) !== JSON.stringify(value))
    .map(([key]) => (key.startsWith('placement') ? 'placement' : key))
    .filter((k, i, all) => all.indexOf(k) === i)
    .sort();
}

export type WriteResult = { ok: true; child: ChildDetail } | { ok: false; current: ChildDetail };

/** A versioned update: a stale `version` changes nothing and returns the record as it is now. */
export async function updateChild(deps: Deps, actor: Actor, id: string, body: UpdateChildBody): Promise<WriteResult> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, id);
    authorize(a, 'edit');
    const patch = patchFrom(body);
    const merged = { ...a.child, ...patch };
    const issues = childRecordIssues(merged);
    if (issues.length > 0) throw errors.validation(issues);
    await checkPlacement(tx, actor.tenantId, body.placement?.organisationId);
    const row = await repo.updateVersioned(tx, id, body.version, patch);
    if (!row) return conflict(tx, a);
    const fields = changedFields(a.child, patch);
    await audit(tx, {
      action: 'child.updated',
      entity: 'child',
      entityId: id,
      childId: id,
      detail: { fields, ...(fields.includes('asylumStatus') ? { asylumStatus: row.asylumStatus } : {}) },
    });
    return { ok: true, child: await detailOf(tx, { ...a, child: row }) };
  });
}

async function conflict(tx: Db, a: ChildAccess): Promise<WriteResult> {
  await audit(tx, {
    action: 'child.read',
    entity: 'child',
    entityId: a.child.id,
    childId: a.child.id,
    detail: { view: a.view, versionConflict: true },
  });
  return { ok: false, current: await detailOf(tx, a) };
}

/** Closes the case with a reason. The child's own page stops working at once. */
export async function closeChild(deps: Deps, actor: Actor, id: string, body: CloseChildBody): Promise<WriteResult> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, id);
    authorize(a, 'close');
    const row = await repo.updateVersioned(tx, id, body.version, {
      caseStatus: 'closed',
      closedReason: body.reason,
      closedAt: new Date(),
    });
    if (!row) return conflict(tx, a);
    await revokeLinksOfChild(tx, id);
    // A closed case leaves the figures' end-of-month states: rebuilt within the minute.
    await rollupAfterWrite(tx, row.tenantId);
    await audit(tx, {
      action: 'child.closed',
      entity: 'child',
      entityId: id,
      childId: id,
      detail: { reason: body.reason },
    });
    return { ok: true, child: await detailOf(tx, { ...a, child: row }) };
  });
}
