import { sql } from 'drizzle-orm';
import { children } from '../../children/tables.ts';
import { planFollowUps, plans, planVersions } from '../../plans/tables.ts';
import type { IndicatorDefinition } from './types.ts';

/**
 * The follow-up day each adoption of a SIP or I-SIP set, due in the period
 * (and already passed), and whether the version's first follow-up was held by
 * it. A version replaced by a new adoption, or a plan ended, on or before that
 * day with no follow-up first never fell due and is not counted. Only the
 * first follow-up of a version can be judged: a later one's day was set by the
 * follow-up before it, and the plan keeps only its next day.
 */
export const planFollowUpOnTime: IndicatorDefinition = {
  id: 'plan_follow_up_on_time',
  unit: 'share',
  higherIsBetter: true,
  facts: (ctx) => sql`
    select ${ctx.periodOf(sql`pv.follow_up_on::timestamp`)} as period,
      ${children.id} as child_id,
      coalesce(f.held_on <= pv.follow_up_on, false) as hit,
      null::numeric as hours
    from ${planVersions} pv
    join ${plans} pl on pl.id = pv.plan_id
    join ${children} on ${children.id} = pv.child_id
    left join lateral (
      select held_on from ${planFollowUps} fu
      where fu.plan_id = pv.plan_id and fu.version_number = pv.number
      order by fu.created_at limit 1
    ) f on true
    left join lateral (
      select least(min(nv.adopted_at), pl.ended_at) as at from ${planVersions} nv
      where nv.plan_id = pv.plan_id and nv.number > pv.number
    ) gone on true
    where ${ctx.inScope}
      and pv.follow_up_on >= ${ctx.fromDay}::date and pv.follow_up_on < ${ctx.toDay}::date
      and pv.follow_up_on < ${ctx.today}::date
      and (f.held_on is not null or gone.at is null
        or (gone.at at time zone 'Europe/Stockholm')::date > pv.follow_up_on)`,
};
