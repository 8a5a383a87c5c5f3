import { eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { FollowupPeriod } from '../../../common/schemas/followup.ts';
import { todayInSweden } from '../../../common/schemas/children.ts';
import type { Db } from '../../db/connect.ts';
import { rowsOf } from '../../notify/recipients.ts';
import { children } from '../children/tables.ts';
import { childEvents } from '../events/tables.ts';
import { addMonths } from '../events/deadlines.ts';
import { swedishTime } from '../events/working-hours.ts';
import { decisions, meetings } from '../meetings/tables.ts';
import { tenants } from '../tenancy/tables.ts';
import { indicators } from './indicators/index.ts';
import { placedWith } from './repo.ts';
import type { IndicatorContext, IndicatorDefinition } from './indicators/types.ts';
import { followupFacts, followupRollupState } from './tables.ts';

/*
 * The roll-up's queries. A municipality's facts are rebuilt whole, in the
 * rebuilding job's transaction (readers see the old facts or the new, never a
 * mix), by running every indicator's own `facts` over all of the
 * municipality's months with the month as the period. A dashboard then reads
 * those facts back (`rollupFacts`) in the shape `facts` has, so the one
 * aggregate and the one masking serve both: the figures are the same as the
 * direct computation's as of the last build.
 */

/** The months a municipality has data in: from its earliest row to the month after today (or after its last meeting). */
export interface RollupBounds {
  fromDay: string;
  toDay: string;
}

export function boundsQuery(tenantId: string, today: string): SQL {
  return sql`select to_char(least(
      (select min(${children.createdAt} at time zone 'Europe/Stockholm')::date from ${children} where ${children.tenantId} = ${tenantId}),
      (select min(${children.arrivalDate}) from ${children} where ${children.tenantId} = ${tenantId}),
      (select min(${childEvents.recordedAt} at time zone 'Europe/Stockholm')::date from ${childEvents} where ${childEvents.tenantId} = ${tenantId}),
      (select min(${meetings.startsAt} at time zone 'Europe/Stockholm')::date from ${meetings} where ${meetings.tenantId} = ${tenantId}),
      (select min(${decisions.dueOn}) from ${decisions} where ${decisions.tenantId} = ${tenantId}),
      ${today}::date), 'YYYY-MM') as first,
    to_char(greatest(
      (select max(${meetings.startsAt} at time zone 'Europe/Stockholm')::date from ${meetings} where ${meetings.tenantId} = ${tenantId}),
      ${today}::date), 'YYYY-MM') as last`;
}

export function boundsOf(row: Record<string, unknown>): RollupBounds {
  return { fromDay: `${String(row.first)}-01`, toDay: addMonths(`${String(row.last)}-01`, 1) };
}

/** A month as its first day: what the roll-up stores as the period of a fact. */
const monthOf = (local: SQL) => sql`date_trunc('month', ${local})::date`;

/** The statements that replace a municipality's facts, as of `now`; the caller runs them in one transaction. */
export function rebuildStatements(tenantId: string, bounds: RollupBounds, now: Date): SQL[] {
  const ctx: IndicatorContext = {
    inScope: eq(children.tenantId, tenantId),
    from: swedishTime(bounds.fromDay, 0),
    to: swedishTime(bounds.toDay, 0),
    fromDay: bounds.fromDay,
    toDay: bounds.toDay,
    today: todayInSweden(now),
    period: 'month',
    periodOf: monthOf,
  };
  return [
    sql`delete from ${followupFacts} where ${followupFacts.tenantId} = ${tenantId}`,
    ...Object.values(indicators).map(
      (def) => sql`insert into ${followupFacts} (tenant_id, indicator, month, child_id, hit, hours)
        select ${tenantId}, ${def.id}, f.period, f.child_id, f.hit, f.hours from (${def.facts(ctx)}) f`,
    ),
    sql`insert into ${followupRollupState} (tenant_id, built_at) values (${tenantId}, ${now.toISOString()})
      on conflict (tenant_id) do update set built_at = excluded.built_at`,
  ];
}

/** Rebuilds one municipality's facts in the caller's transaction. */
export async function rebuildTenant(tx: Db, tenantId: string, now: Date): Promise<void> {
  const bounds = boundsOf(
    rowsOf<Record<string, unknown>>(await tx.execute(boundsQuery(tenantId, todayInSweden(now))))[0]!,
  );
  for (const statement of rebuildStatements(tenantId, bounds, now)) await tx.execute(statement);
}

/**
 * Whether the figures of these municipalities are read from the roll-up: every one of them has been built
 * (else they are computed directly). If so, the same statement also turns parallel query off for the rest
 * of the transaction (`set_config(…, true)` is `set local`). A dashboard aggregates a few thousand facts per
 * municipality, which one process does in milliseconds; on PostgreSQL the union of ten indicators is costed
 * as worth two parallel workers per request, which cost more to start than they save, and with dashboards
 * opened at the same time multiply the processes competing for the cores (bench/README.md, scenario (f)).
 * The direct computation keeps the server's setting.
 */
export async function readsRollup(tx: Db, tenantIds: string[]): Promise<boolean> {
  const wanted = new Set(tenantIds).size;
  const [row] = rowsOf<{ built: number }>(
    await tx.execute(sql`with state as (
        select count(*)::int as built from ${followupRollupState}
        where ${inArray(followupRollupState.tenantId, tenantIds)})
      select built, set_config('max_parallel_workers_per_gather',
        case when built = ${wanted} then '0' else current_setting('max_parallel_workers_per_gather') end, true)
      from state`),
  );
  return Number(row?.built) === wanted;
}

/** The municipalities whose roll-up was not built since `since` (the day's start): the nightly run's work. */
export async function tenantsToRebuild(db: Db, since: Date): Promise<string[]> {
  const rows = await db
    .select({ id: tenants.id })
    .from(tenants)
    .leftJoin(followupRollupState, eq(followupRollupState.tenantId, tenants.id))
    .where(or(isNull(followupRollupState.builtAt), lt(followupRollupState.builtAt, since)));
  return rows.map((r) => r.id);
}

/**
 * An indicator's facts read back from the roll-up, in the shape its own
 * `facts` has, for the months of the request. By month: the stored month. By
 * quarter: the quarter of the stored month, except that an indicator that
 * counts children once per period (`distinct`) counts them once per quarter,
 * and one that takes the state at the end of each period (`snapshot`) keeps
 * the month its direct form would take the state at: the third month of each
 * quarter counted from the first month asked for, the last month asked for, or
 * the current month, whichever is first.
 *
 * The municipalities are read from the facts themselves, not through
 * `children`: a fact of a municipality's is one of its children (the build
 * selects them so, and a child never changes municipality). An organisation's
 * scope is not here: `rollupWithin` narrows all indicators' facts at once.
 */
export function rollupFacts(def: IndicatorDefinition, ctx: IndicatorContext, tenantIds: string[]): SQL {
  const where = sql`${followupFacts.indicator} = ${def.id} and ${inArray(followupFacts.tenantId, tenantIds)}
    and ${followupFacts.month} >= ${ctx.fromDay}::date and ${followupFacts.month} < ${ctx.toDay}::date`;
  const cols = sql`${followupFacts.childId} as child_id, ${followupFacts.hit} as hit, ${followupFacts.hours} as hours`;
  if (ctx.period === 'quarter' && def.shape === 'snapshot') {
    const start = sql`(${ctx.fromDay}::date + make_interval(months => 3 * ((
      (extract(year from ${followupFacts.month})::int * 12 + extract(month from ${followupFacts.month})::int)
      - ${monthIndex(ctx.fromDay)}::int) / 3)))`;
    const current = sql`date_trunc('month', now() at time zone 'Europe/Stockholm')::date`;
    // The months the state can be taken at, for the index: the rows of the other months are never read.
    const months = sql`(${sql.join(
      snapshotMonths(ctx).map((m) => sql`${m}::date`),
      sql`, `,
    )}, ${current})`;
    return sql`select ${periodLabel('quarter', start)} as period, ${cols} from ${followupFacts}
      where ${where} and ${followupFacts.month} in ${months} and ${followupFacts.month} = least(
        ${start} + interval '2 months', ${ctx.toDay}::date - interval '1 month', ${current})::date`;
  }
  const distinct = def.shape === 'distinct' ? sql`distinct` : sql``;
  return sql`select ${distinct} ${periodLabel(ctx.period, sql`${followupFacts.month}`)} as period, ${cols}
    from ${followupFacts} where ${where}`;
}

/**
 * An organisation's scope over the roll-up's facts (`aggregate`'s `within`): the children with a place of the
 * organisation's in their hub now or before, read live as the direct form reads them.
 */
export function rollupWithin(organisationId: string | undefined): SQL | undefined {
  return organisationId ? placedWith(sql`f.child_id`, organisationId) : undefined;
}

/** Each quarter's third month counted from the first month asked for, or the last month asked for if earlier. */
function snapshotMonths(ctx: IndicatorContext): string[] {
  const last = addMonths(ctx.toDay, -1);
  const out: string[] = [];
  for (let start = ctx.fromDay; start < ctx.toDay; start = addMonths(start, 3)) {
    const third = addMonths(start, 2);
    out.push(third < last ? third : last);
  }
  return out;
}

function periodLabel(period: FollowupPeriod, day: SQL): SQL {
  return sql`to_char(${day}, ${sql.raw(period === 'quarter' ? `'YYYY-"Q"Q'` : `'YYYY-MM'`)})`;
}

function monthIndex(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7));
}
