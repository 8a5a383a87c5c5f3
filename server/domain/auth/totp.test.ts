import type { LightMyRequestResponse } from 'fastify';
import { generate, generateSecret } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, buildOrganisation, buildTenant, buildUser } from '../../test/factories.ts';
import { anonymous, clientFor, sessionCookie, startTestApp, type Client, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

async function totpTenantUser(totpSecret?: string) {
  const tenant = await buildTenant(t.database.db, { requireTotp: true });
  const org = await buildOrganisation(t.database.db, tenant.id);
  return buildUser(t.database.db, {
    tenantId: tenant.id,
    organisationId: org.id,
    role: 'social_worker',
    ...(totpSecret ? { totpSecret } : {}),
  });
}

/** Password step only: the client of a session that still waits for its second factor. */
async function passwordStep(email: string): Promise<{ stage: string; client: Client }> {
  const res = await anonymous(t.app).post('/api/auth/login', { email, password: TEST_PASSWORD });
  expect(res.statusCode).toBe(200);
  const body = res.json<{ stage: string; csrfToken: string }>();
  return { stage: body.stage, client: clientFor(t.app, sessionCookie(res), body.csrfToken) };
}

/** A six-digit code that is surely not the given one. */
const otherThan = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');

function expectCodeRejected(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(400);
  expect(res.json().issues.map((i: { path: string }) => i.path)).toEqual(['body.code']);
}

describe('TOTP enrolment when the tenant requires it', () => {
  it('enrol → confirm → active; the next login asks for a code; the code is never accepted twice', async () => {
    const user = await totpTenantUser();
    const first = await passwordStep(user.email);
    expect(first.stage).toBe('totp_enroll');

    // Waiting for the second factor: no data, not even the user's own profile.
    expect((await first.client.get('/api/children')).statusCode).toBe(401);
    expect((await first.client.get('/api/auth/me')).statusCode).toBe(401);

    const enrol = await first.client.post('/api/auth/totp/enroll');
    expect(enrol.statusCode).toBe(200);
    const { secret, uri } = enrol.json<{ secret: string; uri: string }>();
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\//);

    const code = await generate({ secret });
    expectCodeRejected(await first.client.post('/api/auth/totp/confirm', { code: otherThan(code) }));
    expect((await first.client.get('/api/children')).statusCode).toBe(401);

    expect((await first.client.post('/api/auth/totp/confirm', { code })).statusCode).toBe(204);
    const me = await first.client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.totpEnabled).toBe(true);
    expect(me.body).not.toContain(secret);
    expect((await first.client.get('/api/children')).statusCode).toBe(200);

    // A new login: stage 'totp', and the code used at enrolment is spent.
    const second = await passwordStep(user.email);
    expect(second.stage).toBe('totp');
    expectCodeRejected(await second.client.post('/api/auth/totp', { code }));
    expect((await second.client.get('/api/children')).statusCode).toBe(401);
    // Enrolling again is refused once an authenticator is set up.
    expect((await second.client.post('/api/auth/totp/enroll')).statusCode).toBe(409);
  });

  it('400 at body.code for a malformed code', async () => {
    const user = await totpTenantUser();
    const { client } = await passwordStep(user.email);
    await client.post('/api/auth/totp/enroll');
    expectCodeRejected(await client.post('/api/auth/totp/confirm', { code: '12ab56' }));
  });
});

describe('POST /api/auth/totp', () => {
  it('401 without a session', async () => {
    const res = await anonymous(t.app).post('/api/auth/totp', { code: '123456' });
    expect(res.statusCode).toBe(401);
  });

  it('a wrong code is 400 at body.code; the right one activates the session; replay fails even in a new login', async () => {
    const secret = generateSecret();
    const user = await totpTenantUser(secret);
    const first = await passwordStep(user.email);
    expect(first.stage).toBe('totp');

    const code = await generate({ secret });
    expectCodeRejected(await first.client.post('/api/auth/totp', { code: otherThan(code) }));
    expect((await first.client.post('/api/auth/totp', { code })).statusCode).toBe(204);
    expect((await first.client.get('/api/children')).statusCode).toBe(200);

    const second = await passwordStep(user.email);
    expectCodeRejected(await second.client.post('/api/auth/totp', { code }));
    expect((await second.client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('a pending session ends after logout like any other', async () => {
    const user = await totpTenantUser(generateSecret());
    const { client } = await passwordStep(user.email);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await client.post('/api/auth/totp', { code: '123456' })).statusCode).toBe(401);
  });
});
