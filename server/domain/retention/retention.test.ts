import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RetentionRun } from '../../../common/schemas/retention.ts';
import { auditLog } from '../../audit/tables.ts';
import { runDueJobs } from '../../jobs/index.ts';
import { jobs } from '../../jobs/tables.ts';
import { buildWorld } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { DAILY_JOB, steps } from './execute.ts';
import { pseudonymOf } from './select.ts';
import { closedCase, countRows, namesOf } from './test-data.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const PERIODS = [
  { type: 'child', months: 36 },
  { type: 'events', months: 12 },
  { type: 'consents', months: 12 },
  { type: 'child_links', months: 1 },
];

/** Five hand-built cases: A all due, B its events/consents/link due, C held, D open, E only its link due. */
async function world() {
  const w = await buildWorld(t.app, t.database.db, ['tenant_admin', 'social_worker']);
  const sw = w.people.social_worker;
  const db = t.database.db;
  const a = await closedCase(db, w.tenant.id, sw, { monthsAgo: 40, events: 1, consent: true, link: true });
  const b = await closedCase(db, w.tenant.id, sw, { monthsAgo: 14, events: 2, consent: true });
  const c = await closedCase(db, w.tenant.id, sw, { monthsAgo: 40, events: 1, consent: true });
  const d = await closedCase(db, w.tenant.id, sw, { monthsAgo: 40, events: 1, consent: true, open: true });
  const e = await closedCase(db, w.tenant.id, sw, { monthsAgo: 5, events: 1, link: true });
  const admin = w.clients.tenant_admin;
  expect((await admin.put('/api/admin/retention/settings', { periods: PERIODS })).statusCode).toBe(200);
  expect(
    (await admin.put(`/api/admin/retention/children/${c.id}/hold`, { reason: 'Tvist i förvaltningsrätten' }))
      .statusCode,
  ).toBe(200);
  return { ...w, admin, a, b, c, d, e };
}

const byType = (run: RetentionRun) => Object.fromEntries(run.counts.map((c) => [c.type, [c.rows, c.cases]]));

describe('retention', () => {
  it('the dry run lists exactly the expired records of each type, by pseudonym', async () => {
    const w = await world();
    const res = await w.admin.post('/api/admin/retention/runs', {});
    expect(res.statusCode).toBe(201);
    const run = res.json<RetentionRun>();
    expect(run.status).toBe('proposed');
    // Rows per type, [rows, cases]: each consent with its organisation, each link with the message sent through it.
    expect(byType(run)).toEqual({ events: [3, 2], consents: [4, 2], child_links: [4, 2], child: [2, 1] });
    const pseudonyms = run.cases.map((c) => c.pseudonym).sort();
    expect(pseudonyms).toEqual([pseudonymOf(w.a.id), pseudonymOf(w.b.id), pseudonymOf(w.e.id)].sort());
    expect(JSON.stringify(run)).not.toContain(w.a.displayName);
    expect(run.cases.find((c) => c.pseudonym === pseudonymOf(w.e.id))?.types).toEqual(['child_links']);
  });

  it('approval deletes exactly those rows; a held child and an open case keep theirs', async () => {
    const w = await world();
    const ids = [w.a.id, w.b.id, w.c.id, w.d.id, w.e.id];
    const before = await Promise.all(ids.map((id) => countRows(t.database.db, [id])));
    const run = (await w.admin.post('/api/admin/retention/runs', {})).json<RetentionRun>();
    const ok = await w.admin.post(`/api/admin/retention/runs/${run.id}/approve`, {});
    expect(ok.statusCode).toBe(200);
    expect(ok.json<RetentionRun>().status).toBe('approved');
    await runDueJobs(t.deps, new Date(), { tenantId: w.tenant.id });
    const after = await Promise.all(ids.map((id) => countRows(t.database.db, [id])));
    // A: everything gone but the anonymised record.
    expect(after[0]).toEqual({ children: 1, hub_members: 0, child_events: 0, consents: 0, child_links: 0 });
    // B: events, consent gone; record and hub kept.
    expect(after[1]).toEqual({ ...before[1], child_events: 0, consents: 0 });
    expect(after[2]).toEqual(before[2]); // held
    expect(after[3]).toEqual(before[3]); // open
    expect(after[4]).toEqual({ ...before[4], child_links: 0 });
    const names = new Map((await namesOf(t.database.db, ids)).map((r) => [r.id, r.name]));
    expect(names.get(w.a.id)).toBe(pseudonymOf(w.a.id));
    expect(names.get(w.b.id)).toBe(w.b.displayName);
    const done = (await w.admin.get(`/api/admin/retention/runs/${run.id}`)).json<RetentionRun>();
    expect(done.status).toBe('done');
    expect(done.progress).toEqual({ done: 7, total: 7 });
    // The deletion record: per type, how many rows, under which rule, approved by whom; summed over the batches.
    const records = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'retention.deleted'), eq(auditLog.entityId, run.id)));
    const perType = new Map<string, { rows: number; rule: string; approvedBy: string; anonymised: boolean }>();
    for (const r of records) {
      const d = r.detail as { type: string; rows: number; rule: string; approvedBy: string; anonymised: boolean };
      perType.set(d.type, { ...d, rows: (perType.get(d.type)?.rows ?? 0) + d.rows });
      expect(r.childId).toBeNull();
    }
    // As many rows as the dry run said, type by type.
    expect(Object.fromEntries([...perType].map(([type, d]) => [type, [d.rows]]))).toEqual(
      Object.fromEntries(Object.entries(byType(run)).map(([type, [rows]]) => [type, [rows]])),
    );
    expect(perType.get('events')).toMatchObject({ rule: 'events: 12 months', approvedBy: w.people.tenant_admin.id });
    expect(perType.get('child')).toMatchObject({ rule: 'child: 36 months', anonymised: true });
    // A second dry run finds nothing left of what was deleted.
    const again = (await w.admin.post('/api/admin/retention/runs', {})).json<RetentionRun>();
    expect(again.counts).toEqual([]);
  });

  it('the daily round proposes a dry run for each municipality and deletes nothing until an admin approves', async () => {
    const w = await world();
    const db = t.database.db;
    const ids = [w.a.id, w.b.id, w.e.id];
    const before = await countRows(db, ids);
    // Far ahead, so that the round's jobs for other municipalities in a shared database never come due.
    const day = new Date('2099-01-01T01:00:00Z');
    await db.insert(jobs).values({ tenantId: null, kind: DAILY_JOB, runAt: new Date(0), payload: {} });
    expect(await runDueJobs(t.deps, day, { tenantId: null, limit: 1 })).toBe(1);
    const next = await db
      .select()
      .from(jobs)
      .where(and(isNull(jobs.tenantId), eq(jobs.kind, DAILY_JOB), eq(jobs.status, 'pending')));
    expect(next.map((j) => j.runAt.toISOString())).toContain('2099-01-02T01:00:00.000Z');
    await runDueJobs(t.deps, day, { tenantId: w.tenant.id });
    const runs = (await w.admin.get('/api/admin/retention/runs')).json<{ items: RetentionRun[] }>().items;
    expect(runs.map((r) => r.status)).toEqual(['proposed']);
    expect(runs[0]!.cases.map((c) => c.pseudonym)).toEqual(expect.arrayContaining([pseudonymOf(w.a.id)]));
    expect(await countRows(db, ids)).toEqual(before);
  });

  it('a stale dry run is 409 and deletes nothing', async () => {
    const w = await world();
    const ids = [w.a.id, w.b.id, w.e.id];
    const run = (await w.admin.post('/api/admin/retention/runs', {})).json<RetentionRun>();
    await w.admin.put(`/api/admin/retention/children/${w.b.id}/hold`, { reason: 'Begäran från IVO' });
    const before = await countRows(t.database.db, ids);
    const res = await w.admin.post(`/api/admin/retention/runs/${run.id}/approve`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: string }>().error).toBe('retention_stale');
    await runDueJobs(t.deps, new Date(), { tenantId: w.tenant.id });
    expect(await countRows(t.database.db, ids)).toEqual(before);
  });

  it('a crash in a batch leaves whole records, and the job resumes', async () => {
    const w = await world();
    const ids = [w.a.id, w.b.id, w.e.id];
    const run = (await w.admin.post('/api/admin/retention/runs', {})).json<RetentionRun>();
    await w.admin.post(`/api/admin/retention/runs/${run.id}/approve`, {});
    const real = steps.deleteUnit.bind(steps);
    let calls = 0;
    const spy = vi.spyOn(steps, 'deleteUnit').mockImplementation(async (...args) => {
      calls++;
      const out = await real(...args);
      if (calls === 5) throw new Error('injected failure after the unit was deleted');
      return out;
    });
    const now = new Date();
    await runDueJobs(t.deps, now, { tenantId: w.tenant.id });
    spy.mockRestore();
    const mid = (await w.admin.get(`/api/admin/retention/runs/${run.id}`)).json<RetentionRun>();
    expect(mid.status).toBe('approved');
    expect(mid.progress.done).toBe(3); // the first batch committed, the second rolled back whole
    // Batch 2 anonymised A and deleted B's consent, then failed: both rolled back, A's hub and B's consent are whole.
    expect((await countRows(t.database.db, [w.a.id])).hub_members).toBe(1);
    expect((await countRows(t.database.db, [w.b.id])).consents).toBe(1);
    await runDueJobs(t.deps, new Date(now.getTime() + 3_600_000), { tenantId: w.tenant.id });
    const end = (await w.admin.get(`/api/admin/retention/runs/${run.id}`)).json<RetentionRun>();
    expect(end.status).toBe('done');
    expect(await countRows(t.database.db, ids)).toEqual({
      children: 3,
      hub_members: 2,
      child_events: 1,
      consents: 0,
      child_links: 0,
    });
  });

  it('a period below the minimum is 409 at its field; a hold without a reason is 400', async () => {
    const w = await world();
    const low = await w.admin.put('/api/admin/retention/settings', {
      periods: [
        { type: 'events', months: 12 },
        { type: 'audit', months: 12 },
      ],
    });
    expect(low.statusCode).toBe(409);
    expect(low.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toEqual(['body.periods.1.months']);
    const settings = (await w.admin.get('/api/admin/retention/settings')).json<{
      periods: { type: string; months: number }[];
    }>();
    expect(settings.periods.find((p) => p.type === 'audit')?.months).toBe(60);
    const hold = await w.admin.put(`/api/admin/retention/children/${w.b.id}/hold`, { reason: '  ' });
    expect(hold.statusCode).toBe(400);
    expect(hold.json<{ issues: { path: string }[] }>().issues[0]?.path).toBe('body.reason');
  });

  it('only a tenant admin manages retention', async () => {
    const w = await world();
    expect((await w.clients.social_worker.get('/api/admin/retention/settings')).statusCode).toBe(403);
    expect((await anonymous(t.app).get('/api/admin/retention/runs')).statusCode).toBe(401);
    const other = await world();
    expect((await w.admin.get(`/api/admin/retention/children/${other.a.id}/hold`)).statusCode).toBe(404);
  });
});
