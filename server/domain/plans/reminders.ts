/**
 * Follow-up reminders, through the shared job machinery. Params carry ids and
 * dates only: a notice may be pinged by e-mail.
 */
import { and, eq } from 'drizzle-orm';
import { todayInSweden } from '../../../common/schemas/children.ts';
import type { Db } from '../../db/connect.ts';
import { enqueue, registerJob } from '../../jobs/index.ts';
import { notify } from '../../notify/index.ts';
import { stillConcerned } from '../../notify/recipients.ts';
import { addDays, startOfDayInSweden } from '../children/dates.ts';
import type * as repo from './repo.ts';
import { plans } from './tables.ts';

export const PLAN_REMINDER_JOB = 'plan.follow_up_reminder';
export const PLAN_DUE_JOB = 'plan.follow_up_due';
/** Days before the follow-up date when the one who follows up is reminded. */
export const REMINDER_DAYS_BEFORE = 7;
const HOUR = 8;

export const morningOf = (date: string): Date => new Date(startOfDayInSweden(date).getTime() + HOUR * 60 * 60_000);

/**
 * Schedules the reminder a week before and the due notice on the day. The keys
 * hold the date: a new follow-up date schedules new jobs, and the handlers
 * ignore those of a date the plan no longer has.
 */
export async function scheduleFollowUp(tx: Db, p: repo.PlanRow): Promise<void> {
  if (!p.followUpOn || !p.followUpUserId) return;
  const payload = { planId: p.id, followUpOn: p.followUpOn };
  await enqueue(tx, {
    tenantId: p.tenantId,
    kind: PLAN_REMINDER_JOB,
    runAt: morningOf(addDays(p.followUpOn, -REMINDER_DAYS_BEFORE)),
    payload,
    dedupeKey: `${PLAN_REMINDER_JOB}:${p.id}:${p.followUpOn}`,
  });
  await enqueue(tx, {
    tenantId: p.tenantId,
    kind: PLAN_DUE_JOB,
    runAt: morningOf(p.followUpOn),
    payload,
    dedupeKey: `${PLAN_DUE_JOB}:${p.id}:${p.followUpOn}`,
  });
}

async function current(tx: Db, payload: Record<string, unknown>) {
  const [p] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.id, String(payload.planId)), eq(plans.followUpOn, String(payload.followUpOn))));
  if (!p || (p.status !== 'active' && p.status !== 'follow_up') || !p.followUpUserId) return null;
  if (!(await stillConcerned(tx, p.followUpUserId, p.childId))) return null;
  return p;
}

registerJob(PLAN_REMINDER_JOB, async (tx, payload, job) => {
  const p = await current(tx, payload);
  if (!p || !p.followUpUserId || p.followUpOn! < todayInSweden(job.now)) return;
  await notify(tx, {
    tenantId: p.tenantId,
    userIds: [p.followUpUserId],
    kind: 'plan.follow_up_soon',
    childId: p.childId,
    params: { planId: p.id, planKind: p.kind, followUpOn: p.followUpOn },
    link: `/plans/${p.id}`,
    urgency: 'normal',
    sourceId: p.id,
    at: job.now,
  });
});

/** On the day: the plan is under follow-up until the follow-up is recorded. */
registerJob(PLAN_DUE_JOB, async (tx, payload, job) => {
  const p = await current(tx, payload);
  if (!p || !p.followUpUserId || p.followUpOn! > todayInSweden(job.now)) return;
  if (p.status === 'active')
    await tx
      .update(plans)
      .set({ status: 'follow_up', version: p.version + 1, updatedAt: job.now })
      .where(eq(plans.id, p.id));
  await notify(tx, {
    tenantId: p.tenantId,
    userIds: [p.followUpUserId],
    kind: 'plan.follow_up_due',
    childId: p.childId,
    params: { planId: p.id, planKind: p.kind, followUpOn: p.followUpOn },
    link: `/plans/${p.id}`,
    urgency: 'normal',
    sourceId: p.id,
    at: job.now,
  });
});
