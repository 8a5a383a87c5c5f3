import { sql } from 'drizzle-orm';
import { children } from '../../children/tables.ts';
import { meetings } from '../../meetings/tables.ts';
import { plans, planVersions } from '../../plans/tables.ts';
import type { IndicatorDefinition } from './types.ts';

/**
 * The child's part, counted where the guide asks for it: hub and SIP meetings held in the period in which the
 * child took part in some items or the whole, and plan versions adopted in the period where the child took
 * part (wholly or partly) or their own words are recorded. Each meeting and each adoption is one thing counted.
 */
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
      and ${meetings.startsAt} >= ${ctx.from.toISOString()} and ${meetings.startsAt} < ${ctx.to.toISOString()}
    union all
    select ${ctx.periodOf(sql`(${planVersions.adoptedAt} at time zone 'Europe/Stockholm')`)} as period,
      ${children.id} as child_id,
      coalesce(${plans.childParticipation} in ('took_part', 'took_part_partly')
        or coalesce(trim(${plans.childWords}), '') <> '', false) as hit,
      null::numeric as hours
    from ${planVersions}
    join ${plans} on ${plans.id} = ${planVersions.planId}
    join ${children} on ${children.id} = ${planVersions.childId}
    where ${ctx.inScope}
      and ${planVersions.adoptedAt} >= ${ctx.from.toISOString()} and ${planVersions.adoptedAt} < ${ctx.to.toISOString()}`,
};
