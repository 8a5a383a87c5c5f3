import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubRoleHolders } from '../../../common/hub-roles.ts';
import { approvalRoles, needsApproval } from '../../../common/roles.ts';
import type { AdminUser, RoleGrant } from '../../../common/schemas/tenancy.ts';
import { auditLog } from '../../audit/tables.ts';
import { TEST_PASSWORD, buildUser, buildWorld } from '../../test/factories.ts';
import { anonymous, login, startTestApp, type TestApp } from '../../test/harness.ts';
import { memberships } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** A municipality with two tenant admins (A and B) and a coordinator who is to become a social worker. */
async function world() {
  const w = await buildWorld(t.app, t.database.db, ['tenant_admin', 'coordinator']);
  const adminB = await buildUser(t.database.db, {
    tenantId: w.tenant.id,
    organisationId: w.org.id,
    role: 'tenant_admin',
    displayName: 'Admin B',
  });
  const b = await login(t.app, adminB.email, TEST_PASSWORD);
  return { ...w, a: w.clients.tenant_admin, adminA: w.people.tenant_admin, b, adminB, target: w.people.coordinator };
}

async function activeRoles(userId: string): Promise<string[]> {
  const rows = await t.database.db.select().from(memberships).where(eq(memberships.userId, userId));
  return rows.filter((r) => r.endedAt === null).map((r) => r.role);
}

async function audited(action: string, entityId: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
}

async function noticeKinds(client: Awaited<ReturnType<typeof login>>): Promise<string[]> {
  const res = await client.get('/api/notifications');
  return (res.json().items as { kind: string }[]).map((n) => n.kind);
}

describe('roles that open children’s data wait for a second admin', () => {
  it('every role that can sit in a hub, the manager and the admin role need approval; a coordinator does not', () => {
    for (const role of [...hubRoleHolders, 'manager', 'tenant_admin'] as const) expect(needsApproval(role)).toBe(true);
    expect(approvalRoles).not.toContain('coordinator');
  });

  it('a tenant admin cannot give themselves such a role, nor request it: 403, nothing added', async () => {
    const w = await world();
    for (const role of ['social_worker', 'god_man', 'manager'] as const) {
      const res = await w.a.post(`/api/admin/users/${w.adminA.id}/memberships`, { organisationId: w.org.id, role });
      expect(res.statusCode, role).toBe(403);
      expect(res.json()).toMatchObject({ error: 'grant_to_self' });
    }
    expect(await activeRoles(w.adminA.id)).toEqual(['tenant_admin']);
    expect((await w.b.get('/api/admin/grants')).json().items).toEqual([]);
  });

  it('A requests, B approves: the role is given only then; audited; the other admins are told', async () => {
    const w = await world();
    const requested = await w.a.post(`/api/admin/users/${w.target.id}/memberships`, {
      organisationId: w.org.id,
      role: 'social_worker',
    });
    expect(requested.statusCode).toBe(201);
    const user: AdminUser = requested.json();
    expect(user.memberships.map((m) => m.role)).toEqual(['coordinator']);
    expect(user.pendingGrants).toHaveLength(1);
    const grant = user.pendingGrants[0]!;
    expect(grant).toMatchObject({ role: 'social_worker', status: 'pending', requestedBy: { id: w.adminA.id } });
    expect(await activeRoles(w.target.id)).toEqual(['coordinator']);
    expect(await audited('tenancy.grant_requested', grant.id)).toHaveLength(1);
    expect(await noticeKinds(w.b)).toContain('grants.requested');
    expect(await noticeKinds(w.a)).not.toContain('grants.requested');

    // Asking twice is one request.
    const again = await w.b.post(`/api/admin/users/${w.target.id}/memberships`, {
      organisationId: w.org.id,
      role: 'social_worker',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'grant_pending' });

    // The requester sees it but may not approve it.
    const mine: RoleGrant[] = (await w.a.get('/api/admin/grants')).json().items;
    expect(mine.map((g) => [g.id, g.abilities])).toEqual([[grant.id, { approve: false, reject: true }]]);
    const own = await w.a.post(`/api/admin/grants/${grant.id}/approve`);
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ error: 'grant_own_request' });
    expect(await activeRoles(w.target.id)).toEqual(['coordinator']);

    const theirs: RoleGrant[] = (await w.b.get('/api/admin/grants')).json().items;
    expect(theirs[0]!.abilities).toEqual({ approve: true, reject: true });
    const approved = await w.b.post(`/api/admin/grants/${grant.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: { id: w.adminB.id } });
    expect((await activeRoles(w.target.id)).sort()).toEqual(['coordinator', 'social_worker']);
    expect(await audited('tenancy.grant_approved', grant.id)).toHaveLength(1);
    expect(await noticeKinds(w.a)).toContain('grants.approved');
    expect((await w.b.get('/api/admin/grants')).json().items).toEqual([]);

    const twice = await w.b.post(`/api/admin/grants/${grant.id}/approve`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: 'grant_decided' });
  });

  it('nobody approves a role for themselves, even when another admin asked for it', async () => {
    const w = await world();
    const requested = await w.a.post(`/api/admin/users/${w.adminB.id}/memberships`, {
      organisationId: w.org.id,
      role: 'god_man',
    });
    expect(requested.statusCode).toBe(201);
    const grant = requested.json<AdminUser>().pendingGrants[0]!;
    const self = await w.b.post(`/api/admin/grants/${grant.id}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ error: 'grant_to_self' });
    expect(await activeRoles(w.adminB.id)).toEqual(['tenant_admin']);
    // The requester withdraws it: rejected, audited, told.
    const rejected = await w.a.post(`/api/admin/grants/${grant.id}/reject`);
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', decidedBy: { id: w.adminA.id } });
    const rows = await audited('tenancy.grant_rejected', grant.id);
    expect(rows.map((r) => r.detail)).toEqual([expect.objectContaining({ withdrawn: true, role: 'god_man' })]);
    expect(await noticeKinds(w.b)).toContain('grants.rejected');
    expect(await activeRoles(w.adminB.id)).toEqual(['tenant_admin']);
  });

  it('creating a user: a coordinator role is given at once, a child-data role is requested', async () => {
    const w = await world();
    const res = await w.a.post('/api/admin/users', {
      email: `ny.${Date.now()}@test.navet.se`,
      displayName: 'Nora Ny',
      password: 'a long and unusual passphrase 42',
      memberships: [
        { organisationId: w.org.id, role: 'coordinator' },
        { organisationId: w.org.id, role: 'school_mentor' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const user: AdminUser = res.json();
    expect(user.memberships.map((m) => m.role)).toEqual(['coordinator']);
    expect(user.pendingGrants.map((g) => g.role)).toEqual(['school_mentor']);
    expect(await activeRoles(user.id)).toEqual(['coordinator']);
    const approved = await w.b.post(`/api/admin/grants/${user.pendingGrants[0]!.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect((await activeRoles(user.id)).sort()).toEqual(['coordinator', 'school_mentor']);
  });

  it('a municipality’s only admin names a second admin directly, once; then two admins decide', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin', 'coordinator', 'manager']);
    const admin = w.clients.tenant_admin;
    const second = await admin.post(`/api/admin/users/${w.people.coordinator.id}/memberships`, {
      organisationId: w.org.id,
      role: 'tenant_admin',
    });
    expect(second.statusCode).toBe(201);
    expect(second.json<AdminUser>().pendingGrants).toEqual([]);
    expect((await activeRoles(w.people.coordinator.id)).sort()).toEqual(['coordinator', 'tenant_admin']);
    // Two admins now: the next admin role is a request.
    const third = await admin.post(`/api/admin/users/${w.people.manager.id}/memberships`, {
      organisationId: w.org.id,
      role: 'tenant_admin',
    });
    expect(third.statusCode).toBe(201);
    expect(third.json<AdminUser>().pendingGrants.map((g) => g.role)).toEqual(['tenant_admin']);
    expect(await activeRoles(w.people.manager.id)).toEqual(['manager']);
  });

  it('401 anonymously, 403 for anyone but tenant admins, 404 for another tenant’s request, 400 for a bad id', async () => {
    const w = await world();
    const other = await world();
    const requested = await other.a.post(`/api/admin/users/${other.target.id}/memberships`, {
      organisationId: other.org.id,
      role: 'manager',
    });
    const foreign = requested.json<AdminUser>().pendingGrants[0]!.id;
    expect((await anonymous(t.app).get('/api/admin/grants')).statusCode).toBe(401);
    expect((await anonymous(t.app).post(`/api/admin/grants/${foreign}/approve`)).statusCode).toBe(401);
    const coordinator = w.clients.coordinator;
    expect((await coordinator.get('/api/admin/grants')).statusCode).toBe(403);
    expect((await coordinator.post(`/api/admin/grants/${foreign}/approve`)).statusCode).toBe(403);
    expect((await coordinator.post(`/api/admin/grants/${foreign}/reject`)).statusCode).toBe(403);
    expect((await w.b.post(`/api/admin/grants/${foreign}/approve`)).statusCode).toBe(404);
    expect((await w.b.post(`/api/admin/grants/${foreign}/reject`)).statusCode).toBe(404);
    const bad = await w.b.post('/api/admin/grants/nope/approve');
    expect(bad.statusCode).toBe(400);
    expect(await activeRoles(other.target.id)).toEqual(['coordinator']);
  });
});
