import { sql } from 'drizzle-orm';
import { children } from '../../children/tables.ts';
import { decisions } from '../../meetings/tables.ts';
import type { IndicatorDefinition } from './types.ts';

/** Decisions about a child due in the period (and already due) that were done by their due date. */
export const decisionsOnTime: IndicatorDefinition = {
  id: 'decisions_on_time',
  unit: 'share',
  higherIsBetter: true,
  facts: (ctx) => sql`
    select ${ctx.periodOf(sql`${decisions.dueOn}::timestamp`)} as period,
      ${children.id} as child_id,
      (${decisions.status} = 'done'
        and (${decisions.closedAt} at time zone 'Europe/Stockholm')::date <= ${decisions.dueOn}) as hit,
      null::numeric as hours
    from ${decisions}
    join ${children} on ${children.id} = ${decisions.childId}
    where ${ctx.inScope}
      and ${decisions.status} <> 'dropped'
      and ${decisions.dueOn} >= ${ctx.fromDay}::date and ${decisions.dueOn} < ${ctx.toDay}::date
      and ${decisions.dueOn} < ${ctx.today}::date`,
};
