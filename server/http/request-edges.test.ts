import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../common/errors.ts';
import { buildWorld } from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('an encoded /api path is the API', () => {
  it('/%61pi/… reaches the API route only through the authentication hook: 401 anonymously, no-store', async () => {
    for (const url of ['/%61pi/auth/me', '/%61%70%69/children', '/api/%61uth/me']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(ErrorBody.parse(res.json()).error).toBe('unauthenticated');
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('with a session, the encoded path answers like the plain one, no-store included', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const res = await w.clients.god_man.get('/%61pi/auth/me');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { id: w.people.god_man.id } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('an unknown encoded /api path is 401 anonymously and no-store', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/%61pi/no-such-thing' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a write through the encoded path still needs the CSRF token', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/%61pi/auth/logout-all',
      headers: { cookie: w.clients.god_man.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(ErrorBody.parse(res.json()).error).toBe('csrf_failed');
  });
});

describe('bodies of the wrong kind', () => {
  it('415 for text/plain, like any type but JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: '{"email":"a@test.navet.se","password":"whatever it is"}',
    });
    expect(res.statusCode).toBe(415);
    expect(ErrorBody.parse(res.json()).error).toBe('unsupported_media_type');
  });

  it('415 for text/plain from a logged-in user on a write', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const res = await w.clients.god_man.request({
      method: 'PUT',
      url: '/api/auth/me/locale',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      payload: '{"locale":"en"}',
    });
    expect(res.statusCode).toBe(415);
  });

  it('401 before the body is looked at: an empty JSON body on DELETE, broken JSON, text/plain, too large', async () => {
    const url =
      '/api/admin/users/00000000-0000-4000-8000-000000000000/memberships/00000000-0000-4000-8000-000000000001';
    const cases = [
      { method: 'DELETE' as const, url, headers: { 'content-type': 'application/json' }, payload: '' },
      {
        method: 'POST' as const,
        url: '/api/auth/logout-all',
        headers: { 'content-type': 'application/json' },
        payload: '{',
      },
      { method: 'POST' as const, url: '/api/auth/logout-all', headers: { 'content-type': 'text/plain' }, payload: 'x' },
      {
        method: 'PUT' as const,
        url: '/api/auth/me/locale',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ locale: 'x'.repeat(1024 * 1024 + 10) }),
      },
    ];
    for (const c of cases) {
      const res = await t.app.inject(c);
      expect(res.statusCode, `${c.method} ${c.url} ${c.headers['content-type']}`).toBe(401);
      expect(ErrorBody.parse(res.json()).error).toBe('unauthenticated');
    }
  });
});
