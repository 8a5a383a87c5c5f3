/**
 * What meetings and decisions tell people, through the shared notification
 * and job machinery. Params carry keys, ids and times only (never titles,
 * names or minutes): a notice may be pinged by e-mail.
 */
import { eq } from 'drizzle-orm';
import { todayInSweden } from '../../../common/schemas/children.ts';
import type { Db } from '../../db/connect.ts';
import { enqueue, registerJob } from '../../jobs/index.ts';
import { notify } from '../../notify/index.ts';
import { stillConcerned } from '../../notify/recipients.ts';
import { addDays, startOfDayInSweden } from '../children/dates.ts';
import type * as repo from './repo.ts';
import { decisions } from './tables.ts';

export const DECISION_OVERDUE_JOB = 'decision.overdue';
/** Hour of the morning (Swedish time) after the due date when an open decision is reminded. */
const REMINDER_HOUR = 8;

const meetingLink = (id: string) => `/meetings/${id}`;

function params(m: repo.MeetingRow): Record<string, unknown> {
  return { meetingId: m.id, meetingKind: m.kind, startsAt: m.startsAt.toISOString() };
}

export type MeetingNotice = 'meeting.invited' | 'meeting.changed' | 'meeting.cancelled';

/** Tells the given users about a meeting; the actor who caused it is never told of their own act. */
export async function tellAboutMeeting(
  tx: Db,
  m: repo.MeetingRow,
  kind: MeetingNotice,
  userIds: (string | null)[],
  actorUserId: string,
): Promise<void> {
  const to = [...new Set(userIds.filter((id): id is string => id !== null && id !== actorUserId))];
  if (to.length === 0) return;
  await notify(tx, {
    tenantId: m.tenantId,
    userIds: to,
    kind,
    childId: m.childId,
    params: params(m),
    link: meetingLink(m.id),
    // A cancellation the same day matters now; the rest can wait for the next look.
    urgency: kind === 'meeting.cancelled' ? 'immediate' : 'normal',
    sourceId: m.id,
  });
}

/** When an open decision due on `dueOn` is reminded: the next morning. */
export function reminderAt(dueOn: string): Date {
  return new Date(startOfDayInSweden(addDays(dueOn, 1)).getTime() + REMINDER_HOUR * 60 * 60_000);
}

/**
 * Schedules the overdue reminder of a decision. The key holds the due date:
 * a new due date schedules a new reminder, and the handler ignores the old one.
 */
export async function scheduleDecisionReminder(tx: Db, d: repo.DecisionRow): Promise<void> {
  if (d.status !== 'open') return;
  await enqueue(tx, {
    tenantId: d.tenantId,
    kind: DECISION_OVERDUE_JOB,
    runAt: reminderAt(d.dueOn),
    payload: { decisionId: d.id, dueOn: d.dueOn },
    dedupeKey: `decision.overdue:${d.id}:${d.dueOn}`,
  });
}

registerJob(DECISION_OVERDUE_JOB, async (tx, payload, job) => {
  const [d] = await tx
    .select()
    .from(decisions)
    .where(eq(decisions.id, String(payload.decisionId)));
  // Done, dropped, moved to a later date, or not yet due by this run's clock: nothing to remind.
  if (!d || d.status !== 'open' || d.dueOn !== payload.dueOn || d.dueOn >= todayInSweden(job.now)) return;
  if (d.childId && !(await stillConcerned(tx, d.ownerUserId, d.childId))) return;
  await notify(tx, {
    tenantId: d.tenantId,
    userIds: [d.ownerUserId],
    kind: 'decision.overdue',
    childId: d.childId,
    params: { decisionId: d.id, meetingId: d.meetingId, dueOn: d.dueOn },
    link: '/tasks',
    urgency: 'normal',
    sourceId: d.id,
    at: job.now,
  });
});
