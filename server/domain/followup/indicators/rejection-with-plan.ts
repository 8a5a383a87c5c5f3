import { sql } from 'drizzle-orm';
import { children } from '../../children/tables.ts';
import { childEvents } from '../../events/tables.ts';
import { plans } from '../../plans/tables.ts';
import type { IndicatorDefinition } from './types.ts';

/** Children with a rejection recorded in the period who have an active SIP or I-SIP today. */
export const rejectionWithPlan: IndicatorDefinition = {
  id: 'rejection_with_plan',
  unit: 'share',
  shape: 'distinct',
  higherIsBetter: true,
  facts: (ctx) => sql`
    select distinct ${ctx.periodOf(sql`(${childEvents.recordedAt} at time zone 'Europe/Stockholm')`)} as period,
      ${children.id} as child_id,
      exists (
        select 1 from ${plans}
        where ${plans.childId} = ${children.id} and ${plans.status} in ('active', 'follow_up')
      ) as hit,
      null::numeric as hours
    from ${childEvents}
    join ${children} on ${children.id} = ${childEvents.childId}
    where ${ctx.inScope}
      and ${childEvents.type} in ('asylum_rejected', 'asylum_rejected_removal')
      and ${childEvents.recordedAt} >= ${ctx.from.toISOString()} and ${childEvents.recordedAt} < ${ctx.to.toISOString()}`,
};
