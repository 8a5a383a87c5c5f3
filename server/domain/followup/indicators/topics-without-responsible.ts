import { sql } from 'drizzle-orm';
import { defaultTopics } from '../../../../common/schemas/hub.ts';
import { children, hubMembers } from '../../children/tables.ts';
import { tenantTopics, topicAssignments } from '../../hub/tables.ts';
import { before, notBefore, openCaseAtEnd, snapshotPeriods } from './snapshot.ts';
import type { IndicatorDefinition } from './types.ts';

/** The guide's topics, in every child's matrix whatever the municipality adds. */
const DEFAULT_TOPICS = sql.join(
  defaultTopics.map((key) => sql`(${key}::text)`),
  sql`, `,
);

/**
 * Children with an open case at the end of each period who then had a topic
 * of their matrix ("who the child asks about what") with nobody responsible:
 * the hub flag `topicsWithoutResponsible` (`hub/flags.ts`) read at the
 * period's end. The matrix is the guide's topics and the municipality's own,
 * each of those counted from when it was added until it was archived. A topic
 * is covered when its assignment names a responsible member whose hub place
 * was open at the period's end (started by its last day, not ended before its
 * end); a fallback alone covers nothing. Lower is better.
 *
 * Who holds a topic has no history (an assignment keeps only its last change,
 * `updated_at`, which a fallback or sharing edit moves as well): it is read
 * as it is today, bounded by that member's own place in the hub.
 */
export const topicsWithoutResponsible: IndicatorDefinition = {
  id: 'topics_without_responsible',
  unit: 'share',
  shape: 'snapshot',
  higherIsBetter: false,
  facts: (ctx) => sql`
    with p as (${snapshotPeriods(ctx)})
    select ${ctx.periodOf(sql`p.starts`)} as period, ${children.id} as child_id,
      exists (
        select 1 from (
          values ${DEFAULT_TOPICS}
          union all
          select tt.id::text from ${tenantTopics} tt
          where tt.tenant_id = ${children.tenantId} and ${before(sql`tt.created_at`)} and ${notBefore(sql`tt.archived_at`)}
        ) matrix(topic)
        where not exists (
          select 1 from ${topicAssignments} ta
          join ${hubMembers} hm on hm.id = ta.responsible_member_id
          where ta.child_id = ${children.id} and ta.topic = matrix.topic and hm.child_id = ${children.id}
            and hm.starts_on <= p.last_day and ${notBefore(sql`hm.ended_at`)}
        )
      ) as hit,
      null::numeric as hours
    from p
    join ${children} on ${openCaseAtEnd(ctx)}`,
};
