import { sql } from 'drizzle-orm';
import { children, hubMembers } from '../../children/tables.ts';
import type { IndicatorDefinition } from './types.ts';

/** The guide's core three around every child. */
const CORE_ROLES = sql`('social_worker', 'god_man', 'contact_person')`;

/**
 * Children with an open case at the end of each period (or now, for the
 * current one) whose hub then lacked one of the core three. Lower is better.
 */
export const missingCoreRole: IndicatorDefinition = {
  id: 'missing_core_role',
  unit: 'share',
  shape: 'snapshot',
  higherIsBetter: false,
  facts: (ctx) => {
    const step = sql.raw(ctx.period === 'quarter' ? `interval '3 months'` : `interval '1 month'`);
    return sql`
      with p as (
        select s as starts,
          least(s + ${step}, ${ctx.to.toISOString()}::timestamptz at time zone 'Europe/Stockholm',
            now() at time zone 'Europe/Stockholm') as ends
        from generate_series(${ctx.fromDay}::timestamp, ${ctx.toDay}::timestamp - interval '1 day', ${step}) s
      )
      select ${ctx.periodOf(sql`p.starts`)} as period, ${children.id} as child_id,
        (select count(distinct hm.hub_role) from ${hubMembers} hm
          where hm.child_id = ${children.id} and hm.hub_role in ${CORE_ROLES}
            and hm.starts_on <= p.ends::date
            and (hm.ended_at is null or hm.ended_at at time zone 'Europe/Stockholm' > p.ends)) < 3 as hit,
        null::numeric as hours
      from p
      join ${children} on (${children.createdAt} at time zone 'Europe/Stockholm') < p.ends
        and (${children.closedAt} is null or ${children.closedAt} at time zone 'Europe/Stockholm' >= p.ends)
      where ${ctx.inScope} and p.starts < p.ends`;
  },
};
