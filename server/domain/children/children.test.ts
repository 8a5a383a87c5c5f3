import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, login, startTestApp, type TestApp } from '../../test/harness.ts';
import {
  TEST_PASSWORD,
  buildChild,
  buildOrganisation,
  buildTenant,
  buildUser,
  buildWorld,
} from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('GET /api/children', () => {
  it('401 without a session', async () => {
    const res = await anonymous(t.app).get('/api/children');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'unauthenticated' });
  });

  it('lists only the children whose hub I am in, flags missing core roles', async () => {
    const w = await buildWorld(t.app, t.database.db, ['social_worker', 'god_man']);
    const mine = await buildChild(t.database.db, {
      tenantId: w.tenant.id,
      name: 'Amir',
      hub: [{ user: w.people.social_worker, hubRole: 'social_worker' }],
    });
    await buildChild(t.database.db, {
      tenantId: w.tenant.id,
      name: 'Other',
      hub: [{ user: w.people.god_man, hubRole: 'god_man' }],
    });
    const res = await w.clients.social_worker.get('/api/children');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      id: mine.id,
      displayName: 'Amir',
      missingCoreRoles: ['god_man', 'contact_person'],
      myHubRoles: ['social_worker'],
    });
  });

  it('400 with field paths on a bad query', async () => {
    const w = await buildWorld(t.app, t.database.db, ['social_worker']);
    const res = await w.clients.social_worker.get('/api/children?pageSize=5000&asylumStatus=maybe');
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .issues.map((i: { path: string }) => i.path)
      .sort();
    expect(paths).toEqual(['query.asylumStatus', 'query.pageSize']);
  });

  it('paginates', async () => {
    const w = await buildWorld(t.app, t.database.db, ['social_worker']);
    for (const name of ['A', 'B', 'C']) {
      await buildChild(t.database.db, {
        tenantId: w.tenant.id,
        name,
        hub: [{ user: w.people.social_worker, hubRole: 'social_worker' }],
      });
    }
    const res = await w.clients.social_worker.get('/api/children?pageSize=2&page=2');
    expect(res.json()).toMatchObject({ total: 3, page: 2, items: [{ displayName: 'C' }] });
  });
});

describe('GET /api/children/:id', () => {
  it('404 for a child in another hub, another tenant, or after my membership ended', async () => {
    const w = await buildWorld(t.app, t.database.db, ['social_worker', 'god_man']);
    const other = await buildChild(t.database.db, {
      tenantId: w.tenant.id,
      hub: [{ user: w.people.god_man, hubRole: 'god_man' }],
    });
    expect((await w.clients.social_worker.get(`/api/children/${other.id}`)).statusCode).toBe(404);

    const tenant2 = await buildTenant(t.database.db);
    const org2 = await buildOrganisation(t.database.db, tenant2.id);
    const stranger = await buildUser(t.database.db, {
      tenantId: tenant2.id,
      organisationId: org2.id,
      role: 'social_worker',
    });
    const strangerClient = await login(t.app, stranger.email, TEST_PASSWORD);
    expect((await strangerClient.get(`/api/children/${other.id}`)).statusCode).toBe(404);

    const ended = await buildChild(t.database.db, {
      tenantId: w.tenant.id,
      hub: [{ user: w.people.social_worker, hubRole: 'social_worker', endedAt: new Date(Date.now() - 1000) }],
    });
    expect((await w.clients.social_worker.get(`/api/children/${ended.id}`)).statusCode).toBe(404);
  });

  it('a manager sees the children their organisation works with', async () => {
    const w = await buildWorld(t.app, t.database.db, ['social_worker', 'manager']);
    const child = await buildChild(t.database.db, {
      tenantId: w.tenant.id,
      hub: [{ user: w.people.social_worker, hubRole: 'social_worker' }],
    });
    const res = await w.clients.manager.get(`/api/children/${child.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().myHubRoles).toEqual([]);
  });

  it('400 on a malformed id', async () => {
    const w = await buildWorld(t.app, t.database.db, ['social_worker']);
    const res = await w.clients.social_worker.get('/api/children/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('params.id');
  });
});
