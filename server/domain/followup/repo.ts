import { and, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { FollowupPeriod, IndicatorId } from '../../../common/schemas/followup.ts';
import type { Db } from '../../db/connect.ts';
import { rowsOf } from '../../notify/recipients.ts';
import { children, hubMembers } from '../children/tables.ts';
import { organisations } from '../tenancy/tables.ts';
import type { IndicatorContext, IndicatorDefinition } from './indicators/types.ts';
import { followupTargets } from './tables.ts';

/** One aggregated row: a period, or "total" for the whole range. Counts are exact here; masking comes after. */
export interface RawPoint {
  period: string;
  children: number;
  base: number;
  hits: number;
  p50: number | null;
  p90: number | null;
}

/** The children of a municipality, of the municipalities of a collaboration, or with a place of an organisation's in their hub. */
export function scopeOf(tenantIds: string[], organisationId?: string): SQL {
  const tenants = inArray(children.tenantId, tenantIds);
  if (!organisationId) return tenants;
  return and(tenants, placedWith(children.id, organisationId)) as SQL;
}

/** The child (`childId`) has or had a place of the organisation's in its hub: an organisation's scope. */
export function placedWith(childId: AnyColumn | SQL, organisationId: string): SQL {
  return sql`exists (select 1 from ${hubMembers} where ${and(
    eq(hubMembers.childId, childId),
    eq(hubMembers.organisationId, organisationId),
  )})`;
}

export function periodOf(period: FollowupPeriod): (local: SQL) => SQL {
  const format = period === 'quarter' ? `'YYYY-"Q"Q'` : `'YYYY-MM'`;
  return (local) => sql`to_char(${local}, ${sql.raw(format)})`;
}

/**
 * Aggregates the facts of several indicators per period and over the whole range, in one statement whatever
 * their number (a dashboard asks for all of them at once). An indicator with nothing counted has no points.
 * `within`, a condition on the facts' `f.child_id`, narrows all of them at once (the roll-up's organisation
 * scope: one semi-join, not one per indicator).
 */
export async function aggregate(
  db: Db,
  sources: IndicatorDefinition[],
  ctx: IndicatorContext,
  within?: SQL,
): Promise<Map<IndicatorId, RawPoint[]>> {
  const out = new Map<IndicatorId, RawPoint[]>(sources.map((s) => [s.id, []]));
  if (sources.length === 0) return out;
  const facts = sql.join(
    sources.map((s) => sql`select ${s.id}::text as indicator, f.* from (${s.facts(ctx)}) f`),
    sql` union all `,
  );
  const result = await db.execute(sql`
    with f as (${facts})
    select indicator, coalesce(period, 'total') as period,
      count(distinct child_id) as children, count(*) as base, count(*) filter (where hit) as hits,
      percentile_cont(0.5) within group (order by hours) as p50,
      percentile_cont(0.9) within group (order by hours) as p90
    from f ${within ? sql`where ${within}` : sql``}
    group by grouping sets ((indicator, period), (indicator))
    order by indicator, grouping(period), period`);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  for (const r of rowsOf<Record<string, unknown>>(result))
    out.get(r.indicator as IndicatorId)?.push({
      period: String(r.period),
      children: Number(r.children),
      base: Number(r.base),
      hits: Number(r.hits),
      p50: num(r.p50),
      p90: num(r.p90),
    });
  return out;
}

/** The ids of the children behind a figure, among the ones the reader may see (`visible`). */
export async function childrenBehind(
  db: Db,
  indicator: IndicatorDefinition,
  ctx: IndicatorContext,
  visible: SQL,
): Promise<{ id: string; displayName: string }[]> {
  return db
    .select({ id: children.id, displayName: children.displayName })
    .from(children)
    .where(and(visible, sql`${children.id} in (select child_id from (${indicator.facts(ctx)}) f)`))
    .orderBy(children.displayName)
    .limit(200);
}

export async function findOrganisation(db: Db, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

/**
 * The targets that apply: a collaboration's own, or for a municipality or an
 * organisation the latest set by any collaboration its municipality takes part in.
 */
export async function targetsFor(db: Db, collaborationIds: string[]): Promise<Map<IndicatorId, number>> {
  if (collaborationIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(followupTargets)
    .where(inArray(followupTargets.collaborationId, collaborationIds))
    .orderBy(followupTargets.setAt);
  return new Map(rows.map((r) => [r.indicator, r.target]));
}

export async function setTarget(
  db: Db,
  collaborationId: string,
  indicator: IndicatorId,
  target: number | null,
  setBy: string,
) {
  if (target === null) {
    await db
      .delete(followupTargets)
      .where(and(eq(followupTargets.collaborationId, collaborationId), eq(followupTargets.indicator, indicator)));
    return;
  }
  await db
    .insert(followupTargets)
    .values({ collaborationId, indicator, target, setBy })
    .onConflictDoUpdate({
      target: [followupTargets.collaborationId, followupTargets.indicator],
      set: { target, setBy, setAt: sql`now()` },
    });
}
