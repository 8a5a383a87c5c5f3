import { sql } from 'drizzle-orm';
import { children, hubMembers } from '../../children/tables.ts';
import { openCaseAtEnd, snapshotPeriods } from './snapshot.ts';
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
  facts: (ctx) => sql`
    with p as (${snapshotPeriods(ctx)})
    select ${ctx.periodOf(sql`p.starts`)} as period, ${children.id} as child_id,
      (select count(distinct hm.hub_role) from ${hubMembers} hm
        where hm.child_id = ${children.id} and hm.hub_role in ${CORE_ROLES}
          and hm.starts_on <= p.ends::date
          and (hm.ended_at is null or hm.ended_at at time zone 'Europe/Stockholm' > p.ends)) < 3 as hit,
      null::numeric as hours
    from p
    join ${children} on ${openCaseAtEnd(ctx)}`,
};
