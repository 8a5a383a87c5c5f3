import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../common/schemas/audit.ts';
import { TEST_PASSWORD, buildChild, buildOrganisation, buildUser, buildWorld } from '../../test/factories.ts';
import { anonymous, login, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** A tenant with a social worker in one child's hub, their manager and a tenant admin. */
async function world() {
  const w = await buildWorld(t.app, t.database.db, ['social_worker', 'manager', 'tenant_admin']);
  const child = await buildChild(t.database.db, {
    tenantId: w.tenant.id,
    hub: [{ user: w.people.social_worker, hubRole: 'social_worker' }],
  });
  return { ...w, child };
}

const items = (body: { items: AuditEntry[] }) => body.items;

describe('GET /api/audit/children/:id', () => {
  it('401 without a session', async () => {
    const w = await world();
    const res = await anonymous(t.app).get(`/api/audit/children/${w.child.id}`);
    expect(res.statusCode).toBe(401);
  });

  it('403 for a social worker, even in the child’s hub', async () => {
    const w = await world();
    const res = await w.clients.social_worker.get(`/api/audit/children/${w.child.id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'forbidden' });
  });

  it('404 for a child of another tenant, and for a manager outside the child’s hub', async () => {
    const w = await world();
    const other = await world();
    for (const client of [w.clients.manager, w.clients.tenant_admin]) {
      const res = await client.get(`/api/audit/children/${other.child.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: 'not_found' });
    }
    // A manager of an organisation that has no place in the hub does not see the child.
    const org2 = await buildOrganisation(t.database.db, w.tenant.id);
    const outsider = await buildUser(t.database.db, {
      tenantId: w.tenant.id,
      organisationId: org2.id,
      role: 'manager',
    });
    const outsiderClient = await login(t.app, outsider.email, TEST_PASSWORD);
    expect((await outsiderClient.get(`/api/audit/children/${w.child.id}`)).statusCode).toBe(404);
  });

  it('400 with field paths', async () => {
    const w = await world();
    const bad = await w.clients.manager.get('/api/audit/children/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['params.id']);
    const query = await w.clients.manager.get(`/api/audit/children/${w.child.id}?limit=0&before=-1`);
    expect(query.statusCode).toBe(400);
    expect(
      query
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['query.before', 'query.limit']);
  });

  it('shows a social worker’s read of the child to the manager, with the actor’s name', async () => {
    const w = await world();
    expect((await w.clients.social_worker.get(`/api/children/${w.child.id}`)).statusCode).toBe(200);
    const res = await w.clients.manager.get(`/api/audit/children/${w.child.id}`);
    expect(res.statusCode).toBe(200);
    const read = items(res.json()).find((i) => i.actorUserId === w.people.social_worker.id);
    expect(read).toMatchObject({
      action: expect.stringMatching(/^child\./),
      childId: w.child.id,
      actorName: 'Test social_worker',
      organisationId: w.org.id,
    });
    // The tenant admin sees the same log.
    const admin = await w.clients.tenant_admin.get(`/api/audit/children/${w.child.id}`);
    expect(items(admin.json()).some((i) => i.actorUserId === w.people.social_worker.id)).toBe(true);
  });

  it('reading the log is itself logged', async () => {
    const w = await world();
    await w.clients.manager.get(`/api/audit/children/${w.child.id}`);
    const res = await w.clients.tenant_admin.get(`/api/audit/children/${w.child.id}`);
    const reads = items(res.json()).filter((i) => i.action === 'audit.read_child_log');
    expect(reads.map((i) => i.actorUserId)).toContain(w.people.manager.id);
  });

  it('pages newest first with before/next', async () => {
    const w = await world();
    for (let i = 0; i < 3; i++) await w.clients.social_worker.get(`/api/children/${w.child.id}`);
    const first = (await w.clients.manager.get(`/api/audit/children/${w.child.id}?limit=2`)).json();
    expect(first.items).toHaveLength(2);
    expect(first.next).toEqual(expect.any(Number));
    expect(first.items[0].id).toBeGreaterThan(first.items[1].id);
    const second = (
      await w.clients.manager.get(`/api/audit/children/${w.child.id}?limit=2&before=${first.next}`)
    ).json();
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
  });
});
