import { and, asc, desc, eq, ilike, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { activeMembership } from '../children/scope.ts';
import { beskedContradictions } from '../besked/tables.ts';
import { meetings } from '../meetings/tables.ts';
import { hubMembers } from '../children/tables.ts';
import { sharedWith, withheldRows, type Guarded } from '../sharing/rule.ts';
import { memberships, organisations, users } from '../tenancy/tables.ts';
import { checklistOutcomes, firstMeetings, hubQuestions, tenantTopics, topicAssignments } from './tables.ts';

export type TenantTopicRow = typeof tenantTopics.$inferSelect;
export type AssignmentRow = typeof topicAssignments.$inferSelect;
export type QuestionRow = typeof hubQuestions.$inferSelect;
export type OutcomeRow = typeof checklistOutcomes.$inferSelect;
export type FirstMeetingRow = typeof firstMeetings.$inferSelect;

/** A membership with the names a response shows. */
export interface NamedMember {
  member: typeof hubMembers.$inferSelect;
  userName: string;
  organisationName: string;
}

/** Memberships of one child with names; open ones, or all of them. */
export async function namedMembers(db: Db, childId: string, opts: { includeEnded: boolean }): Promise<NamedMember[]> {
  return db
    .select({ member: hubMembers, userName: users.displayName, organisationName: organisations.name })
    .from(hubMembers)
    .innerJoin(users, eq(users.id, hubMembers.userId))
    .innerJoin(organisations, eq(organisations.id, hubMembers.organisationId))
    .where(and(eq(hubMembers.childId, childId), opts.includeEnded ? undefined : activeMembership()))
    .orderBy(asc(hubMembers.createdAt));
}

/** Names of the given memberships, open or ended (questions may point at a former member). */
export async function namedMembersById(db: Db, ids: string[]): Promise<Map<string, NamedMember>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ member: hubMembers, userName: users.displayName, organisationName: organisations.name })
    .from(hubMembers)
    .innerJoin(users, eq(users.id, hubMembers.userId))
    .innerJoin(organisations, eq(organisations.id, hubMembers.organisationId))
    .where(inArray(hubMembers.id, ids));
  return new Map(rows.map((r) => [r.member.id, r]));
}

export async function updateMember(db: Db, id: string, patch: Partial<typeof hubMembers.$inferInsert>) {
  const [row] = await db.update(hubMembers).set(patch).where(eq(hubMembers.id, id)).returning();
  if (!row) throw new Error('hub member vanished');
  return row;
}

/** A user of the tenant who can log in, with their open organisation roles and each organisation's principal type. */
export async function tenantUserWithRoles(db: Db, tenantId: string, userId: string) {
  const rows = await db
    .select({
      userId: users.id,
      displayName: users.displayName,
      organisationId: memberships.organisationId,
      role: memberships.role,
      principalType: organisations.principalType,
    })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), isNull(memberships.endedAt)))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(users.id, userId), eq(users.tenantId, tenantId), isNull(users.disabledAt)));
  return rows;
}

/** Colleagues for the people picker: users who can log in and hold a role. */
export async function searchPeople(db: Db, tenantId: string, q: string | undefined, limit: number) {
  const filters: SQL[] = [eq(users.tenantId, tenantId), isNull(users.disabledAt)];
  if (q) filters.push(ilike(users.displayName, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const found = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(...filters))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(limit);
  if (found.length === 0) return [];
  const roles = await db
    .select({
      userId: memberships.userId,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      principalType: organisations.principalType,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        inArray(
          memberships.userId,
          found.map((u) => u.id),
        ),
        isNull(memberships.endedAt),
      ),
    );
  return found.map((u) => ({ ...u, roles: roles.filter((r) => r.userId === u.id) })).filter((u) => u.roles.length > 0);
}

export async function tenantOrganisations(db: Db, tenantId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name, principalType: organisations.principalType })
    .from(organisations)
    .where(eq(organisations.tenantId, tenantId))
    .orderBy(asc(organisations.name));
}

// ---- topics ----

export async function listTenantTopics(db: Db, tenantId: string, opts: { includeArchived: boolean }) {
  return db
    .select()
    .from(tenantTopics)
    .where(and(eq(tenantTopics.tenantId, tenantId), opts.includeArchived ? undefined : isNull(tenantTopics.archivedAt)))
    .orderBy(asc(tenantTopics.createdAt));
}

export async function findTenantTopic(db: Db, tenantId: string, id: string): Promise<TenantTopicRow | null> {
  const [row] = await db
    .select()
    .from(tenantTopics)
    .where(and(eq(tenantTopics.id, id), eq(tenantTopics.tenantId, tenantId)));
  return row ?? null;
}

export async function assignmentsFor(db: Db, childIds: string[]): Promise<AssignmentRow[]> {
  if (childIds.length === 0) return [];
  return db.select().from(topicAssignments).where(inArray(topicAssignments.childId, childIds));
}

/** The assignment of one topic of one child, if it was ever set. */
export async function findAssignment(db: Db, childId: string, topic: string): Promise<AssignmentRow | null> {
  const [row] = await db
    .select()
    .from(topicAssignments)
    .where(and(eq(topicAssignments.childId, childId), eq(topicAssignments.topic, topic)));
  return row ?? null;
}

export async function upsertAssignment(db: Db, values: typeof topicAssignments.$inferInsert): Promise<AssignmentRow> {
  const [row] = await db
    .insert(topicAssignments)
    .values(values)
    .onConflictDoUpdate({
      target: [topicAssignments.childId, topicAssignments.topic],
      set: {
        responsibleMemberId: values.responsibleMemberId ?? null,
        fallbackMemberId: values.fallbackMemberId ?? null,
        shareableWithCivilSociety: values.shareableWithCivilSociety ?? false,
        updatedAt: new Date(),
      },
    })
    .returning();
  if (!row) throw new Error('assignment upsert returned nothing');
  return row;
}

/** Hands a leaving member's topics to their replacement. */
export async function transferTopics(db: Db, childId: string, from: string, to: string): Promise<void> {
  await db
    .update(topicAssignments)
    .set({ responsibleMemberId: to, updatedAt: new Date() })
    .where(and(eq(topicAssignments.childId, childId), eq(topicAssignments.responsibleMemberId, from)));
  await db
    .update(topicAssignments)
    .set({ fallbackMemberId: to, updatedAt: new Date() })
    .where(and(eq(topicAssignments.childId, childId), eq(topicAssignments.fallbackMemberId, from)));
}

// ---- first meeting ----

export async function findFirstMeeting(db: Db, childId: string): Promise<FirstMeetingRow | null> {
  const [row] = await db.select().from(firstMeetings).where(eq(firstMeetings.childId, childId));
  return row ?? null;
}

/** The children's open besked contradictions (not yet resolved by an agreed line), one row each. */
export async function openContradictionsFor(db: Db, childIds: string[]): Promise<{ childId: string; topic: string }[]> {
  if (childIds.length === 0) return [];
  return db
    .select({ childId: beskedContradictions.childId, topic: beskedContradictions.topic })
    .from(beskedContradictions)
    .where(and(inArray(beskedContradictions.childId, childIds), isNull(beskedContradictions.resolvedAt)));
}

/** The meeting that plans the child's first meeting (linked when it was scheduled), if any. */
export async function linkedMeeting(db: Db, meetingId: string | null) {
  if (!meetingId) return null;
  const [row] = await db
    .select({ id: meetings.id, startsAt: meetings.startsAt, endsAt: meetings.endsAt, status: meetings.status })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  return row ?? null;
}

export type LinkedMeetingRow = NonNullable<Awaited<ReturnType<typeof linkedMeeting>>>;

export async function outcomesFor(db: Db, childIds: string[]): Promise<OutcomeRow[]> {
  if (childIds.length === 0) return [];
  return db.select().from(checklistOutcomes).where(inArray(checklistOutcomes.childId, childIds));
}

// ---- questions ----

export async function questionsFor(db: Db, childIds: string[], status?: string): Promise<QuestionRow[]> {
  if (childIds.length === 0) return [];
  return db
    .select()
    .from(hubQuestions)
    .where(and(inArray(hubQuestions.childId, childIds), status ? eq(hubQuestions.status, status) : undefined))
    .orderBy(asc(hubQuestions.dueOn), desc(hubQuestions.createdAt));
}

/** What the sharing rule reads on a question: the organisation of the member who raised it owns it. */
export const questionCols = {
  childId: hubQuestions.childId,
  owner: hubQuestions.ownerOrganisationId,
  category: hubQuestions.category,
};

/** The child's questions the actor may see (purpose hub). */
export async function visibleQuestions(db: Db, actor: Actor, childId: string, status?: string): Promise<QuestionRow[]> {
  return db
    .select()
    .from(hubQuestions)
    .where(
      and(
        eq(hubQuestions.childId, childId),
        status ? eq(hubQuestions.status, status) : undefined,
        sharedWith(actor, questionCols, 'hub'),
      ),
    )
    .orderBy(asc(hubQuestions.dueOn), desc(hubQuestions.createdAt));
}

/** Questions kept from the actor, by owner and category: counted for the audit, never shown. */
export async function withheldQuestions(db: Db, actor: Actor, childId: string, status?: string): Promise<Guarded[]> {
  const where = and(eq(hubQuestions.childId, childId), status ? eq(hubQuestions.status, status) : undefined);
  return withheldRows(db, actor, hubQuestions, questionCols, where, 'hub');
}

/** One question of the child that the actor may see; null otherwise (answered 404). */
export async function findVisibleQuestion(
  db: Db,
  actor: Actor,
  childId: string,
  id: string,
): Promise<QuestionRow | null> {
  const [row] = await db
    .select()
    .from(hubQuestions)
    .where(and(eq(hubQuestions.id, id), eq(hubQuestions.childId, childId), sharedWith(actor, questionCols, 'hub')));
  return row ?? null;
}

/** A member's open questions on one child. */
export async function openQuestionsOf(db: Db, childId: string, memberId: string): Promise<QuestionRow[]> {
  return db
    .select()
    .from(hubQuestions)
    .where(
      and(eq(hubQuestions.childId, childId), eq(hubQuestions.ownerMemberId, memberId), eq(hubQuestions.status, 'open')),
    );
}

/** Hands a leaving member's open questions to their replacement: never "someone". */
export async function transferOpenQuestions(db: Db, childId: string, from: string, to: string): Promise<void> {
  await db
    .update(hubQuestions)
    .set({ ownerMemberId: to, updatedAt: new Date() })
    .where(
      and(eq(hubQuestions.childId, childId), eq(hubQuestions.ownerMemberId, from), eq(hubQuestions.status, 'open')),
    );
}

/** A question with the user who holds it now (its owner's membership), for the overdue reminder. */
export async function questionWithOwnerUser(db: Db, id: string) {
  const [row] = await db
    .select({ question: hubQuestions, ownerUserId: hubMembers.userId })
    .from(hubQuestions)
    .innerJoin(hubMembers, eq(hubMembers.id, hubQuestions.ownerMemberId))
    .where(eq(hubQuestions.id, id));
  return row ?? null;
}
