import { and, asc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { SampleReason } from '../../../common/schemas/retention.ts';
import { auditLog } from '../../audit/tables.ts';
import type { Db } from '../../db/connect.ts';
import { memberships, users } from '../tenancy/tables.ts';
import { reviewSamples, reviewSchedules, sampledReviews } from './tables.ts';

type Rows = { rows: { id: string | number }[] };

/** Reads in one hour by one user, over this many children's rows, make a burst. */
export const BURST_ROWS = 20;

/**
 * The audit rows a review may draw from: accesses to children's data and denied attempts by the users of
 * the organisation (every user of the municipality when `organisationId` is null), within the period.
 */
function population(tenantId: string, organisationId: string | null, from: string, to: string): SQL {
  const byOrg = organisationId
    ? sql`and a.actor_user_id in (select user_id from memberships where organisation_id = ${organisationId})`
    : sql``;
  return sql`a.tenant_id = ${tenantId} and a.actor_user_id is not null
    and (a.child_id is not null or a.action = 'access.denied')
    and a.at >= ${from}::date and a.at < ${to}::date + 1 ${byOrg}`;
}

const REASONS: Record<SampleReason, SQL> = {
  denied: sql`a.action = 'access.denied' order by a.at`,
  // Stockholm's working day: weekdays 07–18.
  off_hours: sql`(extract(isodow from a.at at time zone 'Europe/Stockholm') > 5
    or extract(hour from a.at at time zone 'Europe/Stockholm') not between 7 and 17) order by a.at`,
  not_in_hub: sql`a.child_id is not null and a.action <> 'access.denied' and not exists (
    select 1 from hub_members h where h.child_id = a.child_id and h.user_id = a.actor_user_id
    and h.created_at <= a.at and (h.ended_at is null or h.ended_at > a.at)) order by a.at`,
  burst: sql`a.id in (
    select min(b.id) from audit_log b where b.tenant_id = a.tenant_id and b.child_id is not null
    group by b.actor_user_id, date_trunc('hour', b.at) having count(*) >= ${BURST_ROWS}) order by a.at`,
  random: sql`true order by random()`,
};

/** Draws up to `perReason` rows per reason, each row once (the first reason that drew it). */
export async function draw(
  tx: Db,
  tenantId: string,
  organisationId: string | null,
  from: string,
  to: string,
  perReason: number,
) {
  const drawn = new Map<number, SampleReason>();
  for (const reason of ['denied', 'not_in_hub', 'off_hours', 'burst', 'random'] as SampleReason[]) {
    const taken = [...drawn.keys()];
    const notTaken = taken.length
      ? sql`and a.id not in ${sql`(${sql.join(
          taken.map((id) => sql`${id}`),
          sql`, `,
        )})`}`
      : sql``;
    const res = (await tx.execute(
      sql`select a.id from audit_log a where ${population(tenantId, organisationId, from, to)} ${notTaken} and ${REASONS[reason]} limit ${perReason}`,
    )) as Rows;
    for (const r of res.rows) drawn.set(Number(r.id), reason);
  }
  return [...drawn].map(([auditId, reason]) => ({ auditId, reason }));
}

export async function insertReview(tx: Db, row: typeof sampledReviews.$inferInsert) {
  const [created] = await tx.insert(sampledReviews).values(row).returning();
  return created!;
}

export async function insertSamples(tx: Db, reviewId: string, rows: { auditId: number; reason: SampleReason }[]) {
  if (rows.length > 0) await tx.insert(reviewSamples).values(rows.map((r) => ({ ...r, reviewId })));
}

export async function insertSchedule(tx: Db, row: typeof reviewSchedules.$inferInsert) {
  const [created] = await tx.insert(reviewSchedules).values(row).returning();
  return created!;
}

/**
 * Reviews of these organisations (null: the whole municipality's) with their sample counts: all of them newest due
 * first, or (`open`) the open ones oldest due first, as the start page lists what waits.
 */
export async function reviews(tx: Db, tenantId: string, organisationIds: string[] | null, open = false) {
  const scope = organisationIds === null ? undefined : inArray(sampledReviews.organisationId, organisationIds);
  return tx
    .select({
      review: sampledReviews,
      samples: sql<number>`(select count(*)::int from review_samples s where s.review_id = ${sampledReviews.id})`,
      decided: sql<number>`(select count(*)::int from review_samples s where s.review_id = ${sampledReviews.id} and s.verdict is not null)`,
    })
    .from(sampledReviews)
    .where(and(eq(sampledReviews.tenantId, tenantId), open ? eq(sampledReviews.status, 'open') : undefined, scope))
    .orderBy(open ? sampledReviews.dueOn : sql`${sampledReviews.dueOn} desc`)
    .limit(open ? 20 : 100);
}

export async function samplesOf(tx: Db, reviewId: string) {
  return tx
    .select({
      sample: reviewSamples,
      at: auditLog.at,
      action: auditLog.action,
      childId: auditLog.childId,
      entityId: auditLog.entityId,
      actorName: users.displayName,
    })
    .from(reviewSamples)
    .leftJoin(auditLog, eq(auditLog.id, reviewSamples.auditId))
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(eq(reviewSamples.reviewId, reviewId))
    .orderBy(asc(reviewSamples.reason), asc(auditLog.at));
}

/** People who may own a follow-up: open members of the organisation (of the municipality when null). */
export async function owners(tx: Db, tenantId: string, organisationId: string | null) {
  return tx
    .selectDistinct({ id: users.id, name: users.displayName })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(users.tenantId, tenantId),
        isNull(memberships.endedAt),
        organisationId ? eq(memberships.organisationId, organisationId) : undefined,
      ),
    )
    .orderBy(users.displayName);
}

export async function dueSchedules(tx: Db, today: string) {
  return tx
    .select()
    .from(reviewSchedules)
    .where(and(eq(reviewSchedules.active, true), lte(reviewSchedules.nextOn, today)));
}

/** A review of the tenant by id (the service checks the reviewer's organisations). */
export async function review(tx: Db, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(sampledReviews)
    .where(and(eq(sampledReviews.id, id), eq(sampledReviews.tenantId, tenantId)));
  return row;
}

/** Records a verdict on a sample of the review; empty when the sample is not the review's. */
export function setVerdict(
  tx: Db,
  reviewId: string,
  sampleId: string,
  verdict: Pick<
    typeof reviewSamples.$inferInsert,
    'verdict' | 'followUpAction' | 'ownerUserId' | 'followUpDueOn' | 'decidedBy' | 'decidedAt'
  >,
) {
  return tx
    .update(reviewSamples)
    .set(verdict)
    .where(and(eq(reviewSamples.id, sampleId), eq(reviewSamples.reviewId, reviewId)))
    .returning({ id: reviewSamples.id });
}

/** The review's samples as stored (verdicts included). */
export function verdictsOf(tx: Db, reviewId: string) {
  return tx.select().from(reviewSamples).where(eq(reviewSamples.reviewId, reviewId));
}

export async function closeReview(tx: Db, reviewId: string, logReviewId: string) {
  await tx.update(sampledReviews).set({ status: 'closed', logReviewId }).where(eq(sampledReviews.id, reviewId));
}

export async function setNextOn(tx: Db, scheduleId: string, nextOn: string) {
  await tx.update(reviewSchedules).set({ nextOn }).where(eq(reviewSchedules.id, scheduleId));
}
