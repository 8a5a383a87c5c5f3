import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { decisions, meetings } from '../meetings/tables.ts';
import { sharedWith, withheldRows, type Guarded } from '../sharing/rule.ts';
import {
  planEntries,
  planFollowUps,
  planMeasures,
  planMeetings,
  planParticipants,
  plans,
  planVersions,
} from './tables.ts';

export type PlanRow = typeof plans.$inferSelect;
export type EntryRow = typeof planEntries.$inferSelect;
export type MeasureRow = typeof planMeasures.$inferSelect;
export type ParticipantRow = typeof planParticipants.$inferSelect;
export type VersionRow = typeof planVersions.$inferSelect;
export type FollowUpRow = typeof planFollowUps.$inferSelect;

export async function findPlan(db: Db, tenantId: string, id: string): Promise<PlanRow | null> {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, id)));
  return row ?? null;
}

export async function plansOfChild(db: Db, tenantId: string, childId: string): Promise<PlanRow[]> {
  return db
    .select()
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.childId, childId)))
    .orderBy(desc(plans.createdAt), desc(plans.id));
}

export async function openPlanOfChild(db: Db, childId: string): Promise<PlanRow | null> {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.childId, childId), ne(plans.status, 'ended')));
  return row ?? null;
}

export async function insertPlan(db: Db, values: typeof plans.$inferInsert): Promise<PlanRow> {
  const [row] = await db.insert(plans).values(values).returning();
  if (!row) throw new Error('plan insert returned nothing');
  return row;
}

/** Several measures in one INSERT (a plan created with its measures). */
export async function insertMeasures(db: Db, values: (typeof planMeasures.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(planMeasures).values(values).returning();
}

/** Writes only if the stored version is the one read, and bumps it; null when stale. */
export async function updatePlanVersioned(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof plans.$inferInsert>,
): Promise<PlanRow | null> {
  const [row] = await db
    .update(plans)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(plans.id, id), eq(plans.version, version)))
    .returning();
  return row ?? null;
}

/** Bumps the version when the plan's items change, so an open editor learns of it. */
export async function touchPlan(db: Db, id: string): Promise<void> {
  // One statement: two writers in turn each add one, where a read then a write could both write the same number.
  await db
    .update(plans)
    .set({ version: sql`${plans.version} + 1`, updatedAt: new Date() })
    .where(eq(plans.id, id));
}

// ---- items, guarded by the sharing rule ------------------------------------------------------

const entryCols = {
  childId: planEntries.childId,
  owner: planEntries.owningOrganisationId,
  category: planEntries.category,
};
const measureCols = {
  childId: planMeasures.childId,
  owner: planMeasures.owningOrganisationId,
  category: planMeasures.category,
};

/** Every entry, unfiltered: only for adoption's checks and the frozen copy, never for a reader. */
export async function allEntries(db: Db, planId: string): Promise<EntryRow[]> {
  return db
    .select()
    .from(planEntries)
    .where(eq(planEntries.planId, planId))
    .orderBy(asc(planEntries.createdAt), asc(planEntries.id));
}

export async function allMeasures(db: Db, planId: string): Promise<MeasureRow[]> {
  return db
    .select()
    .from(planMeasures)
    .where(eq(planMeasures.planId, planId))
    .orderBy(asc(planMeasures.startOn), asc(planMeasures.createdAt), asc(planMeasures.id));
}

/** The entries the actor may see, for the plan purpose. */
export async function visibleEntries(db: Db, actor: Actor, planId: string): Promise<EntryRow[]> {
  return db
    .select()
    .from(planEntries)
    .where(and(eq(planEntries.planId, planId), sharedWith(actor, entryCols, 'plan')))
    .orderBy(asc(planEntries.createdAt), asc(planEntries.id));
}

export async function visibleMeasures(db: Db, actor: Actor, planId: string): Promise<MeasureRow[]> {
  return db
    .select()
    .from(planMeasures)
    .where(and(eq(planMeasures.planId, planId), sharedWith(actor, measureCols, 'plan')))
    .orderBy(asc(planMeasures.startOn), asc(planMeasures.createdAt), asc(planMeasures.id));
}

/** What was kept from the actor, by owner and category: counted for the audit, never shown. */
export async function withheldItems(db: Db, actor: Actor, planId: string): Promise<Guarded[]> {
  return [
    ...(await withheldRows(db, actor, planEntries, entryCols, eq(planEntries.planId, planId), 'plan')),
    ...(await withheldRows(db, actor, planMeasures, measureCols, eq(planMeasures.planId, planId), 'plan')),
  ];
}

/** One entry the actor may see; null if it is not the plan's or not shared with them. */
export async function findVisibleEntry(db: Db, actor: Actor, planId: string, id: string): Promise<EntryRow | null> {
  const [row] = await db
    .select()
    .from(planEntries)
    .where(and(eq(planEntries.planId, planId), eq(planEntries.id, id), sharedWith(actor, entryCols, 'plan')));
  return row ?? null;
}

export async function findVisibleMeasure(db: Db, actor: Actor, planId: string, id: string): Promise<MeasureRow | null> {
  const [row] = await db
    .select()
    .from(planMeasures)
    .where(and(eq(planMeasures.planId, planId), eq(planMeasures.id, id), sharedWith(actor, measureCols, 'plan')));
  return row ?? null;
}

/** Changes a measure only if its stored version is the one read, and bumps it; null when stale. */
export async function updateMeasureVersioned(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof planMeasures.$inferInsert>,
): Promise<MeasureRow | null> {
  const [row] = await db
    .update(planMeasures)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(planMeasures.id, id), eq(planMeasures.version, version)))
    .returning();
  return row ?? null;
}

/** Whether the plan has a SIP meeting that was held: closed, or under way. */
export async function hasHeldMeeting(db: Db, planId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: meetings.id })
    .from(planMeetings)
    .innerJoin(meetings, eq(meetings.id, planMeetings.meetingId))
    .where(and(eq(planMeetings.planId, planId), inArray(meetings.status, ['closed', 'in_progress'])))
    .limit(1);
  return row !== undefined;
}

// ---- participants, versions, follow-ups, meetings ------------------------------------------

export async function participantsOf(db: Db, planId: string): Promise<ParticipantRow[]> {
  return db
    .select()
    .from(planParticipants)
    .where(eq(planParticipants.planId, planId))
    .orderBy(asc(planParticipants.position));
}

export async function versionsOf(db: Db, planId: string): Promise<VersionRow[]> {
  return db.select().from(planVersions).where(eq(planVersions.planId, planId)).orderBy(asc(planVersions.number));
}

export async function findVersion(db: Db, planId: string, number: number): Promise<VersionRow | null> {
  const [row] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.planId, planId), eq(planVersions.number, number)));
  return row ?? null;
}

export async function followUpsOf(db: Db, planId: string): Promise<FollowUpRow[]> {
  return db.select().from(planFollowUps).where(eq(planFollowUps.planId, planId)).orderBy(desc(planFollowUps.createdAt));
}

export async function meetingsOf(db: Db, planId: string) {
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, status: meetings.status })
    .from(planMeetings)
    .innerJoin(meetings, eq(meetings.id, planMeetings.meetingId))
    .where(eq(planMeetings.planId, planId))
    .orderBy(asc(meetings.startsAt));
}

export async function decisionsOfMeetings(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select()
    .from(decisions)
    .where(inArray(decisions.meetingId, meetingIds))
    .orderBy(asc(decisions.dueOn), asc(decisions.createdAt));
}
