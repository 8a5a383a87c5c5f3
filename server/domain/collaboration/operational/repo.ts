import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, max, ne, sql } from 'drizzle-orm';
import type { CollaborationLevel } from '../../../../common/schemas/collaboration.ts';
import type { QuestionStatus } from '../../../../common/schemas/forum.ts';
import type { Db } from '../../../db/connect.ts';
import { agendaItems, decisions, meetings } from '../../meetings/tables.ts';
import { memberships, users } from '../../tenancy/tables.ts';
import { collaborationPeople, collaborations } from '../tables.ts';
import { forumFeedback, forumQuestions, meetingSeries, routineReads, routineVersions, routines } from './tables.ts';

export type QuestionRow = typeof forumQuestions.$inferSelect;
export type RoutineRow = typeof routines.$inferSelect;
export type VersionRow = typeof routineVersions.$inferSelect;
export type SeriesRow = typeof meetingSeries.$inferSelect;
export type ForumMeetingRow = typeof meetings.$inferSelect;

export { userNames } from '../../meetings/repo.ts';

// Questions.

export async function insertQuestion(db: Db, row: typeof forumQuestions.$inferInsert): Promise<QuestionRow> {
  const [q] = await db.insert(forumQuestions).values(row).returning();
  return q!;
}

export async function findQuestion(db: Db, collaborationId: string, id: string): Promise<QuestionRow | null> {
  const [q] = await db
    .select()
    .from(forumQuestions)
    .where(and(eq(forumQuestions.id, id), eq(forumQuestions.collaborationId, collaborationId)));
  return q ?? null;
}

export async function listQuestions(
  db: Db,
  collaborationId: string,
  f: { level?: CollaborationLevel; status?: QuestionStatus },
): Promise<QuestionRow[]> {
  return db
    .select()
    .from(forumQuestions)
    .where(
      and(
        eq(forumQuestions.collaborationId, collaborationId),
        f.level ? eq(forumQuestions.level, f.level) : undefined,
        f.status ? eq(forumQuestions.status, f.status) : undefined,
      ),
    )
    .orderBy(desc(forumQuestions.createdAt))
    .limit(500);
}

export async function updateQuestion(
  db: Db,
  id: string,
  patch: Partial<typeof forumQuestions.$inferInsert>,
): Promise<QuestionRow> {
  const [q] = await db
    .update(forumQuestions)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(forumQuestions.id, id))
    .returning();
  return q!;
}

/** Questions raised by the given users, in the given collaborations: a manager's view of their staff's questions. */
export async function questionsRaisedBy(db: Db, collaborationIds: string[], userIds: string[]): Promise<QuestionRow[]> {
  if (collaborationIds.length === 0 || userIds.length === 0) return [];
  return db
    .select()
    .from(forumQuestions)
    .where(and(inArray(forumQuestions.collaborationId, collaborationIds), inArray(forumQuestions.raisedBy, userIds)))
    .orderBy(desc(forumQuestions.createdAt))
    .limit(100);
}

/** Users of the participating municipalities who can log in and hold a staff role: possible owners. */
export async function staffOf(db: Db, tenantIds: string[], ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.tenantId, tenantIds),
        isNull(users.disabledAt),
        inArray(users.id, ids),
        sql`exists (select 1 from ${memberships} where ${and(
          eq(memberships.userId, users.id),
          isNull(memberships.endedAt),
          ne(memberships.role, 'volunteer'),
        )})`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** Staff of the given organisations with their open roles: "their staff" of a manager. */
export async function staffWithRoles(db: Db, organisationIds: string[]): Promise<{ id: string; role: string }[]> {
  if (organisationIds.length === 0) return [];
  return db
    .selectDistinct({ id: users.id, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(inArray(memberships.organisationId, organisationIds), isNull(memberships.endedAt), isNull(users.disabledAt)),
    );
}

// Routines.

export async function insertRoutine(db: Db, row: typeof routines.$inferInsert): Promise<RoutineRow> {
  const [r] = await db.insert(routines).values(row).returning();
  return r!;
}

export async function insertVersion(db: Db, row: typeof routineVersions.$inferInsert): Promise<VersionRow> {
  const [v] = await db.insert(routineVersions).values(row).returning();
  return v!;
}

export async function findRoutine(db: Db, collaborationId: string, id: string): Promise<RoutineRow | null> {
  const [r] = await db
    .select()
    .from(routines)
    .where(and(eq(routines.id, id), eq(routines.collaborationId, collaborationId)));
  return r ?? null;
}

export async function routinesOf(db: Db, collaborationIds: string[]): Promise<RoutineRow[]> {
  if (collaborationIds.length === 0) return [];
  return db
    .select()
    .from(routines)
    .where(inArray(routines.collaborationId, collaborationIds))
    .orderBy(asc(routines.title));
}

export async function versionsOf(db: Db, routineIds: string[]): Promise<VersionRow[]> {
  if (routineIds.length === 0) return [];
  return db
    .select()
    .from(routineVersions)
    .where(inArray(routineVersions.routineId, routineIds))
    .orderBy(asc(routineVersions.routineId), asc(routineVersions.version));
}

/** Locks the routine's versions so that two adoptions or drafts at once are serialised. */
export async function lockVersions(db: Db, routineId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(routineVersions)
    .where(eq(routineVersions.routineId, routineId))
    .orderBy(asc(routineVersions.version))
    .for('update');
}

/** Adopts a version not yet adopted; null when it already was (the caller answers 409). */
export async function adoptVersion(
  db: Db,
  id: string,
  patch: { adoptedBy: string; adoptedDecision: string; adoptedMeetingId: string | null },
): Promise<VersionRow | null> {
  const [v] = await db
    .update(routineVersions)
    .set({ ...patch, adoptedAt: new Date() })
    .where(and(eq(routineVersions.id, id), isNull(routineVersions.adoptedAt)))
    .returning();
  return v ?? null;
}

export async function insertRead(db: Db, versionId: string, userId: string): Promise<void> {
  await db.insert(routineReads).values({ versionId, userId }).onConflictDoNothing();
}

export async function readsOf(db: Db, versionIds: string[], userIds: string[]): Promise<Set<string>> {
  if (versionIds.length === 0 || userIds.length === 0) return new Set();
  const rows = await db
    .select({ versionId: routineReads.versionId, userId: routineReads.userId })
    .from(routineReads)
    .where(and(inArray(routineReads.versionId, versionIds), inArray(routineReads.userId, userIds)));
  return new Set(rows.map((r) => `${r.versionId}:${r.userId}`));
}

// Meetings of the levels.

export async function insertSeries(db: Db, row: typeof meetingSeries.$inferInsert): Promise<SeriesRow> {
  const [s] = await db.insert(meetingSeries).values(row).returning();
  return s!;
}

export async function insertLevelMeetings(db: Db, rows: (typeof meetings.$inferInsert)[]): Promise<ForumMeetingRow[]> {
  if (rows.length === 0) return [];
  return db.insert(meetings).values(rows).returning();
}

export async function seriesOf(db: Db, collaborationId: string): Promise<SeriesRow[]> {
  return db
    .select()
    .from(meetingSeries)
    .where(eq(meetingSeries.collaborationId, collaborationId))
    .orderBy(asc(meetingSeries.createdAt));
}

export async function findSeries(db: Db, collaborationId: string, id: string): Promise<SeriesRow | null> {
  const [s] = await db
    .select()
    .from(meetingSeries)
    .where(and(eq(meetingSeries.id, id), eq(meetingSeries.collaborationId, collaborationId)));
  return s ?? null;
}

/** The collaboration's meetings (never a child's: those have no collaboration), upcoming or past. */
export async function levelMeetings(
  db: Db,
  collaborationIds: string[],
  when: 'upcoming' | 'past' | 'all',
  now = new Date(),
): Promise<ForumMeetingRow[]> {
  if (collaborationIds.length === 0) return [];
  const time = when === 'upcoming' ? gte(meetings.endsAt, now) : when === 'past' ? lt(meetings.endsAt, now) : undefined;
  return db
    .select()
    .from(meetings)
    .where(and(inArray(meetings.collaborationId, collaborationIds), isNull(meetings.childId), time))
    .orderBy(when === 'past' ? desc(meetings.startsAt) : asc(meetings.startsAt))
    .limit(200);
}

export async function findLevelMeeting(db: Db, collaborationId: string, id: string): Promise<ForumMeetingRow | null> {
  const [m] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), eq(meetings.collaborationId, collaborationId), isNull(meetings.childId)));
  return m ?? null;
}

/** Open decisions of collaboration meetings owned by the user. */
export async function ownedLevelDecisions(db: Db, userId: string) {
  return db
    .select({ id: decisions.id, text: decisions.text, dueOn: decisions.dueOn, meetingId: decisions.meetingId })
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .where(and(eq(decisions.ownerUserId, userId), eq(decisions.status, 'open'), isNotNull(meetings.collaborationId)))
    .orderBy(asc(decisions.dueOn))
    .limit(100);
}

// Feedback to staff.

export async function representatives(db: Db, collaborationId: string) {
  return db
    .selectDistinct({ id: collaborationPeople.userId, name: collaborationPeople.name })
    .from(collaborationPeople)
    .where(
      and(
        eq(collaborationPeople.collaborationId, collaborationId),
        eq(collaborationPeople.role, 'operational_representative'),
        isNull(collaborationPeople.endedAt),
        isNotNull(collaborationPeople.userId),
      ),
    );
}

export async function feedbackOf(db: Db, meetingId: string) {
  return db.select().from(forumFeedback).where(eq(forumFeedback.meetingId, meetingId));
}

export async function insertFeedback(db: Db, meetingId: string, userId: string, note: string | null) {
  const [row] = await db.insert(forumFeedback).values({ meetingId, userId, note }).onConflictDoNothing().returning();
  return row ?? null;
}

/** Puts a question on a meeting's agenda, last; the meeting's row lock serialises two at once. */
export async function appendAgendaItem(db: Db, meeting: ForumMeetingRow, title: string, ownerUserId: string) {
  await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meeting.id)).for('update');
  const [last] = await db
    .select({ n: max(agendaItems.position) })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meeting.id));
  const [row] = await db
    .insert(agendaItems)
    .values({ tenantId: meeting.tenantId, meetingId: meeting.id, position: (last?.n ?? -1) + 1, title, ownerUserId })
    .returning();
  return row!;
}

export async function collaborationNames(db: Db, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: collaborations.id, name: collaborations.name })
    .from(collaborations)
    .where(inArray(collaborations.id, ids))
    .orderBy(asc(collaborations.name));
}

/** Links a development proposal unless another request did first; null then. */
export async function linkQuestionProposal(db: Db, id: string, proposalId: string): Promise<QuestionRow | null> {
  const [row] = await db
    .update(forumQuestions)
    .set({ proposalId, updatedAt: new Date() })
    .where(and(eq(forumQuestions.id, id), isNull(forumQuestions.proposalId)))
    .returning();
  return row ?? null;
}

/** For the proposal register: the questions proposals were made from, of one collaboration. */
export async function questionSources(db: Db, collaborationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: forumQuestions.id, title: forumQuestions.title, level: forumQuestions.level })
    .from(forumQuestions)
    .where(and(eq(forumQuestions.collaborationId, collaborationId), inArray(forumQuestions.id, ids)));
}
