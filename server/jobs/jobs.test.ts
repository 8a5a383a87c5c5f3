import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../notify/index.ts';
import { notifications } from '../notify/tables.ts';
import { buildOrganisation, buildTenant, buildUser } from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { backoffMs, enqueue, MAX_ATTEMPTS, registerJob, runDueJobs } from './index.ts';
import { jobs } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const seen: string[] = [];
registerJob('test.record', async (_tx, payload) => {
  seen.push(String(payload.mark));
});
let crashes = 0;
registerJob('test.crash_after_write', async (tx, payload) => {
  await notify(tx, {
    tenantId: String(payload.tenantId),
    userIds: [String(payload.userId)],
    kind: 'test.notice',
    link: '/',
    urgency: 'normal',
  });
  crashes += 1;
  if (crashes === 1) throw new Error('crashed after writing');
});
let failures = 0;
registerJob('test.flaky', async () => {
  failures += 1;
  throw new Error('mail server down');
});

describe('jobs', () => {
  it('runs a due job once, not a future one, and ignores a second enqueue with the same key', async () => {
    const tenant = await buildTenant(t.database.db);
    const now = new Date('2030-01-07T09:00:00Z');
    await t.database.db.transaction(async (tx) => {
      await enqueue(tx, {
        tenantId: tenant.id,
        kind: 'test.record',
        runAt: now,
        payload: { mark: 'a' },
        dedupeKey: `a:${tenant.id}`,
      });
      await enqueue(tx, {
        tenantId: tenant.id,
        kind: 'test.record',
        runAt: now,
        payload: { mark: 'dup' },
        dedupeKey: `a:${tenant.id}`,
      });
      await enqueue(tx, {
        tenantId: tenant.id,
        kind: 'test.record',
        runAt: new Date(now.getTime() + 60_000),
        payload: { mark: 'b' },
      });
    });
    expect(await runDueJobs(t.deps, now, { tenantId: tenant.id })).toBe(1);
    expect(seen).toEqual(['a']);
    expect(await runDueJobs(t.deps, now, { tenantId: tenant.id })).toBe(0);
    expect(await runDueJobs(t.deps, new Date(now.getTime() + 60_000), { tenantId: tenant.id })).toBe(1);
    expect(seen).toEqual(['a', 'b']);
  });

  it('retries a failing job with growing backoff and marks it failed after the last attempt', async () => {
    const tenant = await buildTenant(t.database.db);
    let now = new Date('2030-01-07T09:00:00Z');
    await enqueue(t.database.db, { tenantId: tenant.id, kind: 'test.flaky', runAt: now, payload: {} });
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await runDueJobs(t.deps, now, { tenantId: tenant.id })).toBe(0);
      now = new Date(now.getTime() + backoffMs(attempt));
    }
    const [job] = await t.database.db.select().from(jobs).where(eq(jobs.tenantId, tenant.id));
    expect(job?.status).toBe('failed');
    expect(job?.attempts).toBe(MAX_ATTEMPTS);
    expect(job?.lastError).toContain('mail server down');
    expect(failures).toBe(MAX_ATTEMPTS);
    expect(await runDueJobs(t.deps, new Date('2031-01-01T00:00:00Z'), { tenantId: tenant.id })).toBe(0);
  });

  it('a job that fails after writing leaves nothing behind; its retry writes once', async () => {
    const tenant = await buildTenant(t.database.db);
    const org = await buildOrganisation(t.database.db, tenant.id);
    const user = await buildUser(t.database.db, { tenantId: tenant.id, organisationId: org.id, role: 'god_man' });
    const now = new Date('2030-01-07T09:00:00Z');
    await enqueue(t.database.db, {
      tenantId: tenant.id,
      kind: 'test.crash_after_write',
      runAt: now,
      payload: { tenantId: tenant.id, userId: user.id },
    });
    expect(await runDueJobs(t.deps, now, { tenantId: tenant.id })).toBe(0);
    const mine = () => t.database.db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(await mine()).toEqual([]);
    // The retry, and the e-mail ping it schedules (a no-op here: no mail server).
    expect(await runDueJobs(t.deps, new Date(now.getTime() + backoffMs(1)), { tenantId: tenant.id })).toBe(2);
    expect(await mine()).toHaveLength(1);
  });
});
