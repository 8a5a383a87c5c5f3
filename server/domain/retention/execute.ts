import type { RecordType } from '../../../common/schemas/retention.ts';
import { cutChain } from '../../audit/checkpoint.ts';
import { audit } from '../../audit/write.ts';
import type { Db } from '../../db/connect.ts';
import { enqueue, registerJob, type JobInfo } from '../../jobs/index.ts';
import * as repo from './repo.ts';
import { monthsBefore, pseudonymOf, selectExpired } from './select.ts';
import type { retentionRuns, RunUnit } from './tables.ts';
import { TABLES, childTypes } from './tables-of-type.ts';

export const DAILY_JOB = 'retention.daily';
export const DRY_RUN_JOB = 'retention.dry_run';
export const BATCH_JOB = 'retention.batch';
/** Units (one type of one case) per batch: each batch is one transaction, so a crash leaves whole records. */
export const BATCH_UNITS = 3;

type Run = typeof retentionRuns.$inferSelect;

/**
 * The steps of a batch, as an object so a test can make one fail (`vi.spyOn(steps, 'deleteUnit')`) and
 * see the batch roll back whole.
 */
export const steps = {
  /** Deletes one unit; returns rows gone per type. A case reopened or put on hold since is left alone. */
  async deleteUnit(tx: Db, run: Run, unit: RunUnit, job: JobInfo): Promise<Partial<Record<RecordType, number>>> {
    if (unit.type === 'audit') {
      const key = job.config.secretKey;
      const cut = key ? await repo.auditCutPoint(tx, run.tenantId, monthsBefore(run.asOf, run.periods.audit)) : null;
      return { audit: cut && key ? await cutChain(tx, key, run.tenantId, cut.seq, job.now) : 0 };
    }
    if (unit.type === 'sessions')
      return { sessions: await repo.deleteSessions(tx, run.tenantId, monthsBefore(run.asOf, run.periods.sessions)) };
    const childId = unit.childId!;
    if (!(await repo.stillDeletable(tx, run.tenantId, childId))) return {};
    const types = unit.type === 'child' ? childTypes : [unit.type];
    let n = 0;
    for (const type of types)
      for (const spec of TABLES[type]) {
        if (spec.table === 'children') continue;
        n += await repo.deleteRows(tx, spec, childId);
      }
    if (unit.type === 'child') {
      await repo.anonymiseChild(tx, childId, pseudonymOf(childId), run.id, run.tenantId);
      n += 1;
    }
    return { [unit.type]: n };
  },
};

/** One batch of an approved run, then the next batch as a job of its own. */
registerJob(BATCH_JOB, async (tx, payload, job) => {
  const run = job.tenantId ? await repo.run(tx, job.tenantId, String(payload.runId), true) : null;
  if (!run || run.status !== 'approved') return;
  const batch = run.units.slice(run.progressDone, run.progressDone + BATCH_UNITS);
  const gone = new Map<RecordType, number>();
  for (const unit of batch)
    for (const [type, n] of Object.entries(await steps.deleteUnit(tx, run, unit, job)))
      gone.set(type as RecordType, (gone.get(type as RecordType) ?? 0) + n);
  const done = run.progressDone + batch.length;
  const finished = done >= run.units.length;
  await repo.recordProgress(tx, run.id, done, finished ? job.now : null);
  if (!finished)
    await enqueue(tx, {
      tenantId: run.tenantId,
      kind: BATCH_JOB,
      runAt: job.now,
      payload: { runId: run.id },
      dedupeKey: `retention:${run.id}:${done}`,
    });
  // The deletion record: what type, how many, under which rule, approved by whom.
  await audit(
    tx,
    [...gone].map(([type, rows]) => ({
      action: 'retention.deleted',
      entity: 'retention_run',
      entityId: run.id,
      tenantId: run.tenantId,
      actorUserId: null,
      organisationId: null,
      detail: {
        type,
        rows,
        rule: `${type}: ${run.periods[type]} months`,
        approvedBy: run.approvedBy,
        anonymised: type === 'child',
      },
    })),
  );
});

/** Builds and stores a dry run; earlier proposals of the tenant become stale. Null when nothing is due. */
export async function buildDryRun(tx: Db, tenantId: string, asOf: Date, hasKey: boolean, always: boolean) {
  const { months } = await repo.periodsOf(tx, tenantId);
  const sel = await selectExpired(tx, tenantId, months, asOf, hasKey);
  if (sel.units.length === 0 && !always) return null;
  await repo.staleProposals(tx, tenantId);
  return repo.insertRun(tx, {
    tenantId,
    fingerprint: sel.fingerprint,
    report: { counts: sel.counts, cases: sel.cases, held: sel.held, auditNeedsKey: sel.auditNeedsKey },
    units: sel.units,
    periods: months,
    asOf,
  });
}

registerJob(DRY_RUN_JOB, async (tx, _payload, job) => {
  if (job.tenantId) await buildDryRun(tx, job.tenantId, job.now, Boolean(job.config.secretKey), false);
});

/** Once a day, across tenants: a dry run per tenant, and tomorrow's run. Nothing is deleted without approval. */
registerJob(DAILY_JOB, async (tx, _payload, job) => {
  const day = job.now.toISOString().slice(0, 10);
  for (const t of await repo.allTenants(tx))
    await enqueue(tx, {
      tenantId: t.id,
      kind: DRY_RUN_JOB,
      runAt: job.now,
      payload: {},
      dedupeKey: `retention:${t.id}:${day}`,
    });
  // The sampled log reviews whose day has come are drawn by the same daily round.
  await enqueue(tx, {
    tenantId: null,
    kind: 'logreview.draw',
    runAt: job.now,
    payload: {},
    dedupeKey: `logreview:${day}`,
  });
  await scheduleRetention(tx, new Date(Date.parse(`${day}T01:00:00Z`) + 86_400_000));
});

/** Schedules the daily dry run (once per day, whoever asks). The server calls it when its runner starts. */
export async function scheduleRetention(tx: Db, at: Date = new Date()): Promise<void> {
  await enqueue(tx, {
    tenantId: null,
    kind: DAILY_JOB,
    runAt: at,
    payload: {},
    dedupeKey: `retention:${at.toISOString().slice(0, 10)}`,
  });
}
