import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../common/errors.ts';
import { buildWorld } from '../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ publicUrl: 'http://127.0.0.1:3000' });
});
afterAll(async () => t.close());

/** The directives of a Content-Security-Policy header, by name. */
function csp(header: unknown): Map<string, string[]> {
  expect(typeof header).toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('request bodies', () => {
  it('413 with the error shape for a body over 1 MB', async () => {
    const res = await anonymous(t.app).post('/api/auth/login', {
      email: 'a@test.navet.se',
      password: 'x'.repeat(1024 * 1024 + 10),
    });
    expect(res.statusCode).toBe(413);
    expect(ErrorBody.parse(res.json())).toMatchObject({ error: 'payload_too_large' });
  });

  it('400 invalid_json for a body that is not JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.se", ',
    });
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json())).toMatchObject({ error: 'invalid_json' });
  });

  it('415 with the error shape for a body that is not sent as JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login email="a@b.se"/>',
    });
    expect(res.statusCode).toBe(415);
    expect(ErrorBody.parse(res.json()).error).toBe('unsupported_media_type');
  });

  it('an unknown /api path is 404 with the error shape; anonymously 401, so routes cannot be probed', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const res = await w.clients.god_man.get('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(ErrorBody.parse(res.json()).error).toBe('not_found');
    const anon = await anonymous(t.app).get('/api/no-such-thing');
    expect(anon.statusCode).toBe(401);
    expect(ErrorBody.parse(anon.json()).error).toBe('unauthenticated');
  });
});

describe('security headers', () => {
  it('a strict CSP, nosniff and no framing on API answers, errors included', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const answers = [
      await anonymous(t.app).get('/api/health'),
      await anonymous(t.app).get('/api/auth/me'),
      await w.clients.god_man.get('/api/auth/me'),
      await anonymous(t.app).get('/api/no-such-thing'),
    ];
    for (const res of answers) {
      const policy = csp(res.headers['content-security-policy']);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const scripts = csp(answers[0]!.headers['content-security-policy']).get('script-src') ?? [];
    expect(scripts.some((v) => v.includes('unsafe'))).toBe(false);
  });

  it('no HSTS when the public URL is plain http', async () => {
    const res = await anonymous(t.app).get('/api/health');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  describe('behind https', () => {
    let secure: TestApp;
    beforeAll(async () => {
      secure = await startTestApp({ publicUrl: 'https://navet.example.se' });
    });
    afterAll(async () => secure.close());

    it('sends HSTS and marks the session cookie Secure', async () => {
      const res = await secure.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      const w = await buildWorld(secure.app, secure.database.db, ['god_man']);
      const login = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: w.people.god_man.email, password: 'correct horse battery staple' },
      });
      expect(login.cookies.find((c) => c.name === 'navet_session')?.secure).toBe(true);
    });
  });
});
