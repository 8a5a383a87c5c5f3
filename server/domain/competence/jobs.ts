import { todayInSweden } from '../../../common/schemas/children.ts';
import type { Db } from '../../db/connect.ts';
import { enqueue, registerJob } from '../../jobs/index.ts';
import { notify } from '../../notify/index.ts';
import { addDays } from '../children/dates.ts';
import { swedishTime } from '../events/working-hours.ts';
import * as repo from './repo.ts';

/*
 * Training that lapses: once a day, everyone whose latest training in a topic
 * holds for 30 more days gets a notice. One job per day; one notice per person,
 * topic and lapse date (the dedupe key), however often the day's job runs.
 */

export const LAPSE_SWEEP_JOB = 'competence.lapse_sweep';
/** One municipality's check for the day (the sweep adds one per municipality). */
export const LAPSE_TENANT_JOB = 'competence.lapse_tenant';
export const LAPSE_NOTICE_JOB = 'competence.lapse_notice';
/** Days before the last valid day that the reminder comes. */
export const LAPSE_LEAD_DAYS = 30;

export async function scheduleLapseSweep(tx: Db, at: Date = new Date()): Promise<void> {
  await enqueue(tx, {
    tenantId: null,
    kind: LAPSE_SWEEP_JOB,
    runAt: at,
    payload: {},
    dedupeKey: `lapse-sweep:${todayInSweden(at)}`,
  });
}

registerJob(LAPSE_SWEEP_JOB, async (tx, _payload, job) => {
  const today = todayInSweden(job.now);
  for (const tenantId of await repo.tenantIds(tx))
    await enqueue(tx, {
      tenantId,
      kind: LAPSE_TENANT_JOB,
      runAt: job.now,
      payload: {},
      dedupeKey: `lapse-tenant:${tenantId}:${today}`,
    });
  await scheduleLapseSweep(tx, swedishTime(addDays(today, 1), 3 * 60));
});

registerJob(LAPSE_TENANT_JOB, async (tx, _payload, job) => {
  if (!job.tenantId) return;
  const today = todayInSweden(job.now);
  for (const r of await repo.lapsingOn(tx, job.tenantId, addDays(today, LAPSE_LEAD_DAYS)))
    await enqueue(tx, {
      tenantId: r.tenant_id,
      kind: LAPSE_NOTICE_JOB,
      runAt: job.now,
      payload: {
        userId: r.user_id,
        topicId: r.topic_id,
        collaborationId: r.collaboration_id,
        validUntil: r.valid_until,
      },
      dedupeKey: `lapse:${r.user_id}:${r.topic_id}:${r.valid_until}`,
    });
});

registerJob(LAPSE_NOTICE_JOB, async (tx, payload, job) => {
  if (!job.tenantId) return;
  await notify(tx, {
    tenantId: job.tenantId,
    userIds: [String(payload.userId)],
    kind: 'training.lapsing',
    params: { topicId: String(payload.topicId), validUntil: String(payload.validUntil) },
    link: '/competence/mine',
    urgency: 'normal',
    sourceId: String(payload.topicId),
    at: job.now,
  });
});
