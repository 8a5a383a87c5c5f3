import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCheckpoints } from '../../audit/checkpoint.ts';
import { sealAudit } from '../../audit/seal.ts';
import { auditLog } from '../../audit/tables.ts';
import { verifyAudit } from '../../audit/verify.ts';
import { runDueJobs } from '../../jobs/index.ts';
import { buildTenant } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { buildDryRun, BATCH_JOB } from './execute.ts';
import { enqueue } from '../../jobs/index.ts';
import { retentionRuns } from './tables.ts';

const KEY = randomBytes(32).toString('base64');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ secretKey: KEY });
});
afterAll(async () => t.close());

const YEAR = 365 * 86_400_000;

/** A tenant chain of 5 rows six years old and 3 from today, sealed. */
async function chain() {
  const tenant = await buildTenant(t.database.db);
  const row = (at: Date, action: string) => ({ chain: tenant.id, tenantId: tenant.id, action, entity: 'test', at });
  const old = new Date(Date.now() - 6 * YEAR);
  for (let i = 0; i < 5; i++) await t.database.db.insert(auditLog).values(row(old, `old.${i}`));
  for (let i = 0; i < 3; i++) await t.database.db.insert(auditLog).values(row(new Date(), `new.${i}`));
  await sealAudit(t.database.db);
  return tenant;
}

async function cut(tenantId: string) {
  const now = new Date();
  const run = await t.database.db.transaction((tx) => buildDryRun(tx, tenantId, now, true, true));
  expect(run!.report).toMatchObject({ counts: [{ type: 'audit', rows: 5 }] });
  await t.database.db.transaction(async (tx) => {
    await tx.update(retentionRuns).set({ status: 'approved' }).where(eq(retentionRuns.id, run!.id));
    await enqueue(tx, { tenantId, kind: BATCH_JOB, runAt: now, payload: { runId: run!.id } });
  });
  await runDueJobs(t.deps, now, { tenantId });
  await sealAudit(t.database.db);
}

const reportOf = async (chainId: string, secretKey: string | null = KEY) =>
  (await verifyAudit(t.database.db, secretKey ? { secretKey } : {})).find((r) => r.chain === chainId)!;

describe('cutting the oldest audit rows', () => {
  it('leaves a chain that verifies from its signed checkpoint', async () => {
    const tenant = await chain();
    await cut(tenant.id);
    const left = await t.database.db.select().from(auditLog).where(eq(auditLog.chain, tenant.id));
    expect(left.some((r) => r.action.startsWith('old.'))).toBe(false);
    expect(left.filter((r) => r.action.startsWith('new.'))).toHaveLength(3);
    // The deletion is itself recorded: type, rows, rule, approver.
    expect(left.find((r) => r.action === 'retention.deleted')?.detail).toMatchObject({ type: 'audit', rows: 5 });
    expect(await reportOf(tenant.id)).toMatchObject({ ok: true });
  });

  it('a row altered after the cut still fails', async () => {
    const tenant = await chain();
    await cut(tenant.id);
    await t.database.db
      .update(auditLog)
      .set({ action: 'tampered' })
      .where(and(eq(auditLog.chain, tenant.id), eq(auditLog.action, 'new.1')));
    const report = await reportOf(tenant.id);
    expect(report.ok).toBe(false);
    expect(report.brokenAt?.reason).toContain('altered');
  });

  it('a forged checkpoint fails, and so does one with no key to check it', async () => {
    const tenant = await chain();
    await cut(tenant.id);
    expect((await reportOf(tenant.id, null)).ok).toBe(false);
    // Someone deletes one more row by hand and moves the checkpoint over it, without the key.
    const [first] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.chain, tenant.id))
      .orderBy(auditLog.seq)
      .limit(1);
    await t.database.db.delete(auditLog).where(eq(auditLog.id, first!.id));
    await t.database.db
      .update(auditCheckpoints)
      .set({ seq: sql`${auditCheckpoints.seq} + 1`, hash: first!.hash! })
      .where(eq(auditCheckpoints.chain, tenant.id));
    const report = await reportOf(tenant.id);
    expect(report.ok).toBe(false);
    expect(report.brokenAt?.reason).toContain('checkpoint');
  });

  it('without the cut, deleting the oldest row by hand fails as before', async () => {
    const tenant = await chain();
    const [first] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.chain, tenant.id))
      .orderBy(auditLog.seq)
      .limit(1);
    await t.database.db.delete(auditLog).where(eq(auditLog.id, first!.id));
    expect((await reportOf(tenant.id)).ok).toBe(false);
  });
});
