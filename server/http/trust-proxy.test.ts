import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/tables.ts';
import { parseTrustProxy } from '../config.ts';
import { TEST_PASSWORD, buildWorld } from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';

/** A client behind one proxy that appends the address it sees: the client writes the left part itself. */
const viaProxy = (t: TestApp, forged: string, real: string, payload: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-forwarded-for': `${forged}, ${real}` },
    payload,
  });

async function loginIps(t: TestApp, userId: string): Promise<(string | null)[]> {
  const rows = await t.database.db
    .select({ ip: auditLog.ip })
    .from(auditLog)
    .where(and(eq(auditLog.actorUserId, userId), eq(auditLog.action, 'auth.login')));
  return rows.map((r) => r.ip);
}

describe('NAVET_TRUST_PROXY=1: one proxy in front', () => {
  let t: TestApp;
  beforeAll(async () => {
    process.env.NAVET_TRUST_PROXY = '1';
    try {
      t = await startTestApp({ loginMaxPerMinute: 3 });
    } finally {
      delete process.env.NAVET_TRUST_PROXY;
    }
  });
  afterAll(async () => t.close());

  it('a forged leftmost X-Forwarded-For does not escape the login limit', async () => {
    const payload = { email: `nobody.${crypto.randomUUID()}@test.navet.se`, password: 'whatever it is' };
    for (let i = 0; i < 3; i++)
      expect((await viaProxy(t, `198.51.100.${i + 1}`, '203.0.113.7', payload)).statusCode).toBe(401);
    const res = await viaProxy(t, '198.51.100.99', '203.0.113.7', payload);
    expect(res.statusCode).toBe(429);
  });

  it('the audit row carries the address the proxy saw, not the forged one', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const res = await viaProxy(t, '198.51.100.66', '203.0.113.8', {
      email: w.people.god_man.email,
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    // (The world's own login came straight from the test, as 127.0.0.1.)
    const ips = await loginIps(t, w.people.god_man.id);
    expect(ips).toContain('203.0.113.8');
    expect(ips).not.toContain('198.51.100.66');
  });
});

describe('NAVET_TRUST_PROXY as a list of proxy addresses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ trustProxy: ['127.0.0.1', '10.0.0.0/8'] });
  });
  afterAll(async () => t.close());

  it('the client is the nearest address that is not a trusted proxy', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const res = await viaProxy(t, '198.51.100.66, 203.0.113.9', '10.1.2.3', {
      email: w.people.god_man.email,
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    const ips = await loginIps(t, w.people.god_man.id);
    expect(ips).toContain('203.0.113.9');
    expect(ips.filter((ip) => ip !== '127.0.0.1')).toEqual(['203.0.113.9']);
  });
});

describe('parseTrustProxy', () => {
  it('reads none, a hop count or a list, and refuses anything that would trust every hop', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.5, 10.0.1.0/24,loopback,::1')).toEqual([
      '10.0.0.5',
      '10.0.1.0/24',
      'loopback',
      '::1',
    ]);
    for (const bad of ['true', 'yes', '10.0.0.300', '10.0.0.0/33', '*', '0.0.0.0/0/1'])
      expect(() => parseTrustProxy(bad), bad).toThrow(/NAVET_TRUST_PROXY/);
  });
});
