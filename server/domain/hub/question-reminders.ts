/**
 * The overdue reminder of a question for the child, the same way a decision's
 * works (meetings/notices.ts): a job the morning after the due date, keyed by
 * the due date, that reminds whoever holds the question then. Params carry ids
 * and the date only, never the question's text: a notice may be pinged by e-mail.
 */
import { todayInSweden } from '../../../common/schemas/children.ts';
import type { Db } from '../../db/connect.ts';
import { enqueue, registerJob } from '../../jobs/index.ts';
import { notify } from '../../notify/index.ts';
import { stillConcerned } from '../../notify/recipients.ts';
import { reminderAt } from '../meetings/notices.ts';
import * as repo from './repo.ts';

export const QUESTION_OVERDUE_JOB = 'question.overdue';

/** Schedules the reminder; a new due date schedules a new one, and the handler ignores the old. */
export async function scheduleQuestionReminder(tx: Db, q: repo.QuestionRow): Promise<void> {
  if (q.status !== 'open') return;
  await enqueue(tx, {
    tenantId: q.tenantId,
    kind: QUESTION_OVERDUE_JOB,
    runAt: reminderAt(q.dueOn),
    payload: { questionId: q.id, dueOn: q.dueOn },
    dedupeKey: `${QUESTION_OVERDUE_JOB}:${q.id}:${q.dueOn}`,
  });
}

registerJob(QUESTION_OVERDUE_JOB, async (tx, payload, job) => {
  const row = await repo.questionWithOwnerUser(tx, String(payload.questionId));
  const q = row?.question;
  // Raised, dropped, moved to a later date, or not yet due by this run's clock: nothing to remind.
  if (!row || !q || q.status !== 'open' || q.dueOn !== payload.dueOn || q.dueOn >= todayInSweden(job.now)) return;
  if (!(await stillConcerned(tx, row.ownerUserId, q.childId))) return;
  await notify(tx, {
    tenantId: q.tenantId,
    userIds: [row.ownerUserId],
    kind: 'question.overdue',
    childId: q.childId,
    params: { questionId: q.id, dueOn: q.dueOn },
    link: '/tasks',
    urgency: 'normal',
    sourceId: q.id,
    at: job.now,
  });
});
