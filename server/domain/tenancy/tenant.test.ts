import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { TEST_PASSWORD, buildWorld } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('GET /api/admin/tenant', () => {
  it('401 without a session, 403 for a coordinator', async () => {
    const w = await buildWorld(t.app, t.database.db, ['coordinator']);
    expect((await anonymous(t.app).get('/api/admin/tenant')).statusCode).toBe(401);
    expect((await w.clients.coordinator.get('/api/admin/tenant')).statusCode).toBe(403);
  });

  it("shows my own tenant's settings", async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin']);
    const other = await buildWorld(t.app, t.database.db, ['tenant_admin']);
    const res = await w.clients.tenant_admin.get('/api/admin/tenant');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: w.tenant.id, name: w.tenant.name, requireTotp: false, isDemo: false });
    expect((await other.clients.tenant_admin.get('/api/admin/tenant')).json().id).toBe(other.tenant.id);
  });
});

describe('PUT /api/admin/tenant', () => {
  it('401 without a session, 403 for a manager', async () => {
    const w = await buildWorld(t.app, t.database.db, ['manager']);
    expect((await anonymous(t.app).put('/api/admin/tenant', { requireTotp: true })).statusCode).toBe(401);
    expect((await w.clients.manager.put('/api/admin/tenant', { requireTotp: true })).statusCode).toBe(403);
  });

  it('400 with field paths on bad input', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin']);
    const res = await w.clients.tenant_admin.put('/api/admin/tenant', { requireTotp: 'yes' });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toEqual(['body.requireTotp']);
  });

  it('turns on TOTP for my tenant only: the next login asks for enrolment; audited', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin', 'god_man']);
    const other = await buildWorld(t.app, t.database.db, ['tenant_admin']);
    const res = await w.clients.tenant_admin.put('/api/admin/tenant', { requireTotp: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: w.tenant.id, requireTotp: true });
    expect((await other.clients.tenant_admin.get('/api/admin/tenant')).json().requireTotp).toBe(false);

    const login = await anonymous(t.app).post('/api/auth/login', {
      email: w.people.god_man.email,
      password: TEST_PASSWORD,
    });
    expect(login.json().stage).toBe('totp_enroll');

    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, w.tenant.id), eq(auditLog.action, 'tenancy.settings_changed')));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.detail).toEqual({ requireTotp: { from: false, to: true } });
  });
});
