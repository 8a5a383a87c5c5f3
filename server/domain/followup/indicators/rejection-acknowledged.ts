import { sql } from 'drizzle-orm';
import { notifications } from '../../../notify/tables.ts';
import { children, hubMembers } from '../../children/tables.ts';
import { childEvents } from '../../events/tables.ts';
import type { IndicatorDefinition } from './types.ts';

/** One working day: 08–17, the working hours of escalation (`events/working-hours.ts`). */
const WORKING_DAY_HOURS = 9;

/**
 * A rejection recorded → the child's social worker acknowledged its notice, in
 * working hours (weekdays 08–17 Swedish time; public holidays are not known).
 */
export const rejectionAcknowledged: IndicatorDefinition = {
  id: 'rejection_acknowledged',
  unit: 'working_hours',
  higherIsBetter: true,
  facts: (ctx) => sql`
    select ${ctx.periodOf(sql`(${childEvents.recordedAt} at time zone 'Europe/Stockholm')`)} as period,
      ${children.id} as child_id,
      coalesce(wh.hours <= ${WORKING_DAY_HOURS}, false) as hit,
      wh.hours as hours
    from ${childEvents}
    join ${children} on ${children.id} = ${childEvents.childId}
    left join lateral (
      select min(n.acknowledged_at) as at
      from ${notifications} n
      join ${hubMembers} hm on hm.child_id = ${childEvents.childId} and hm.user_id = n.user_id
        and hm.hub_role = 'social_worker'
      where n.source_id = ${childEvents.id} and n.kind = 'event.recorded'
    ) ack on true
    left join lateral (
      select sum(greatest(0, extract(epoch from
          least(d + interval '17 hours', ack.at at time zone 'Europe/Stockholm')
          - greatest(d + interval '8 hours', ${childEvents.recordedAt} at time zone 'Europe/Stockholm')))) / 3600.0 as hours
      from generate_series(
        date_trunc('day', ${childEvents.recordedAt} at time zone 'Europe/Stockholm'),
        date_trunc('day', ack.at at time zone 'Europe/Stockholm'),
        interval '1 day') d
      where extract(isodow from d) < 6
    ) wh on ack.at is not null
    where ${ctx.inScope}
      and ${childEvents.type} in ('asylum_rejected', 'asylum_rejected_removal')
      and ${childEvents.recordedAt} >= ${ctx.from.toISOString()} and ${childEvents.recordedAt} < ${ctx.to.toISOString()}`,
};
