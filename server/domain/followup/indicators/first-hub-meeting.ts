import { sql } from 'drizzle-orm';
import { children } from '../../children/tables.ts';
import { meetings } from '../../meetings/tables.ts';
import type { IndicatorDefinition } from './types.ts';

/** The guide's "as soon as placement is decided"; a setting per collaboration is not recorded yet. */
export const FIRST_MEETING_DAYS = 14;

/** Children who arrived in the period and had a hub meeting within N days of arriving. */
export const firstHubMeeting: IndicatorDefinition = {
  id: 'first_hub_meeting',
  unit: 'share',
  higherIsBetter: true,
  facts: (ctx) => sql`
    select ${ctx.periodOf(sql`${children.arrivalDate}::timestamp`)} as period,
      ${children.id} as child_id,
      exists (
        select 1 from ${meetings}
        where ${meetings.childId} = ${children.id} and ${meetings.kind} in ('first_hub', 'hub')
          and ${meetings.status} <> 'cancelled'
          and (${meetings.startsAt} at time zone 'Europe/Stockholm')::date
            <= ${children.arrivalDate} + ${FIRST_MEETING_DAYS}::int
      ) as hit,
      null::numeric as hours
    from ${children}
    where ${ctx.inScope}
      and ${children.arrivalDate} >= ${ctx.fromDay}::date and ${children.arrivalDate} < ${ctx.toDay}::date
      -- Not judged before the N days have passed.
      and ${children.arrivalDate} + ${FIRST_MEETING_DAYS}::int < ${ctx.today}::date`,
};
