import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { memberships } from './tables.ts';
import { TEST_PASSWORD, buildOrganisation, buildTenant, buildUser, buildWorld } from '../../test/factories.ts';
import { anonymous, login, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();

async function stranger() {
  const tenant = await buildTenant(t.database.db);
  const org = await buildOrganisation(t.database.db, tenant.id);
  return buildUser(t.database.db, { tenantId: tenant.id, organisationId: org.id, role: 'social_worker' });
}

async function auditCount(action: string, entityId: string): Promise<number> {
  const rows = await t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
  return rows.length;
}

describe('POST /api/admin/users/:id/memberships', () => {
  it('401 without a session, 403 for a manager', async () => {
    const w = await buildWorld(t.app, t.database.db, ['manager']);
    const url = `/api/admin/users/${w.people.manager.id}/memberships`;
    const body = { organisationId: w.org.id, role: 'coordinator' };
    expect((await anonymous(t.app).post(url, body)).statusCode).toBe(401);
    expect((await w.clients.manager.post(url, body)).statusCode).toBe(403);
  });

  it('404 for a user of another tenant', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin']);
    const s = await stranger();
    const res = await w.clients.tenant_admin.post(`/api/admin/users/${s.id}/memberships`, {
      organisationId: w.org.id,
      role: 'coordinator',
    });
    expect(res.statusCode).toBe(404);
  });

  it('400 with field paths, including an organisation of another tenant', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin', 'god_man']);
    const url = `/api/admin/users/${w.people.god_man.id}/memberships`;
    const bad = await w.clients.tenant_admin.post(url, { organisationId: 'x', role: 'king' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['body.organisationId', 'body.role']);

    const s = await stranger();
    const foreign = await w.clients.tenant_admin.post(url, { organisationId: s.organisationId, role: 'god_man' });
    expect(foreign.statusCode).toBe(400);
    expect(paths(foreign.json())).toEqual(['body.organisationId']);
  });

  it('adds a role without children’s data at once; a duplicate is 409', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin', 'social_worker']);
    const org2 = await buildOrganisation(t.database.db, w.tenant.id);
    const url = `/api/admin/users/${w.people.social_worker.id}/memberships`;
    const res = await w.clients.tenant_admin.post(url, { organisationId: org2.id, role: 'coordinator' });
    expect(res.statusCode).toBe(201);
    const added = res.json().memberships.find((m: { organisationId: string }) => m.organisationId === org2.id);
    expect(added).toMatchObject({ role: 'coordinator', endedAt: null });
    expect(await auditCount('tenancy.membership_added', added.id)).toBe(1);

    const me = await w.clients.social_worker.get('/api/auth/me');
    expect(
      me
        .json()
        .memberships.map((m: { role: string }) => m.role)
        .sort(),
    ).toEqual(['coordinator', 'social_worker']);

    const again = await w.clients.tenant_admin.post(url, { organisationId: org2.id, role: 'coordinator' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'membership_exists' });
  });
});

describe('DELETE /api/admin/users/:id/memberships/:membershipId', () => {
  async function membershipOf(userId: string, admin: { get(url: string): Promise<{ json(): unknown }> }) {
    const user = (await admin.get(`/api/admin/users/${userId}`)).json() as { memberships: { id: string }[] };
    return user.memberships[0]!.id;
  }

  it('401 without a session, 403 for a manager, 400 on bad ids', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin', 'manager']);
    const mid = await membershipOf(w.people.manager.id, w.clients.tenant_admin);
    const url = `/api/admin/users/${w.people.manager.id}/memberships/${mid}`;
    expect((await anonymous(t.app).delete(url)).statusCode).toBe(401);
    expect((await w.clients.manager.delete(url)).statusCode).toBe(403);
    const bad = await w.clients.tenant_admin.delete(`/api/admin/users/x/memberships/y`);
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['params.id', 'params.membershipId']);
  });

  it("404 for another tenant's user or membership, or a membership of someone else", async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin', 'manager', 'god_man']);
    const s = await stranger();
    const [theirs] = await t.database.db.select().from(memberships).where(eq(memberships.userId, s.id));
    const managers = await membershipOf(w.people.manager.id, w.clients.tenant_admin);
    const godMans = await membershipOf(w.people.god_man.id, w.clients.tenant_admin);
    const admin = w.clients.tenant_admin;
    const cases = [
      `/api/admin/users/${s.id}/memberships/${theirs!.id}`,
      `/api/admin/users/${w.people.manager.id}/memberships/${theirs!.id}`,
      `/api/admin/users/${s.id}/memberships/${managers}`,
      `/api/admin/users/${w.people.manager.id}/memberships/${godMans}`,
    ];
    for (const url of cases) expect((await admin.delete(url)).statusCode, url).toBe(404);
    const [still] = await t.database.db.select().from(memberships).where(eq(memberships.id, theirs!.id));
    expect(still?.endedAt).toBeNull();
  });

  it('ends the membership: kept with ended_at, the role is gone at once, audited; twice is 409', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin', 'manager']);
    const mid = await membershipOf(w.people.manager.id, w.clients.tenant_admin);
    const url = `/api/admin/users/${w.people.manager.id}/memberships/${mid}`;
    const res = await w.clients.tenant_admin.delete(url);
    expect(res.statusCode).toBe(200);
    expect(res.json().memberships[0]).toMatchObject({ id: mid });
    expect(res.json().memberships[0].endedAt).toEqual(expect.any(String));
    expect(await auditCount('tenancy.membership_ended', mid)).toBe(1);

    // The manager's session lives on, but the role no longer does.
    expect((await w.clients.manager.get('/api/audit/reviews')).statusCode).toBe(403);
    const again = await w.clients.tenant_admin.delete(url);
    expect(again.statusCode).toBe(409);
  });

  it('refuses to end the last tenant admin role of the tenant', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin']);
    const mid = await membershipOf(w.people.tenant_admin.id, w.clients.tenant_admin);
    const res = await w.clients.tenant_admin.delete(`/api/admin/users/${w.people.tenant_admin.id}/memberships/${mid}`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'last_admin' });
    expect((await w.clients.tenant_admin.get('/api/admin/tenant')).statusCode).toBe(200);
  });
});

describe('POST /api/admin/users/:id/disable', () => {
  it('401 without a session, 403 for a manager, 400 on a bad id', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin', 'manager', 'god_man']);
    const url = `/api/admin/users/${w.people.god_man.id}/disable`;
    expect((await anonymous(t.app).post(url)).statusCode).toBe(401);
    expect((await w.clients.manager.post(url)).statusCode).toBe(403);
    const bad = await w.clients.tenant_admin.post('/api/admin/users/123/disable');
    expect(paths(bad.json())).toEqual(['params.id']);
  });

  it('404 for a user of another tenant', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin']);
    const s = await stranger();
    expect((await w.clients.tenant_admin.post(`/api/admin/users/${s.id}/disable`)).statusCode).toBe(404);
    // ...and the stranger can still log in.
    await expect(login(t.app, s.email, TEST_PASSWORD)).resolves.toBeDefined();
  });

  it('disables the user, ends every session of theirs at once, blocks new logins; audited', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin', 'god_man']);
    const second = await login(t.app, w.people.god_man.email, TEST_PASSWORD);
    const res = await w.clients.tenant_admin.post(`/api/admin/users/${w.people.god_man.id}/disable`);
    expect(res.statusCode).toBe(200);
    expect(res.json().disabledAt).toEqual(expect.any(String));
    for (const client of [w.clients.god_man, second]) expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    const relogin = await anonymous(t.app).post('/api/auth/login', {
      email: w.people.god_man.email,
      password: TEST_PASSWORD,
    });
    expect(relogin.statusCode).toBe(401);
    expect(await auditCount('tenancy.user_disabled', w.people.god_man.id)).toBe(1);
  });

  it('an admin cannot disable themself', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin']);
    const res = await w.clients.tenant_admin.post(`/api/admin/users/${w.people.tenant_admin.id}/disable`);
    expect(res.statusCode).toBe(409);
    expect((await w.clients.tenant_admin.get('/api/auth/me')).statusCode).toBe(200);
  });
});
