import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { buildOrganisation, buildTenant, buildWorld } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('GET /api/admin/organisations', () => {
  it('401 without a session', async () => {
    const res = await anonymous(t.app).get('/api/admin/organisations');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'unauthenticated' });
  });

  it('403 for roles other than tenant admin', async () => {
    const w = await buildWorld(t.app, t.database.db, ['manager', 'social_worker']);
    for (const client of [w.clients.manager, w.clients.social_worker]) {
      const res = await client.get('/api/admin/organisations');
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: 'forbidden' });
    }
  });

  it('lists only the organisations of my tenant', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin']);
    const mine = await buildOrganisation(t.database.db, w.tenant.id, 'region');
    const other = await buildTenant(t.database.db);
    const theirs = await buildOrganisation(t.database.db, other.id);
    const res = await w.clients.tenant_admin.get('/api/admin/organisations');
    expect(res.statusCode).toBe(200);
    const ids = res.json().map((o: { id: string }) => o.id);
    expect(ids.sort()).toEqual([w.org.id, mine.id].sort());
    expect(ids).not.toContain(theirs.id);
    expect(res.json().find((o: { id: string }) => o.id === mine.id)).toMatchObject({ principalType: 'region' });
  });
});

describe('POST /api/admin/organisations', () => {
  it('401 without a session', async () => {
    const res = await anonymous(t.app).post('/api/admin/organisations', { name: 'X', principalType: 'region' });
    expect(res.statusCode).toBe(401);
  });

  it('403 for a manager', async () => {
    const w = await buildWorld(t.app, t.database.db, ['manager']);
    const res = await w.clients.manager.post('/api/admin/organisations', { name: 'X', principalType: 'region' });
    expect(res.statusCode).toBe(403);
  });

  it('400 with field paths on bad input', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin']);
    const res = await w.clients.tenant_admin.post('/api/admin/organisations', { name: '  ', principalType: 'church' });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .issues.map((i: { path: string }) => i.path)
      .sort();
    expect(paths).toEqual(['body.name', 'body.principalType']);
  });

  it('creates an organisation in my tenant, audited', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin']);
    const res = await w.clients.tenant_admin.post('/api/admin/organisations', {
      name: ' BUP Östersund ',
      principalType: 'region',
    });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({ name: 'BUP Östersund', principalType: 'region' });

    const list = await w.clients.tenant_admin.get('/api/admin/organisations');
    expect(list.json().map((o: { id: string }) => o.id)).toContain(org.id);

    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, org.id), eq(auditLog.action, 'tenancy.organisation_created')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tenantId: w.tenant.id, actorUserId: w.people.tenant_admin.id });
  });

  it('409 for a second organisation with the same name', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin']);
    const body = { name: 'HVB Solgården', principalType: 'private_provider' };
    expect((await w.clients.tenant_admin.post('/api/admin/organisations', body)).statusCode).toBe(201);
    const res = await w.clients.tenant_admin.post('/api/admin/organisations', { ...body, name: 'hvb solgården' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'organisation_exists' });
  });
});
