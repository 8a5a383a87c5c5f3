import { todayInSweden } from '../../../common/schemas/children.ts';
import type { Db } from '../../db/connect.ts';
import { enqueue, registerJob } from '../../jobs/index.ts';
import { addDays } from '../children/dates.ts';
import { swedishTime } from '../events/working-hours.ts';
import * as rollup from './rollup-repo.ts';

/*
 * Keeping the roll-up current: every night shortly after midnight (Swedish
 * time) each municipality's facts are rebuilt, so that yesterday's open
 * decisions, the fourteen days after an arrival and last month's end state
 * are judged as the direct computation would judge them today; and a write
 * that changes a figure (an event recorded) asks for its municipality's
 * rebuild a minute later, one rebuild per municipality and minute however many
 * writes come in it.
 */

export const ROLLUP_SWEEP_JOB = 'followup.rollup_sweep';
export const ROLLUP_TENANT_JOB = 'followup.rollup_tenant';
/** Writes within this many ms share one rebuild, which runs at the end of that window. */
export const ROLLUP_DELAY_MS = 60_000;
const ROLLUP_SLACK_MS = 5_000;

/** Schedules the nightly run (once per day, whoever asks). The server calls it when its runner starts. */
export async function scheduleRollupSweep(tx: Db, at: Date = new Date()): Promise<void> {
  await enqueue(tx, {
    tenantId: null,
    kind: ROLLUP_SWEEP_JOB,
    runAt: at,
    payload: {},
    dedupeKey: `followup-rollup-sweep:${todayInSweden(at)}`,
  });
}

/** A write changed a municipality's figures: its roll-up is rebuilt within `ROLLUP_DELAY_MS`. */
export async function rollupAfterWrite(tx: Db, tenantId: string, now: Date = new Date()): Promise<void> {
  const window = Math.floor(now.getTime() / ROLLUP_DELAY_MS);
  await enqueue(tx, {
    tenantId,
    kind: ROLLUP_TENANT_JOB,
    // A few seconds after the window ends, so that the window's last writes have committed when it reads.
    runAt: new Date((window + 1) * ROLLUP_DELAY_MS + ROLLUP_SLACK_MS),
    payload: {},
    dedupeKey: `followup-rollup:${tenantId}:${window}`,
  });
}

registerJob(ROLLUP_SWEEP_JOB, async (tx, _payload, job) => {
  const today = todayInSweden(job.now);
  // Municipalities already built today (the bench data, a restart) are not built again.
  for (const tenantId of await rollup.tenantsToRebuild(tx, swedishTime(today, 0)))
    await enqueue(tx, {
      tenantId,
      kind: ROLLUP_TENANT_JOB,
      runAt: job.now,
      payload: {},
      dedupeKey: `followup-rollup-day:${tenantId}:${today}`,
    });
  await scheduleRollupSweep(tx, swedishTime(addDays(today, 1), 15));
});

registerJob(ROLLUP_TENANT_JOB, async (tx, _payload, job) => {
  if (job.tenantId) await rollup.rebuildTenant(tx, job.tenantId, job.now);
});
