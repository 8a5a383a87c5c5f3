import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { NEEDS_MIN_COUNT } from '../../../../common/schemas/strategic.ts';
import { rowsOf } from '../../../notify/recipients.ts';
import { children } from '../../children/tables.ts';
import type { Db } from '../../../db/connect.ts';
import { tenants } from '../../tenancy/tables.ts';
import { suppressDifferences, type NeedsCell } from './needs.ts';
import { agreements, barrierProposals, barriers, evaluations } from './tables.ts';

export type BarrierRow = typeof barriers.$inferSelect;
export type AgreementRow = typeof agreements.$inferSelect;
export type EvaluationRow = typeof evaluations.$inferSelect;

export { userNames } from '../../meetings/repo.ts';
export { staffOf } from '../operational/repo.ts';

export async function insertBarrier(db: Db, row: typeof barriers.$inferInsert): Promise<BarrierRow> {
  const [b] = await db.insert(barriers).values(row).returning();
  return b!;
}

export async function findBarrier(db: Db, collaborationId: string, id: string): Promise<BarrierRow | null> {
  const [b] = await db
    .select()
    .from(barriers)
    .where(and(eq(barriers.id, id), eq(barriers.collaborationId, collaborationId)));
  return b ?? null;
}

export async function listBarriers(db: Db, collaborationId: string): Promise<BarrierRow[]> {
  return db
    .select()
    .from(barriers)
    .where(eq(barriers.collaborationId, collaborationId))
    .orderBy(asc(barriers.dueOn), asc(barriers.createdAt))
    .limit(500);
}

export async function updateBarrier(db: Db, id: string, patch: Partial<typeof barriers.$inferInsert>) {
  const [b] = await db
    .update(barriers)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(barriers.id, id))
    .returning();
  return b!;
}

export async function proposalsOf(db: Db, barrierIds: string[]) {
  if (barrierIds.length === 0) return [];
  return db.select().from(barrierProposals).where(inArray(barrierProposals.barrierId, barrierIds));
}

/**
 * Holds the barrier's row until the transaction ends, so two requests making a proposal of it
 * at once are served one after the other and the second sees the first's link.
 */
export async function lockBarrier(db: Db, id: string): Promise<void> {
  await db.select({ id: barriers.id }).from(barriers).where(eq(barriers.id, id)).for('update');
}

/** For the proposal register: the barriers proposals were made from, of one collaboration. */
export async function barrierSources(db: Db, collaborationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: barriers.id, title: barriers.description, level: barriers.level })
    .from(barriers)
    .where(and(eq(barriers.collaborationId, collaborationId), inArray(barriers.id, ids)));
}

export async function linkProposal(db: Db, barrierId: string, proposalId: string) {
  await db.insert(barrierProposals).values({ barrierId, proposalId }).onConflictDoNothing();
}

export async function insertAgreement(db: Db, row: typeof agreements.$inferInsert): Promise<AgreementRow> {
  const [a] = await db.insert(agreements).values(row).returning();
  return a!;
}

export async function listAgreements(db: Db, collaborationId: string): Promise<AgreementRow[]> {
  return db
    .select()
    .from(agreements)
    .where(eq(agreements.collaborationId, collaborationId))
    .orderBy(desc(agreements.validFrom));
}

export async function insertEvaluation(db: Db, row: typeof evaluations.$inferInsert): Promise<EvaluationRow> {
  const [e] = await db.insert(evaluations).values(row).returning();
  return e!;
}

export async function listEvaluations(db: Db, collaborationId: string): Promise<EvaluationRow[]> {
  return db
    .select()
    .from(evaluations)
    .where(eq(evaluations.collaborationId, collaborationId))
    .orderBy(desc(evaluations.evaluatedOn));
}

export async function tenantNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(inArray(tenants.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The target group in aggregates: open cases of the given municipalities, per
 * asylum status, age band, placement and time since arrival. Everything is
 * counted in SQL and small counts are masked there, so no child's row and no
 * count below 5 is ever read into the application.
 */
export async function needsCells(db: Db, tenantIds: string[], today: string): Promise<NeedsCell[]> {
  if (tenantIds.length === 0) return [];
  const min = NEEDS_MIN_COUNT;
  const result = await db.execute(sql`
    with c as (
      select ${children.tenantId} as tenant_id,
        ${children.asylumStatus} as asylum_status,
        coalesce(extract(year from age(${today}::date, ${children.dateOfBirth}))::int, ${children.assessedAge}) as age,
        coalesce(${children.placementKind}, 'none') as placement,
        case
          when ${children.arrivalDate} is null then 'unknown'
          when ${children.arrivalDate} > ${today}::date - interval '6 months' then 'under_6m'
          when ${children.arrivalDate} > ${today}::date - interval '12 months' then '6_12m'
          when ${children.arrivalDate} > ${today}::date - interval '24 months' then '12_24m'
          else 'over_24m'
        end as since
      from ${children}
      where ${inArray(children.tenantId, tenantIds)} and ${children.caseStatus} = 'active'
    ), b as (
      select tenant_id, asylum_status, placement, since,
        case when age is null then 'unknown' when age < 13 then '0_12' when age < 16 then '13_15'
             when age < 18 then '16_17' else '18_plus' end as age_band
      from c
    ), g as (
      select tenant_id, 'total' as dim, '' as val, count(*) as n from b group by tenant_id
      union all select tenant_id, 'asylum_status', asylum_status, count(*) from b group by tenant_id, asylum_status
      union all select tenant_id, 'age_band', age_band, count(*) from b group by tenant_id, age_band
      union all select tenant_id, 'placement', placement, count(*) from b group by tenant_id, placement
      union all select tenant_id, 'time_since_arrival', since, count(*) from b group by tenant_id, since
    )
    select tenant_id, dim, val, case when n < ${min} then ${`<${min}`} else n::text end as n
    from g order by tenant_id, dim, val`);
  return suppressDifferences(
    rowsOf<{ tenant_id: string; dim: string; val: string; n: string }>(result).map((r) => ({
      tenantId: r.tenant_id,
      dimension: r.dim as NeedsCell['dimension'],
      value: r.val,
      count: r.n,
    })),
  );
}
