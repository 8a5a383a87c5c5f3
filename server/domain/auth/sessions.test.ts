import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, buildWorld } from '../../test/factories.ts';
import { anonymous, login, startTestApp, type TestApp } from '../../test/harness.ts';
import { memberships, users } from '../tenancy/tables.ts';
import { sessions } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ sessionIdleMinutes: 30 });
});
afterAll(async () => t.close());

describe('POST /api/auth/logout', () => {
  it('401 without a session', async () => {
    expect((await anonymous(t.app).post('/api/auth/logout')).statusCode).toBe(401);
  });

  it('ends this session only: the cookie then gets 401, other devices stay in', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const other = await login(t.app, w.people.god_man.email, TEST_PASSWORD);
    const res = await w.clients.god_man.post('/api/auth/logout');
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === 'navet_session');
    expect(cleared?.value).toBe('');
    expect((await w.clients.god_man.get('/api/auth/me')).statusCode).toBe(401);
    expect((await other.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('POST /api/auth/logout-all', () => {
  it('401 without a session', async () => {
    expect((await anonymous(t.app).post('/api/auth/logout-all')).statusCode).toBe(401);
  });

  it('ends every session of the user: a stolen cookie stops working; other users stay in', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man', 'social_worker']);
    const stolen = await login(t.app, w.people.god_man.email, TEST_PASSWORD);
    expect((await stolen.get('/api/auth/me')).statusCode).toBe(200);

    const res = await w.clients.god_man.post('/api/auth/logout-all');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sessions: 2 });
    expect((await stolen.get('/api/auth/me')).statusCode).toBe(401);
    expect((await w.clients.god_man.get('/api/auth/me')).statusCode).toBe(401);
    expect((await w.clients.social_worker.get('/api/auth/me')).statusCode).toBe(200);
  });
});

// The actor is read afresh, in one statement, on every request: no cache can keep an old right alive.
describe('the very next request sees who the user is now', () => {
  it('refuses a suspended user at once, on every session, and lets them back when the suspension ends', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const other = await login(t.app, w.people.god_man.email, TEST_PASSWORD);
    expect((await w.clients.god_man.get('/api/auth/me')).statusCode).toBe(200);
    await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, w.people.god_man.id));
    expect((await w.clients.god_man.get('/api/auth/me')).statusCode).toBe(401);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    await t.database.db.update(users).set({ disabledAt: null }).where(eq(users.id, w.people.god_man.id));
    expect((await other.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('takes away what an ended membership gave, on the next request', async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin']);
    const admin = w.clients.tenant_admin;
    expect((await admin.get('/api/admin/jobs')).statusCode).toBe(200);
    expect((await admin.get('/api/auth/me')).json()).toMatchObject({ abilities: { manageUsers: true } });
    await t.database.db
      .update(memberships)
      .set({ endedAt: new Date() })
      .where(eq(memberships.userId, w.people.tenant_admin.id));
    expect((await admin.get('/api/admin/jobs')).statusCode).toBe(403);
    expect((await admin.get('/api/auth/me')).json()).toMatchObject({
      memberships: [],
      abilities: { manageUsers: false },
    });
  });

  it('applies a changed role on the next request, both ways', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const client = w.clients.god_man;
    expect((await client.get('/api/admin/jobs')).statusCode).toBe(403);
    const setRole = (role: string) =>
      t.database.db.update(memberships).set({ role }).where(eq(memberships.userId, w.people.god_man.id));
    await setRole('tenant_admin');
    expect((await client.get('/api/admin/jobs')).statusCode).toBe(200);
    await setRole('god_man');
    expect((await client.get('/api/admin/jobs')).statusCode).toBe(403);
  });

  it('refuses a session whose user moved to another tenant', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const elsewhere = await buildWorld(t.app, t.database.db, []);
    await t.database.db
      .update(sessions)
      .set({ tenantId: elsewhere.tenant.id })
      .where(eq(sessions.userId, w.people.god_man.id));
    expect((await w.clients.god_man.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('session lifetime', () => {
  it('ends after the idle time without requests', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    expect((await w.clients.god_man.get('/api/auth/me')).statusCode).toBe(200);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '31 minutes'` })
      .where(eq(sessions.userId, w.people.god_man.id));
    const res = await w.clients.god_man.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'unauthenticated' });
  });

  it('stays alive while it is used within the idle time', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '20 minutes'` })
      .where(eq(sessions.userId, w.people.god_man.id));
    expect((await w.clients.god_man.get('/api/auth/me')).statusCode).toBe(200);
    // That request restarted the idle clock.
    const [row] = await t.database.db.select().from(sessions).where(eq(sessions.userId, w.people.god_man.id));
    expect(Date.now() - row!.lastSeenAt.getTime()).toBeLessThan(60_000);
  });

  it('ends at its absolute end even when in use', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.userId, w.people.god_man.id));
    expect((await w.clients.god_man.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('CSRF protection on writes', () => {
  it('403 csrf_failed for a write without the x-csrf-token header or with a wrong one', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const { cookie } = w.clients.god_man;
    for (const headers of [{ cookie }, { cookie, 'x-csrf-token': 'guess' }]) {
      const res = await t.app.inject({ method: 'PUT', url: '/api/auth/me/locale', headers, payload: { locale: 'en' } });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: 'csrf_failed' });
    }
    // The token of another session does not fit either.
    const other = await buildWorld(t.app, t.database.db, ['god_man']);
    const crossed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': other.clients.god_man.csrfToken },
    });
    expect(crossed.statusCode).toBe(403);
    expect((await w.clients.god_man.get('/api/auth/me')).json().user.locale).toBe('sv');
  });

  it('403 for a write with a foreign Origin, even with the right token', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const res = await w.clients.god_man.request({
      method: 'PUT',
      url: '/api/auth/me/locale',
      headers: { origin: 'https://evil.example' },
      payload: { locale: 'en' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'csrf_failed' });
    // A login form posted from another site is refused the same way.
    const loginRes = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: w.people.god_man.email, password: TEST_PASSWORD },
    });
    expect(loginRes.statusCode).toBe(403);
  });

  it('accepts the write from our own origin with the right token', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const res = await w.clients.god_man.request({
      method: 'PUT',
      url: '/api/auth/me/locale',
      headers: { origin: 'http://127.0.0.1:3000' },
      payload: { locale: 'en' },
    });
    expect(res.statusCode).toBe(204);
    expect((await w.clients.god_man.get('/api/auth/me')).json().user.locale).toBe('en');
  });
});
