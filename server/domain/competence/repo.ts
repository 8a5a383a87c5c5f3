import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { rowsOf } from '../../notify/recipients.ts';
import { collaborationParties } from '../collaboration/tables.ts';
import { consents } from '../consent/tables.ts';
import { legalShares } from '../sharing/tables.ts';
import { memberships, organisations, tenants, users } from '../tenancy/tables.ts';
import { competenceNeeds, trainingAttendance, trainingSessions, trainingTopics } from './tables.ts';

export type NeedRow = typeof competenceNeeds.$inferSelect;
export type TopicRow = typeof trainingTopics.$inferSelect;
export type SessionRow = typeof trainingSessions.$inferSelect;

/** Counts below this are shown as "<5" and never leave the database. */
export const COVERAGE_MIN_COUNT = 5;

export async function listNeeds(tx: Db, collaborationId: string) {
  return tx
    .select()
    .from(competenceNeeds)
    .where(eq(competenceNeeds.collaborationId, collaborationId))
    .orderBy(asc(competenceNeeds.dueOn), asc(competenceNeeds.createdAt));
}

export async function findNeed(tx: Db, collaborationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(competenceNeeds)
    .where(and(eq(competenceNeeds.collaborationId, collaborationId), eq(competenceNeeds.id, id)));
  return row ?? null;
}

export async function insertNeed(tx: Db, v: typeof competenceNeeds.$inferInsert) {
  const [row] = await tx.insert(competenceNeeds).values(v).returning();
  return row!;
}

export async function updateNeed(tx: Db, id: string, v: Partial<typeof competenceNeeds.$inferInsert>) {
  const [row] = await tx
    .update(competenceNeeds)
    .set({ ...v, updatedAt: new Date() })
    .where(eq(competenceNeeds.id, id))
    .returning();
  return row!;
}

export async function activeParties(tx: Db, collaborationId: string) {
  return tx
    .select({ id: collaborationParties.id, name: collaborationParties.name })
    .from(collaborationParties)
    .where(and(eq(collaborationParties.collaborationId, collaborationId), isNull(collaborationParties.endedAt)))
    .orderBy(asc(collaborationParties.name));
}

/** Every party ever in the collaboration, by id: a need keeps the name of a party that left. */
export async function partyNames(tx: Db, collaborationId: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: collaborationParties.id, name: collaborationParties.name })
    .from(collaborationParties)
    .where(eq(collaborationParties.collaborationId, collaborationId));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Staff of the participating municipalities: enabled users with an open membership. */
export async function staffOf(tx: Db, tenantIds: string[]) {
  if (tenantIds.length === 0) return [];
  return tx
    .selectDistinct({ id: users.id, name: users.displayName, tenantId: users.tenantId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(inArray(users.tenantId, tenantIds), isNull(users.disabledAt), isNull(memberships.endedAt)))
    .orderBy(asc(users.displayName));
}

export async function userNames(tx: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---- training ----------------------------------------------------------------------

export async function listTopics(tx: Db, collaborationId: string) {
  return tx
    .select()
    .from(trainingTopics)
    .where(eq(trainingTopics.collaborationId, collaborationId))
    .orderBy(asc(trainingTopics.name));
}

export async function findTopic(tx: Db, collaborationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(trainingTopics)
    .where(and(eq(trainingTopics.collaborationId, collaborationId), eq(trainingTopics.id, id)));
  return row ?? null;
}

/** Null when the name is taken in this collaboration. */
export async function insertTopic(tx: Db, v: typeof trainingTopics.$inferInsert) {
  const [row] = await tx.insert(trainingTopics).values(v).onConflictDoNothing().returning();
  return row ?? null;
}

export async function listSessions(tx: Db, collaborationId: string, limit = 100) {
  return tx
    .select()
    .from(trainingSessions)
    .where(eq(trainingSessions.collaborationId, collaborationId))
    .orderBy(desc(trainingSessions.heldOn), desc(trainingSessions.createdAt))
    .limit(limit);
}

export async function findSession(tx: Db, collaborationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.collaborationId, collaborationId), eq(trainingSessions.id, id)));
  return row ?? null;
}

export async function insertSession(tx: Db, v: typeof trainingSessions.$inferInsert) {
  const [row] = await tx.insert(trainingSessions).values(v).returning();
  return row!;
}

export async function attendanceOf(tx: Db, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  return tx
    .select({ sessionId: trainingAttendance.sessionId, userId: trainingAttendance.userId, name: users.displayName })
    .from(trainingAttendance)
    .innerJoin(users, eq(users.id, trainingAttendance.userId))
    .where(inArray(trainingAttendance.sessionId, sessionIds))
    .orderBy(asc(users.displayName));
}

/** Replaces a session's attendance list with `userIds`. */
export async function setAttendance(tx: Db, sessionId: string, userIds: string[], recordedBy: string) {
  await tx.delete(trainingAttendance).where(eq(trainingAttendance.sessionId, sessionId));
  if (userIds.length === 0) return;
  await tx
    .insert(trainingAttendance)
    .values([...new Set(userIds)].map((userId) => ({ sessionId, userId, recordedBy })))
    .onConflictDoNothing();
}

/** The last day a training counts, per attendance: the session day plus the renewal, less one day. */
const validUntilSql = sql`case when ${trainingTopics.renewalMonths} is null then null
  else (${trainingSessions.heldOn} + make_interval(months => ${trainingTopics.renewalMonths}) - interval '1 day')::date end`;

/** One user's trainings: the latest session per topic, and how long it holds. */
export async function trainingOf(tx: Db, userId: string) {
  const result = await tx.execute(sql`
    select distinct on (${trainingTopics.id}) ${trainingTopics.id} as topic_id, ${trainingTopics.name} as topic_name,
      ${trainingTopics.collaborationId} as collaboration_id, ${trainingSessions.heldOn}::text as held_on,
      (${validUntilSql})::text as valid_until
    from ${trainingAttendance}
    join ${trainingSessions} on ${trainingSessions.id} = ${trainingAttendance.sessionId}
    join ${trainingTopics} on ${trainingTopics.id} = ${trainingSessions.topicId}
    where ${trainingAttendance.userId} = ${userId}
    order by ${trainingTopics.id}, ${trainingSessions.heldOn} desc`);
  return rowsOf<{
    topic_id: string;
    topic_name: string;
    collaboration_id: string;
    held_on: string;
    valid_until: string | null;
  }>(result);
}

/**
 * People whose latest training in a topic lapses on `lapsesOn` (its last valid day): the reminder
 * job's list. A later session of the same topic moves the date, so only the latest one counts.
 */
export async function lapsingOn(tx: Db, tenantId: string, lapsesOn: string) {
  const result = await tx.execute(sql`
    with latest as (
      select distinct on (${trainingAttendance.userId}, ${trainingTopics.id})
        ${trainingAttendance.userId} as user_id, ${trainingTopics.id} as topic_id,
        ${trainingTopics.collaborationId} as collaboration_id, (${validUntilSql}) as valid_until
      from ${trainingAttendance}
      join ${trainingSessions} on ${trainingSessions.id} = ${trainingAttendance.sessionId}
      join ${trainingTopics} on ${trainingTopics.id} = ${trainingSessions.topicId}
      order by ${trainingAttendance.userId}, ${trainingTopics.id}, ${trainingSessions.heldOn} desc
    )
    select latest.user_id, latest.topic_id, latest.collaboration_id, latest.valid_until::text as valid_until,
      ${users.tenantId} as tenant_id
    from latest join ${users} on ${users.id} = latest.user_id
    where latest.valid_until = ${lapsesOn}::date and ${users.tenantId} = ${tenantId} and ${users.disabledAt} is null`);
  return rowsOf<{
    user_id: string;
    topic_id: string;
    collaboration_id: string;
    valid_until: string;
    tenant_id: string;
  }>(result);
}

/**
 * Coverage per party and topic, counted and masked in SQL: a party's staff are the users with an open
 * membership in its organisation; valid ones attended a session of the topic that still holds today.
 */
export async function coverage(tx: Db, collaborationId: string, today: string, topicId?: string) {
  const min = COVERAGE_MIN_COUNT;
  const mask = (col: string) => sql.raw(`case when ${col} < ${min} then '<${min}' else ${col}::text end`);
  const result = await tx.execute(sql`
    with staff as (
      select distinct p.id as party_id, p.name as party_name, m.user_id
      from ${collaborationParties} p
      join ${memberships} m on m.organisation_id = p.organisation_id and m.ended_at is null
      join ${users} u on u.id = m.user_id and u.disabled_at is null
      where p.collaboration_id = ${collaborationId} and p.ended_at is null and p.organisation_id is not null
    ), valid as (
      select distinct a.user_id, s.topic_id
      from ${trainingAttendance} a
      join ${trainingSessions} s on s.id = a.session_id
      join ${trainingTopics} t on t.id = s.topic_id
      where t.collaboration_id = ${collaborationId} and s.held_on <= ${today}::date
        and (t.renewal_months is null
          or s.held_on + make_interval(months => t.renewal_months) > ${today}::date)
    ), counts as (
      select staff.party_id, staff.party_name, t.id as topic_id,
        count(distinct staff.user_id) as staff_n,
        count(distinct valid.user_id) as valid_n
      from staff
      cross join ${trainingTopics} t
      left join valid on valid.user_id = staff.user_id and valid.topic_id = t.id
      where t.collaboration_id = ${collaborationId} ${topicId ? sql`and t.id = ${topicId}` : sql``}
      group by staff.party_id, staff.party_name, t.id
    )
    select party_id, party_name, topic_id, ${mask('staff_n')} as staff,
      -- "All but two" names the two without training as surely as "two": hidden too (none missing names nobody).
      -- Below five staff everything is "<5" already.
      case when staff_n >= ${min} and staff_n - valid_n between 1 and ${min - 1} then '–'
        else ${mask('valid_n')} end as valid,
      case when staff_n < ${min} or valid_n < ${min} or staff_n - valid_n between 1 and ${min - 1} then null
        else round(100.0 * valid_n / staff_n)::int end as percent
    from counts order by party_name, topic_id`);
  return rowsOf<{
    party_id: string;
    party_name: string;
    topic_id: string;
    staff: string;
    valid: string;
    percent: number | null;
  }>(result);
}

export async function countArtefacts(tx: Db, collaborationId: string) {
  const [needs] = await tx
    .select({ n: count() })
    .from(competenceNeeds)
    .where(eq(competenceNeeds.collaborationId, collaborationId));
  const [sessions] = await tx
    .select({ n: count() })
    .from(trainingSessions)
    .where(eq(trainingSessions.collaborationId, collaborationId));
  return { needs: needs?.n ?? 0, trainingSessions: sessions?.n ?? 0 };
}

// ---- May I share this? ----------------------------------------------------------------

export async function tenantOrganisations(tx: Db, tenantId: string) {
  return tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.tenantId, tenantId))
    .orderBy(asc(organisations.name));
}

/** What the answer names of the consent that applies (never its note). */
export async function consentSummary(tx: Db, id: string) {
  const [row] = await tx
    .select({ id: consents.id, validTo: consents.validTo, givenBy: consents.givenBy })
    .from(consents)
    .where(eq(consents.id, id));
  return row ?? null;
}

export async function legalBasisOfShare(tx: Db, id: string): Promise<string | null> {
  const [row] = await tx.select({ basis: legalShares.legalBasis }).from(legalShares).where(eq(legalShares.id, id));
  return row?.basis ?? null;
}

export async function tenantIds(tx: Db): Promise<string[]> {
  return (await tx.select({ id: tenants.id }).from(tenants)).map((t) => t.id);
}
