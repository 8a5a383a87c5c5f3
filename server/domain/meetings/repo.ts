import { and, asc, eq, inArray, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { memberships, organisations, users } from '../tenancy/tables.ts';
import { agendaItems, decisions, meetingParticipants, meetings, minuteAmendments } from './tables.ts';

export type MeetingRow = typeof meetings.$inferSelect;
export type ParticipantRow = typeof meetingParticipants.$inferSelect;
export type AgendaRow = typeof agendaItems.$inferSelect;
export type DecisionRow = typeof decisions.$inferSelect;
export type AmendmentRow = typeof minuteAmendments.$inferSelect;

/** A meeting of the tenant, whoever may see it: the caller applies the scope rule. */
export async function findMeeting(db: Db, tenantId: string, id: string): Promise<MeetingRow | null> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), eq(meetings.tenantId, tenantId)));
  return row ?? null;
}

/** A collaboration's meeting, of whichever municipality organised it: the caller checks the collaboration. */
export async function findCollaborationMeeting(db: Db, id: string): Promise<MeetingRow | null> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), isNotNull(meetings.collaborationId)));
  return row ?? null;
}

export async function participantsOf(db: Db, meetingId: string): Promise<ParticipantRow[]> {
  return db
    .select()
    .from(meetingParticipants)
    .where(eq(meetingParticipants.meetingId, meetingId))
    .orderBy(asc(meetingParticipants.createdAt), asc(meetingParticipants.id));
}

export async function agendaOf(db: Db, meetingId: string): Promise<AgendaRow[]> {
  return db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
}

export async function amendmentsOf(db: Db, meetingId: string): Promise<AmendmentRow[]> {
  return db
    .select()
    .from(minuteAmendments)
    .where(eq(minuteAmendments.meetingId, meetingId))
    .orderBy(asc(minuteAmendments.createdAt));
}

export async function decisionsOf(db: Db, meetingIds: string[]): Promise<DecisionRow[]> {
  if (meetingIds.length === 0) return [];
  return db
    .select()
    .from(decisions)
    .where(inArray(decisions.meetingId, meetingIds))
    .orderBy(asc(decisions.dueOn), asc(decisions.createdAt));
}

export async function findDecision(db: Db, tenantId: string, id: string): Promise<DecisionRow | null> {
  const [row] = await db
    .select()
    .from(decisions)
    .where(and(eq(decisions.id, id), eq(decisions.tenantId, tenantId)));
  return row ?? null;
}

/**
 * The follow-up of a child's meeting: decisions of the child's earlier
 * (not cancelled) meetings that are still open, or were closed after the
 * latest of those meetings began.
 */
export async function followUpDecisions(db: Db, meeting: MeetingRow): Promise<DecisionRow[]> {
  // A child's meetings follow up the child's; a collaboration's meetings of one kind follow up each other.
  const same = meeting.childId
    ? eq(meetings.childId, meeting.childId)
    : meeting.collaborationId
      ? and(eq(meetings.collaborationId, meeting.collaborationId), eq(meetings.kind, meeting.kind))
      : undefined;
  if (!same) return [];
  const earlier = await db
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(same, ne(meetings.id, meeting.id), ne(meetings.status, 'cancelled'), lt(meetings.startsAt, meeting.startsAt)),
    );
  if (earlier.length === 0) return [];
  const latest = new Date(Math.max(...earlier.map((m) => m.startsAt.getTime())));
  return db
    .select()
    .from(decisions)
    .where(
      and(
        inArray(
          decisions.meetingId,
          earlier.map((m) => m.id),
        ),
        or(eq(decisions.status, 'open'), and(isNotNull(decisions.closedAt), sql`${decisions.closedAt} >= ${latest}`)),
      ),
    )
    .orderBy(asc(decisions.dueOn), asc(decisions.createdAt));
}

export async function userNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** Users of the tenant who can log in and hold a role other than volunteer. */
export async function activeStaffUsers(db: Db, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const staffRole = and(
    eq(memberships.userId, users.id),
    isNull(memberships.endedAt),
    ne(memberships.role, 'volunteer'),
  );
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenantId),
        isNull(users.disabledAt),
        inArray(users.id, ids),
        sql`exists (select 1 from ${memberships} where ${staffRole})`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

export async function insertParticipants(db: Db, rows: (typeof meetingParticipants.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(meetingParticipants).values(rows).returning();
}

/** Writes only when the stored version is the one read; bumps it. Null when stale. */
export async function updateMeetingVersioned(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof meetings.$inferInsert>,
): Promise<MeetingRow | null> {
  const [row] = await db
    .update(meetings)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(meetings.id, id), eq(meetings.version, version)))
    .returning();
  return row ?? null;
}

/** A change that needs no version from the client (status transitions); still bumps the version. */
export async function updateMeeting(db: Db, row: MeetingRow, patch: Partial<typeof meetings.$inferInsert>) {
  const [updated] = await db
    .update(meetings)
    .set({ ...patch, version: row.version + 1, updatedAt: new Date() })
    .where(eq(meetings.id, row.id))
    .returning();
  if (!updated) throw new Error('meeting vanished');
  return updated;
}

export async function meetingTitles(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: meetings.id, title: meetings.title })
    .from(meetings)
    .where(inArray(meetings.id, ids));
  return new Map(rows.map((r) => [r.id, r.title]));
}

export async function organisationNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
