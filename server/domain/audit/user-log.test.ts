import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../common/schemas/audit.ts';
import { buildWorld } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('GET /api/audit/users/:id', () => {
  it('401 without a session', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    expect((await anonymous(t.app).get(`/api/audit/users/${w.people.god_man.id}`)).statusCode).toBe(401);
  });

  it('403 for anyone but managers and tenant admins, even about themselves', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man', 'coordinator']);
    for (const role of ['god_man', 'coordinator'] as const) {
      const res = await w.clients[role].get(`/api/audit/users/${w.people[role].id}`);
      expect(res.statusCode).toBe(403);
    }
  });

  it('404 for a user of another tenant', async () => {
    const w = await buildWorld(t.app, t.database.db, ['manager']);
    const other = await buildWorld(t.app, t.database.db, ['god_man']);
    const res = await w.clients.manager.get(`/api/audit/users/${other.people.god_man.id}`);
    expect(res.statusCode).toBe(404);
  });

  it('400 with field paths', async () => {
    const w = await buildWorld(t.app, t.database.db, ['manager']);
    const badId = await w.clients.manager.get(`/api/audit/users/${w.people.manager.id}x`);
    expect(badId.statusCode).toBe(400);
    expect(badId.json().issues.map((i: { path: string }) => i.path)).toEqual(['params.id']);
    const badQuery = await w.clients.manager.get(`/api/audit/users/${w.people.manager.id}?limit=500`);
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().issues.map((i: { path: string }) => i.path)).toEqual(['query.limit']);
  });

  it('shows what the user did, in this tenant only; the read is logged too', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man', 'manager', 'tenant_admin']);
    const res = await w.clients.manager.get(`/api/audit/users/${w.people.god_man.id}`);
    expect(res.statusCode).toBe(200);
    const entries: AuditEntry[] = res.json().items;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.actorUserId === w.people.god_man.id)).toBe(true);
    expect(entries.map((e) => e.action)).toContain('auth.login');

    const managerLog = await w.clients.tenant_admin.get(`/api/audit/users/${w.people.manager.id}`);
    const read = (managerLog.json().items as AuditEntry[]).find((e) => e.action === 'audit.read_user_log');
    expect(read).toMatchObject({ entityId: w.people.god_man.id, actorName: 'Test manager' });
  });
});
