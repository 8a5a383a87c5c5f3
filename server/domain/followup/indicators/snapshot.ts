import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { children } from '../../children/tables.ts';
import type { IndicatorContext } from './types.ts';

/**
 * The periods of a snapshot indicator (`shape: 'snapshot'`), as a select for a
 * `with p as (…)`: `starts`, the first instant of the period, and `ends`, the
 * instant its state is read at (Swedish wall-clock): the period's end, the
 * range's end or now, whichever is first; `last_day`, the Swedish calendar day
 * the period ends on (the last day of a past period, today for the current one).
 */
export function snapshotPeriods(ctx: IndicatorContext): SQL {
  const step = sql.raw(ctx.period === 'quarter' ? `interval '3 months'` : `interval '1 month'`);
  return sql`
    select starts, ends, (ends - interval '1 microsecond')::date as last_day from (
      select s as starts,
        least(s + ${step}, ${ctx.to.toISOString()}::timestamptz at time zone 'Europe/Stockholm',
          now() at time zone 'Europe/Stockholm') as ends
      from generate_series(${ctx.fromDay}::timestamp, ${ctx.toDay}::timestamp - interval '1 day', ${step}) s
    ) periods`;
}

/** The children in scope with a case open at the end of period `p` (and not yet begun periods left out). */
export function openCaseAtEnd(ctx: IndicatorContext): SQL {
  return sql`(${children.createdAt} at time zone 'Europe/Stockholm') < p.ends
    and (${children.closedAt} is null or ${children.closedAt} at time zone 'Europe/Stockholm' >= p.ends)
    and ${ctx.inScope} and p.starts < p.ends`;
}

/** A timestamp column was set before the end of period `p`: the row existed then. */
export const before = (column: AnyColumn | SQL) => sql`(${column} at time zone 'Europe/Stockholm') < p.ends`;

/** A timestamp column (null: not yet) was not set before the end of period `p`: it was still open then. */
export const notBefore = (column: AnyColumn | SQL) =>
  sql`(${column} is null or ${column} at time zone 'Europe/Stockholm' >= p.ends)`;
