import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, buildWorld } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { loginFailures } from './tables.ts';
import { THROTTLE } from './throttle.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const attempt = (email: string, password: string) => anonymous(t.app).post('/api/auth/login', { email, password });
const attemptFrom = (email: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

/** Moves an account's failures `seconds` into the past, as if that time had gone by. */
async function age(userId: string, seconds: number) {
  await t.database.db
    .update(loginFailures)
    .set({ at: sql`${loginFailures.at} - make_interval(secs => ${seconds})` })
    .where(eq(loginFailures.userId, userId));
}

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

  it('an unknown address takes about as long as a wrong password for a real account (a dummy hash is verified)', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const time = async (email: string, ip: string) => {
      const started = performance.now();
      await attemptFrom(email, 'not the password at all', ip);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(w.people.god_man.email, `192.0.2.${i + 1}`));
      unknown.push(await time(`nobody.${crypto.randomUUID()}@test.navet.se`, `192.0.2.${i + 1}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Generous bounds on a shared machine; without the dummy hash, unknown takes a small fraction.
    expect(median(unknown) / median(known)).toBeGreaterThan(0.4);
    expect(median(unknown) / median(known)).toBeLessThan(2.5);
  });
});

describe('failed sign-ins slow down the failing address, never the owner', () => {
  const { pairFree, accountCeiling, firstWaitSeconds } = THROTTLE;

  it(`after ${pairFree} failures from one address it waits, right password or not; an unknown address the same`, async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const unknownEmail = `nobody.${crypto.randomUUID()}@test.navet.se`;
    const answers = async (email: string) => {
      const out = [];
      for (let i = 1; i <= pairFree; i++) out.push(await attemptFrom(email, `wrong password ${i}`, '198.51.100.20'));
      return out;
    };
    const known = await answers(w.people.god_man.email);
    const unknown = await answers(unknownEmail);
    for (const list of [known, unknown]) {
      expect(list.slice(0, -1).map((r) => r.statusCode)).toEqual(Array(pairFree - 1).fill(401));
      const last = list.at(-1)!;
      expect(last.statusCode).toBe(429);
      expect(last.json()).toMatchObject({ error: 'login_throttled', message: expect.any(String) });
      const retryAfter = Number(last.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(firstWaitSeconds);
    }
    expect(unknown.map((r) => [r.statusCode, r.json()])).toEqual(known.map((r) => [r.statusCode, r.json()]));

    // The right password from the waiting address waits too: otherwise the wait would tell a guess is right.
    const right = await attemptFrom(w.people.god_man.email, TEST_PASSWORD, '198.51.100.20');
    expect(right.statusCode).toBe(429);
    expect(right.cookies).toHaveLength(0);
    const again = await attemptFrom(unknownEmail, 'yet another guess', '198.51.100.20');
    expect([again.statusCode, again.json()]).toEqual([right.statusCode, right.json()]);

    // The owner, from anywhere else, signs in as usual.
    expect((await attemptFrom(w.people.god_man.email, TEST_PASSWORD, '203.0.113.50')).statusCode).toBe(200);
  });

  it('each further failure doubles the wait', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const email = w.people.god_man.email;
    for (let i = 1; i < pairFree; i++) await attemptFrom(email, `wrong password ${i}`, '198.51.100.21');
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await attemptFrom(email, `wrong again ${i}`, '198.51.100.21');
      expect(res.statusCode).toBe(429);
      waits.push(Number(res.headers['retry-after']));
      await age(w.people.god_man.id, waits.at(-1)! + 1);
    }
    expect(waits).toEqual([firstWaitSeconds, firstWaitSeconds * 2, firstWaitSeconds * 4]);
  });

  it('guesses from many addresses never lock the owner out; each failing address then waits after one failure', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const email = w.people.god_man.email;
    const statuses: number[] = [];
    for (let i = 1; i <= accountCeiling; i++)
      statuses.push((await attemptFrom(email, `guess ${i}`, `10.9.${Math.floor(i / 200)}.${i % 200}`)).statusCode);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // A new guessing address waits after its first failure.
    expect((await attemptFrom(email, 'one more guess', '10.9.9.9')).statusCode).toBe(429);
    expect((await attemptFrom(email, TEST_PASSWORD, '10.9.9.9')).statusCode).toBe(429);
    // The owner's own, fresh address still signs in.
    expect((await attemptFrom(email, TEST_PASSWORD, '203.0.113.51')).statusCode).toBe(200);
  });

  it('a sign-in forgives the failures of that address', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const email = w.people.god_man.email;
    for (let i = 1; i < pairFree; i++) await attemptFrom(email, `wrong password ${i}`, '198.51.100.22');
    expect((await attemptFrom(email, TEST_PASSWORD, '198.51.100.22')).statusCode).toBe(200);
    for (let i = 1; i < pairFree; i++)
      expect((await attemptFrom(email, `wrong once more ${i}`, '198.51.100.22')).statusCode).toBe(401);
  });
});

describe('login rate limit per IP', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ loginMaxPerMinute: 3 });
  });
  afterAll(async () => limited.close());

  it('429 with the error shape and retry-after once an address tries too often', async () => {
    // An address of its own: failures of a shared one (other files, one PostgreSQL database) would be throttled first.
    const email = `nobody.${crypto.randomUUID()}@test.navet.se`;
    const send = () =>
      limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'whatever it is' },
      });
    for (let i = 0; i < 3; i++) expect((await send()).statusCode).toBe(401);
    const res = await send();
    expect(res.statusCode).toBe(429);
    expect(res.json()).toEqual({ error: 'too_many_requests', message: expect.any(String) });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
