import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, buildWorld } from '../../test/factories.ts';
import { anonymous, login, startTestApp, type TestApp } from '../../test/harness.ts';
import { users } from '../tenancy/tables.ts';
import { LOCK_MINUTES, MAX_FAILURES } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const attempt = (email: string, password: string) => anonymous(t.app).post('/api/auth/login', { email, password });

describe('POST /api/auth/login', () => {
  it('logs in with the right password: a session cookie, a CSRF token, no hash anywhere', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const res = await attempt(w.people.god_man.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ stage: 'done', csrfToken: expect.any(String) });
    const cookie = res.cookies.find((c) => c.name === 'navet_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.body).not.toMatch(/argon2/);

    const me = await w.clients.god_man.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(w.people.god_man.id);
    expect(me.body).not.toMatch(/argon2|passwordHash|totpSecret/i);
  });

  it('finds the account whatever the case of the e-mail address', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    expect((await attempt(w.people.god_man.email.toUpperCase(), TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('401 invalid_credentials for a wrong password, and the same answer for an unknown e-mail', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const wrong = await attempt(w.people.god_man.email, 'not the password at all');
    const unknown = await attempt(`nobody.${crypto.randomUUID()}@test.navet.se`, 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: 'invalid_credentials' });
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.cookies).toHaveLength(0);
    expect(wrong.cookies).toHaveLength(0);
  });

  it('400 with field paths on a malformed body', async () => {
    const res = await anonymous(t.app).post('/api/auth/login', { email: 'x', password: '' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['body.email', 'body.password']);
  });

  it(`locks the account after ${MAX_FAILURES} failures; the right password is refused while locked`, async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const email = w.people.god_man.email;
    for (let i = 1; i < MAX_FAILURES; i++) expect((await attempt(email, `wrong password ${i}`)).statusCode).toBe(401);
    const last = await attempt(email, 'wrong password again');
    expect(last.statusCode).toBe(429);
    expect(last.json()).toMatchObject({ error: 'account_locked', message: expect.any(String) });
    const retryAfter = Number(last.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOCK_MINUTES * 60);

    const right = await attempt(email, TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ error: 'account_locked' });
    expect(right.cookies).toHaveLength(0);

    // Once the lock has run out, the right password works again.
    await t.database.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, w.people.god_man.id));
    await expect(login(t.app, email, TEST_PASSWORD)).resolves.toBeDefined();
  });

  it('a successful login resets the failure count', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const email = w.people.god_man.email;
    for (let i = 1; i < MAX_FAILURES; i++) await attempt(email, `wrong password ${i}`);
    await login(t.app, email, TEST_PASSWORD);
    expect((await attempt(email, 'wrong once more')).statusCode).toBe(401);
  });
});

describe('login rate limit per IP', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ loginMaxPerMinute: 3 });
  });
  afterAll(async () => limited.close());

  it('429 with the error shape and retry-after once an address tries too often', async () => {
    const send = () =>
      limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'nobody@test.navet.se', password: 'whatever it is' },
      });
    for (let i = 0; i < 3; i++) expect((await send()).statusCode).toBe(401);
    const res = await send();
    expect(res.statusCode).toBe(429);
    expect(res.json()).toEqual({ error: 'too_many_requests', message: expect.any(String) });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
