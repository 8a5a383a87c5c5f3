import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { todayInSweden, type AsylumStatus } from '../../../common/schemas/children.ts';
import {
  recordableEventTypes,
  type ChildEventList,
  type DeadlineList,
  type EventType,
  type RecordEventBody,
  type RecordEventResult,
} from '../../../common/schemas/events.ts';
import { categoryOfEvent, type InfoCategory } from '../../../common/schemas/sharing.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { enqueue } from '../../jobs/index.ts';
import { rollupAfterWrite } from '../followup/rollup-jobs.ts';
import { loadAccess } from '../children/access.ts';
import { addDays } from '../children/dates.ts';
import * as childRepo from '../children/repo.ts';
import { fullyVisibleChildren } from '../children/scope.ts';
import { children, hubMembers } from '../children/tables.ts';
import { auditSharing } from '../sharing/audit.ts';
import { loadGrants, organisationsOf, sharedWith } from '../sharing/rule.ts';
import { organisations, users } from '../tenancy/tables.ts';
import { deriveDeadlines } from './deadlines.ts';
import { authorizeReadEvents, authorizeRecordEvent, canRecordEvent } from './policy.ts';
import { presentDeadline, presentEvent, type EventRow } from './presenter.ts';
import { statusAfter } from './status.ts';
import { childDeadlines, childEvents } from './tables.ts';

export const ROUTE_JOB = 'events.route';

/** The three decisions are one family: a grant and a rejection on the same day are a likely mistake too. */
const decisions: EventType[] = ['asylum_granted', 'asylum_rejected', 'asylum_rejected_removal'];

async function isDuplicate(tx: Db, childId: string, type: EventType, occurredOn: string): Promise<boolean> {
  const family = decisions.includes(type) ? decisions : [type];
  const [row] = await tx
    .select({ id: childEvents.id })
    .from(childEvents)
    .where(
      and(eq(childEvents.childId, childId), inArray(childEvents.type, family), eq(childEvents.occurredOn, occurredOn)),
    )
    .limit(1);
  return row !== undefined;
}

export interface NewEvent {
  type: EventType;
  occurredOn: string;
  source: string;
  note: string;
  departureDate: string | null;
  /** Null when Navet records it. */
  recordedBy: string | null;
  /** Owns the note under the sharing rule: the recorder's organisation in the hub. */
  ownerOrganisationId: string;
  category: InfoCategory;
}

/** What the sharing rule reads on an event's note. */
const noteCols = {
  childId: childEvents.childId,
  owner: childEvents.ownerOrganisationId,
  category: childEvents.category,
};

/**
 * Who owns what Navet records itself (turning 18): the hub's social worker's
 * organisation, else any member's, else the placement's, else the tenant's first.
 * Such events carry no note, so the owner only keeps the column whole.
 */
export async function navetOwner(tx: Db, child: childRepo.ChildRow): Promise<string> {
  const [member] = await tx
    .select({ org: hubMembers.organisationId })
    .from(hubMembers)
    .where(eq(hubMembers.childId, child.id))
    .orderBy(sql`(${hubMembers.hubRole} = 'social_worker') desc`, sql`${hubMembers.endedAt} desc nulls first`)
    .limit(1);
  if (member) return member.org;
  if (child.placementOrganisationId) return child.placementOrganisationId;
  const [org] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.tenantId, child.tenantId))
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  if (!org) throw new Error('tenant has no organisation');
  return org.id;
}

/**
 * Writes an event and everything that follows from it, in the caller's
 * transaction: the asylum status, the deadlines, the timeline row and the job
 * that routes the notices. Any failure rolls all of it back.
 */
export async function writeEvent(
  tx: Db,
  child: childRepo.ChildRow,
  input: NewEvent,
  now: Date,
): Promise<{ event: EventRow; asylumStatus: AsylumStatus }> {
  const status = statusAfter(input.type, child.asylumStatus);
  const changed = status !== child.asylumStatus;
  if (changed && !(await childRepo.updateVersioned(tx, child.id, child.version, { asylumStatus: status })))
    throw errors.conflict('version_conflict', 'Someone changed the child at the same moment. Try again.');
  const [event] = await tx
    .insert(childEvents)
    .values({
      tenantId: child.tenantId,
      childId: child.id,
      ...input,
      recordedAt: now,
      asylumStatusAfter: changed ? status : null,
    })
    .returning();
  if (!event) throw new Error('event insert returned nothing');
  await deriveDeadlines(tx, { ...event, type: input.type, tenantId: child.tenantId }, child.asylumStatus, now);
  await audit(tx, {
    action: 'event.recorded',
    entity: 'child_event',
    entityId: event.id,
    childId: child.id,
    tenantId: child.tenantId,
    ...(input.recordedBy === null ? { actorUserId: null, organisationId: null } : {}),
    detail: { eventType: input.type, ...(changed ? { asylumStatus: status } : {}) },
  });
  await enqueue(tx, {
    tenantId: child.tenantId,
    kind: ROUTE_JOB,
    runAt: now,
    payload: { eventId: event.id },
    dedupeKey: `route:${event.id}`,
  });
  // A rejection changes the follow-up figures: the municipality's roll-up is rebuilt shortly.
  if (input.type === 'asylum_rejected' || input.type === 'asylum_rejected_removal')
    await rollupAfterWrite(tx, child.tenantId, now);
  return { event, asylumStatus: status };
}

export async function recordEvent(
  deps: Deps,
  actor: Actor,
  childId: string,
  body: RecordEventBody,
): Promise<RecordEventResult> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeRecordEvent(a, body.type);
    if (a.child.dateOfBirth && body.occurredOn < a.child.dateOfBirth)
      throw errors.validation([{ path: 'body.occurredOn', message: 'The event cannot be before the child was born.' }]);
    if (!body.confirmDuplicate && (await isDuplicate(tx, childId, body.type, body.occurredOn)))
      throw errors.conflict(
        'possible_duplicate',
        'This decision or event is already recorded for that day. Send confirmDuplicate: true to record it again.',
      );
    const now = new Date();
    // Recorders are hub members (the policy says so): their place in this hub owns the note.
    const owner = a.mine[0]?.organisationId ?? organisationsOf(actor)[0]!;
    const { event, asylumStatus } = await writeEvent(
      tx,
      a.child,
      {
        type: body.type,
        occurredOn: body.occurredOn,
        source: body.source,
        note: body.note,
        departureDate: body.departureDate,
        recordedBy: actor.userId,
        ownerOrganisationId: owner,
        category: body.category ?? categoryOfEvent(body.type),
      },
      now,
    );
    const open = await tx
      .select()
      .from(childDeadlines)
      .where(and(eq(childDeadlines.childId, childId), eq(childDeadlines.status, 'open')))
      .orderBy(asc(childDeadlines.dueOn));
    return {
      event: presentEvent(event, actor.displayName, true),
      asylumStatus,
      deadlines: open.map((d) => presentDeadline(d, a.child.displayName, now)),
    };
  });
}

export async function listEvents(deps: Deps, actor: Actor, childId: string): Promise<ChildEventList> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeReadEvents(a);
    // Every event, with whether its note is shared with the reader: the event is the hub's, the note is guarded.
    const rows = await tx
      .select({
        event: childEvents,
        name: users.displayName,
        shared: sharedWith(actor, noteCols, 'hub').mapWith(Boolean),
      })
      .from(childEvents)
      .leftJoin(users, eq(users.id, childEvents.recordedBy))
      .where(eq(childEvents.childId, childId))
      .orderBy(desc(childEvents.occurredOn), desc(childEvents.recordedAt));
    await audit(tx, { action: 'child.events_read', entity: 'child', entityId: childId, childId });
    const noted = rows.filter((r) => r.event.note !== '');
    const guarded = (r: (typeof rows)[number]) => ({ owner: r.event.ownerOrganisationId, category: r.event.category });
    await auditSharing(tx, {
      grants: await loadGrants(tx, actor, childId),
      purpose: 'hub',
      entity: 'event_notes',
      entityId: childId,
      shown: noted.filter((r) => r.shared).map(guarded),
      withheld: noted.filter((r) => !r.shared).map(guarded),
    });
    return {
      items: rows.map((r) => presentEvent(r.event, r.name, r.shared)),
      recordable: recordableEventTypes.filter((type) => canRecordEvent(a, type)),
      someWithheld: noted.some((r) => !r.shared),
    };
  });
}

/** The child's open deadlines, passed ones included (they still need someone to act). */
export async function deadlinesOfChild(deps: Deps, actor: Actor, childId: string): Promise<DeadlineList> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeReadEvents(a);
    const rows = await tx
      .select()
      .from(childDeadlines)
      .where(and(eq(childDeadlines.childId, childId), eq(childDeadlines.status, 'open')))
      .orderBy(asc(childDeadlines.dueOn));
    await audit(tx, { action: 'child.deadlines_read', entity: 'child', entityId: childId, childId });
    return { items: rows.map((d) => presentDeadline(d, a.child.displayName)) };
  });
}

/** My task list of dates: open deadlines of the children I see in full, from a month back. */
export async function myDeadlines(deps: Deps, actor: Actor): Promise<DeadlineList> {
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({ deadline: childDeadlines, childName: children.displayName })
      .from(childDeadlines)
      .innerJoin(children, eq(children.id, childDeadlines.childId))
      .where(
        and(
          eq(childDeadlines.tenantId, actor.tenantId),
          eq(childDeadlines.status, 'open'),
          gte(childDeadlines.dueOn, addDays(todayInSweden(), -30)),
          fullyVisibleChildren(actor),
        ),
      )
      .orderBy(asc(childDeadlines.dueOn), asc(children.displayName))
      .limit(200);
    const childIds = [...new Set(rows.map((r) => r.deadline.childId))];
    await audit(
      tx,
      childIds.map((id) => ({ action: 'child.deadlines_read', entity: 'child', entityId: id, childId: id })),
    );
    return { items: rows.map((r) => presentDeadline(r.deadline, r.childName)) };
  });
}
