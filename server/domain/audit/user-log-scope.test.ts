import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../common/schemas/audit.ts';
import { CSV_SEPARATOR } from '../../http/csv.ts';
import { TEST_PASSWORD, buildChild, buildOrganisation, buildUser, buildWorld } from '../../test/factories.ts';
import { login, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/**
 * Two organisations of one municipality. A social worker of the manager's own organisation works with two
 * children: one whose hub the manager's organisation is in (`ours`), and one whose hub it is not (`theirs`,
 * reached through a second membership of the worker in the other organisation). A worker of the other
 * organisation has a log of their own.
 */
async function world() {
  const db = t.database.db;
  const w = await buildWorld(t.app, db, ['manager', 'tenant_admin']);
  const other = await buildOrganisation(db, w.tenant.id);
  const worker = await buildUser(db, { tenantId: w.tenant.id, organisationId: w.org.id, role: 'social_worker' });
  const stranger = await buildUser(db, { tenantId: w.tenant.id, organisationId: other.id, role: 'social_worker' });
  const ours = await buildChild(db, { tenantId: w.tenant.id, hub: [{ user: worker, hubRole: 'social_worker' }] });
  const theirs = await buildChild(db, {
    tenantId: w.tenant.id,
    hub: [{ user: worker, hubRole: 'social_worker', organisationId: other.id }],
  });
  const workerClient = await login(t.app, worker.email, TEST_PASSWORD);
  for (const child of [ours, theirs]) {
    expect((await workerClient.get(`/api/children/${child.id}`)).statusCode).toBe(200);
    expect((await workerClient.get(`/api/children/${child.id}/hub`)).statusCode).toBe(200);
  }
  const strangerClient = await login(t.app, stranger.email, TEST_PASSWORD);
  expect((await strangerClient.get('/api/children')).statusCode).toBe(200);
  const theirMembers = theirs.members.map((m) => m.id);
  return { ...w, worker, stranger, ours, theirs, theirMembers };
}

type W = Awaited<ReturnType<typeof world>>;

/** Every id of the child outside the manager's scope that could appear in a row. */
const idsOf = (w: W) => [w.theirs.id, ...w.theirMembers];

const readCsv = (body: string): Record<string, string>[] =>
  parse(body, { bom: true, columns: true, delimiter: CSV_SEPARATOR });

describe('a manager reviews the logs of their own organisation’s users only', () => {
  it('another organisation’s user is not found, in JSON and CSV', async () => {
    const w = await world();
    const json = await w.clients.manager.get(`/api/audit/users/${w.stranger.id}`);
    expect(json.statusCode).toBe(404);
    expect(json.json()).toMatchObject({ error: 'not_found' });
    const csv = await w.clients.manager.get(`/api/audit/users/${w.stranger.id}/log.csv`);
    expect(csv.statusCode).toBe(404);
    const review = await w.clients.manager.post('/api/audit/reviews', {
      subjectKind: 'user',
      subjectId: w.stranger.id,
      periodFrom: '2025-01-01',
      periodTo: '2025-01-31',
      findings: 'Inga anmärkningar.',
    });
    expect(review.statusCode).toBe(404);
  });

  it('rows about a child outside the manager’s scope carry no child identity (JSON)', async () => {
    const w = await world();
    const res = await w.clients.manager.get(`/api/audit/users/${w.worker.id}?limit=100`);
    expect(res.statusCode).toBe(200);
    const items: AuditEntry[] = res.json().items;
    // The reads of the child in scope keep their child id …
    expect(items.some((e) => e.childId === w.ours.id && e.action === 'child.read')).toBe(true);
    // … the reads of the other child are there, without any id of that child.
    const reads = items.filter((e) => e.action === 'child.read');
    expect(reads).toHaveLength(2);
    expect(reads.filter((e) => e.childId === null && e.entityId === null)).toHaveLength(1);
    for (const id of idsOf(w)) expect(res.body).not.toContain(id);
  });

  it('rows about a child outside the manager’s scope carry no child identity (CSV)', async () => {
    const w = await world();
    const res = await w.clients.manager.get(`/api/audit/users/${w.worker.id}/log.csv`);
    expect(res.statusCode).toBe(200);
    const rows = readCsv(res.body);
    expect(rows.some((r) => r.child_id === w.ours.id)).toBe(true);
    const reads = rows.filter((r) => r.action === 'child.read');
    expect(reads).toHaveLength(2);
    expect(reads.filter((r) => r.child_id === '' && r.entity_id === '')).toHaveLength(1);
    for (const id of idsOf(w)) expect(res.body).not.toContain(id);
  });

  it('a tenant admin, the municipality’s log reviewer, sees every user’s log in full', async () => {
    const w = await world();
    const res = await w.clients.tenant_admin.get(`/api/audit/users/${w.worker.id}?limit=100`);
    expect(res.statusCode).toBe(200);
    const items: AuditEntry[] = res.json().items;
    expect(items.some((e) => e.childId === w.theirs.id)).toBe(true);
    expect((await w.clients.tenant_admin.get(`/api/audit/users/${w.stranger.id}`)).statusCode).toBe(200);
    const csv = await w.clients.tenant_admin.get(`/api/audit/users/${w.worker.id}/log.csv`);
    expect(csv.body).toContain(w.theirs.id);
  });
});
