import { sql } from 'drizzle-orm';
import { children } from '../../children/tables.ts';
import { hubQuestions } from '../../hub/tables.ts';
import { before, openCaseAtEnd, snapshotPeriods } from './snapshot.ts';
import type { IndicatorDefinition } from './types.ts';

/**
 * Children with an open case and at least one open question for the child
 * (the hub's questions to raise with the child) at the end of each period, and
 * whether one of them was then past its due date: open on the period's last
 * day (today, for the current one) and due before it, as the hub's flag
 * counts overdue. A child counts once per period, however many questions.
 * Lower is better.
 */
export const childQuestionsOverdue: IndicatorDefinition = {
  id: 'child_questions_overdue',
  unit: 'share',
  shape: 'snapshot',
  higherIsBetter: false,
  facts: (ctx) => sql`
    with p as (${snapshotPeriods(ctx)})
    select ${ctx.periodOf(sql`p.starts`)} as period, ${children.id} as child_id,
      bool_or(q.due_on < p.last_day) as hit,
      null::numeric as hours
    from p
    join ${children} on ${openCaseAtEnd(ctx)}
    join ${hubQuestions} q on q.child_id = ${children.id} and ${before(sql`q.created_at`)}
      and (q.status = 'open' or q.closed_at at time zone 'Europe/Stockholm' >= p.ends)
    group by p.starts, ${children.id}`,
};
