import { inArray } from 'drizzle-orm';
import { coreHubRoles, todayInSweden, type HubRole } from '../../../common/schemas/children.ts';
import type { ChecklistItem, ChecklistItemBody, FirstMeeting, FirstMeetingBody } from '../../../common/schemas/hub.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { loadAccess, type ChildAccess } from '../children/access.ts';
import { addDays } from '../children/dates.ts';
import { authorize, can } from '../children/policy.ts';
import type { ChildRow } from '../children/repo.ts';
import { users } from '../tenancy/tables.ts';
import { presentFirstMeeting } from './presenter.ts';
import * as repo from './repo.ts';
import { checklistOutcomes, firstMeetings } from './tables.ts';
import { inTurn } from '../../db/in-turn.ts';

/** How far ahead Navet proposes the first meeting: soon, as the guide asks, but with time to gather. */
const PROPOSE_AFTER_DAYS = 7;

/**
 * Navet proposes the first meeting of the core three once per child: when the
 * case is opened, or when a hub first has all three. Idempotent.
 */
export async function proposeFirstMeeting(tx: Db, child: ChildRow): Promise<void> {
  const inserted = await tx
    .insert(firstMeetings)
    .values({ childId: child.id, tenantId: child.tenantId, proposedOn: addDays(todayInSweden(), PROPOSE_AFTER_DAYS) })
    .onConflictDoNothing()
    .returning();
  const row = inserted[0];
  if (!row) return;
  await audit(tx, {
    action: 'hub.first_meeting_proposed',
    entity: 'first_meeting',
    entityId: child.id,
    childId: child.id,
    detail: { proposedOn: row.proposedOn },
  });
}

async function present(tx: Db, a: ChildAccess): Promise<FirstMeeting> {
  const [meeting, outcomes, members] = await inTurn(
    () => repo.findFirstMeeting(tx, a.child.id),
    () => repo.outcomesFor(tx, [a.child.id]),
    () => repo.namedMembers(tx, a.child.id, { includeEnded: false }),
  );
  const recorderIds = [...new Set(outcomes.map((o) => o.recordedBy))];
  const recorders =
    recorderIds.length > 0
      ? await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, recorderIds))
      : [];
  const participants = members
    .filter((n) => coreHubRoles.includes(n.member.hubRole as HubRole))
    .sort(
      (x, y) => coreHubRoles.indexOf(x.member.hubRole as HubRole) - coreHubRoles.indexOf(y.member.hubRole as HubRole),
    );
  return presentFirstMeeting(
    meeting,
    await repo.linkedMeeting(tx, meeting?.meetingId ?? null),
    participants,
    outcomes,
    new Map(recorders.map((r) => [r.id, r.name])),
    can(a, 'recordFirstMeeting'),
  );
}

export async function getFirstMeeting(deps: Deps, actor: Actor, childId: string): Promise<FirstMeeting> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorize(a, 'readFirstMeeting');
    await audit(tx, { action: 'hub.first_meeting_read', entity: 'first_meeting', entityId: childId, childId });
    return present(tx, a);
  });
}

export async function setProposedDate(
  deps: Deps,
  actor: Actor,
  childId: string,
  body: FirstMeetingBody,
): Promise<FirstMeeting> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorize(a, 'recordFirstMeeting');
    await tx
      .insert(firstMeetings)
      .values({ childId, tenantId: a.child.tenantId, proposedOn: body.proposedOn })
      .onConflictDoUpdate({
        target: firstMeetings.childId,
        set: { proposedOn: body.proposedOn, updatedAt: new Date() },
      });
    await audit(tx, {
      action: 'hub.first_meeting_updated',
      entity: 'first_meeting',
      entityId: childId,
      childId,
      detail: { proposedOn: body.proposedOn },
    });
    return present(tx, a);
  });
}

/** Records the outcome of one checklist item: done or not, and what was agreed. */
export async function recordItem(
  deps: Deps,
  actor: Actor,
  childId: string,
  item: ChecklistItem,
  body: ChecklistItemBody,
): Promise<FirstMeeting> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorize(a, 'recordFirstMeeting');
    const values = { done: body.done, note: body.note || null, recordedBy: actor.userId, recordedAt: new Date() };
    await tx
      .insert(checklistOutcomes)
      .values({ childId, item, tenantId: a.child.tenantId, ...values })
      .onConflictDoUpdate({ target: [checklistOutcomes.childId, checklistOutcomes.item], set: values });
    await audit(tx, {
      action: 'hub.checklist_recorded',
      entity: 'first_meeting',
      entityId: childId,
      childId,
      detail: { item, done: body.done },
    });
    return present(tx, a);
  });
}
