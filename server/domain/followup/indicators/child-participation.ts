import { sql } from 'drizzle-orm';
import { children } from '../../children/tables.ts';
import { meetings } from '../../meetings/tables.ts';
import type { IndicatorDefinition } from './types.ts';

/** Hub and SIP meetings held in the period in which the child took part in some items or the whole. */
export const childParticipation: IndicatorDefinition = {
  id: 'child_participation',
  unit: 'share',
  higherIsBetter: true,
  facts: (ctx) => sql`
    select ${ctx.periodOf(sql`(${meetings.startsAt} at time zone 'Europe/Stockholm')`)} as period,
      ${children.id} as child_id,
      ${meetings.childParticipation} <> 'none' as hit,
      null::numeric as hours
    from ${meetings}
    join ${children} on ${children.id} = ${meetings.childId}
    where ${ctx.inScope}
      and ${meetings.kind} in ('first_hub', 'hub', 'sip') and ${meetings.status} = 'closed'
      and ${meetings.startsAt} >= ${ctx.from.toISOString()} and ${meetings.startsAt} < ${ctx.to.toISOString()}`,
};
