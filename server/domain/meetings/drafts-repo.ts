import { and, asc, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { hubMembers } from '../children/tables.ts';
import { checklistOutcomes, firstMeetings } from '../hub/tables.ts';
import { meetings } from './tables.ts';

/** The hub's open members who may be invited to a child's meeting (staff, not civil society), oldest first. */
export async function invitableMembersOf(db: Db, childId: string) {
  return db
    .select({ userId: hubMembers.userId, hubRole: hubMembers.hubRole })
    .from(hubMembers)
    .where(and(eq(hubMembers.childId, childId), isNull(hubMembers.endedAt), ne(hubMembers.hubRole, 'civil_society')))
    .orderBy(asc(hubMembers.createdAt));
}

/** The child's meeting Navet proposed that is neither held nor cancelled, if any. */
export async function unresolvedProposal(db: Db, childId: string) {
  const [row] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.childId, childId), isNotNull(meetings.proposedByEventId), eq(meetings.status, 'planned')))
    .limit(1);
  return row ?? null;
}

export async function insertMeeting(db: Db, values: typeof meetings.$inferInsert) {
  const [row] = await db.insert(meetings).values(values).returning();
  return row!;
}

/** The child's first-meeting row, if Navet has proposed one. */
export async function firstMeetingOf(db: Db, childId: string) {
  const [row] = await db.select().from(firstMeetings).where(eq(firstMeetings.childId, childId));
  return row ?? null;
}

/** Links a first hub meeting to the child's first-meeting checklist, unless another meeting is linked. */
export async function linkFirstMeeting(
  db: Db,
  v: { tenantId: string; childId: string; meetingId: string; proposedOn: string },
): Promise<boolean> {
  const rows = await db
    .insert(firstMeetings)
    .values({ tenantId: v.tenantId, childId: v.childId, meetingId: v.meetingId, proposedOn: v.proposedOn })
    .onConflictDoUpdate({
      target: firstMeetings.childId,
      set: { meetingId: v.meetingId, proposedOn: v.proposedOn, updatedAt: new Date() },
      where: isNull(firstMeetings.meetingId),
    })
    .returning({ childId: firstMeetings.childId });
  return rows.length > 0;
}

/** Ticks "meeting held" on the child's checklist (kept when already recorded as done). */
export async function tickMeetingHeld(db: Db, v: { tenantId: string; childId: string; recordedBy: string }) {
  const values = { done: true, note: null, recordedBy: v.recordedBy, recordedAt: new Date() };
  return db
    .insert(checklistOutcomes)
    .values({ childId: v.childId, item: 'meeting_held', tenantId: v.tenantId, ...values })
    .onConflictDoUpdate({
      target: [checklistOutcomes.childId, checklistOutcomes.item],
      set: values,
      where: eq(checklistOutcomes.done, false),
    })
    .returning({ childId: checklistOutcomes.childId });
}
