import { sql } from 'drizzle-orm';
import { beskedContradictions } from '../../besked/tables.ts';
import { children } from '../../children/tables.ts';
import { before, notBefore, openCaseAtEnd, snapshotPeriods } from './snapshot.ts';
import type { IndicatorDefinition } from './types.ts';

/**
 * Children with an open case at the end of each period who then had an open
 * besked contradiction: two things told the child on one topic, marked as
 * contradicting before the period's end and not yet resolved by the hub's
 * agreed line at it. Lower is better. How long they had been open is not a
 * figure: an indicator has one unit, and this one is a share.
 */
export const beskedContradictionsOpen: IndicatorDefinition = {
  id: 'besked_contradictions_open',
  unit: 'share',
  shape: 'snapshot',
  higherIsBetter: false,
  facts: (ctx) => sql`
    with p as (${snapshotPeriods(ctx)})
    select ${ctx.periodOf(sql`p.starts`)} as period, ${children.id} as child_id,
      exists (
        select 1 from ${beskedContradictions} bc
        where bc.child_id = ${children.id} and ${before(sql`bc.marked_at`)} and ${notBefore(sql`bc.resolved_at`)}
      ) as hit,
      null::numeric as hours
    from p
    join ${children} on ${openCaseAtEnd(ctx)}`,
};
