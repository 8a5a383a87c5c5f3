import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog } from '../../audit/tables.ts';
import { TEST_PASSWORD, buildOrganisation, buildTenant, buildUser } from '../../test/factories.ts';
import { anonymous, clientFor, login, startTestApp, type TestApp } from '../../test/harness.ts';
import { oidcIdentities } from './oidc-tables.ts';
import { startTestProvider, type TestProvider } from './oidc-test-provider.ts';

const PUBLIC_URL = 'http://127.0.0.1:3000';
const SECRET_KEY = Buffer.alloc(32, 7).toString('base64');
let t: TestApp;
let op: TestProvider;
beforeAll(async () => {
  op = await startTestProvider([`${PUBLIC_URL}/api/auth/oidc/callback`]);
  t = await startTestApp({ publicUrl: PUBLIC_URL, secretKey: SECRET_KEY });
});
afterAll(async () => {
  await t?.close();
  await op?.close();
});

/** A municipality with its provider configured by its admin, and one colleague linked to `subject`. */
async function municipality(opts: { requiredAcr?: string; passwordLogin?: boolean } = {}) {
  const tenant = await buildTenant(t.database.db, { requireTotp: false });
  const org = await buildOrganisation(t.database.db, tenant.id);
  const admin = await buildUser(t.database.db, { tenantId: tenant.id, organisationId: org.id, role: 'tenant_admin' });
  const worker = await buildUser(t.database.db, { tenantId: tenant.id, organisationId: org.id, role: 'social_worker' });
  const adminClient = await login(t.app, admin.email, TEST_PASSWORD);
  const saved = await adminClient.put('/api/admin/identity', {
    enabled: true,
    issuer: op.issuer,
    clientId: op.clientId,
    clientSecret: op.clientSecret,
    scopes: 'openid email',
    requiredAcr: opts.requiredAcr ?? null,
    label: 'Regionens inloggning',
    passwordLogin: opts.passwordLogin ?? true,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const subject = `sub-${crypto.randomUUID()}`;
  await t.database.db
    .insert(oidcIdentities)
    .values({ tenantId: tenant.id, userId: worker.id, issuer: op.issuer, subject });
  return { tenant, org, admin, adminClient, worker, subject };
}

/** Navet's start, the provider's pages, and the callback URL the provider sends the browser to. */
async function toProvider(tenantId: string) {
  const start = await anonymous(t.app).get(`/api/auth/oidc/start?tenant=${tenantId}`);
  expect(start.statusCode, start.body).toBe(302);
  const pre = start.cookies.find((c) => c.name === 'navet_oidc');
  expect(pre).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc' });
  const back = await op.authorize(String(start.headers.location));
  expect(back.pathname).toBe('/api/auth/oidc/callback');
  return { cookie: `navet_oidc=${pre!.value}`, back };
}

const callback = (cookie: string, search: string) =>
  t.app.inject({ method: 'GET', url: `/api/auth/oidc/callback${search}`, headers: { cookie } });

async function lastAudit(tenantId: string) {
  const [row] = await t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe('OIDC login', () => {
  it('logs a linked user in: the normal session cookie, CSRF token and audit row', async () => {
    const m = await municipality();
    op.next.subject = m.subject;
    const { cookie, back } = await toProvider(m.tenant.id);
    const res = await callback(cookie, back.search);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    const session = res.cookies.find((c) => c.name === 'navet_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await clientFor(t.app, `navet_session=${session!.value}`, '').get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(m.worker.id);
    expect(await lastAudit(m.tenant.id)).toMatchObject({ action: 'auth.login', actorUserId: m.worker.id });
    // The secret never comes back to the admin.
    const settings = await m.adminClient.get('/api/admin/identity');
    expect(settings.json()).toMatchObject({ hasClientSecret: true, issuer: op.issuer });
    expect(settings.body).not.toContain(op.clientSecret);
  });

  it('refuses a forged state', async () => {
    const m = await municipality();
    op.next.subject = m.subject;
    const { cookie, back } = await toProvider(m.tenant.id);
    back.searchParams.set('state', 'forged-state-value');
    const res = await callback(cookie, back.search);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/login?oidc_error=oidc_failed');
    expect(res.cookies.find((c) => c.name === 'navet_session')).toBeUndefined();
    expect(await lastAudit(m.tenant.id)).toMatchObject({ action: 'auth.oidc_refused' });
  });

  it('refuses a callback without the browser that started it (no pre-login cookie)', async () => {
    const m = await municipality();
    op.next.subject = m.subject;
    const { back } = await toProvider(m.tenant.id);
    const res = await callback('navet_oidc=someone-elses', back.search);
    expect(res.headers.location).toBe('/login?oidc_error=oidc_expired');
    expect(res.cookies.find((c) => c.name === 'navet_session')).toBeUndefined();
  });

  it('refuses a replayed code, with the same browser or a new login', async () => {
    const m = await municipality();
    op.next.subject = m.subject;
    const first = await toProvider(m.tenant.id);
    expect((await callback(first.cookie, first.back.search)).headers.location).toBe('/');
    const again = await callback(first.cookie, first.back.search);
    expect(again.headers.location).toBe('/login?oidc_error=oidc_expired');
    // A new login in flight, fed the old code under its own state: the provider refuses the code.
    const second = await toProvider(m.tenant.id);
    const replay = new URL(first.back.href);
    replay.searchParams.set('state', String(second.back.searchParams.get('state')));
    const res = await callback(second.cookie, replay.search);
    expect(res.headers.location).toBe('/login?oidc_error=oidc_failed');
    expect(res.cookies.find((c) => c.name === 'navet_session')).toBeUndefined();
  });

  it('refuses an ID token for another audience', async () => {
    const m = await municipality();
    op.next.subject = m.subject;
    const { cookie, back } = await toProvider(m.tenant.id);
    op.next.tamper = (c) => ({ ...c, aud: 'another-client' });
    const res = await callback(cookie, back.search);
    expect(res.headers.location).toBe('/login?oidc_error=oidc_failed');
    const row = await lastAudit(m.tenant.id);
    expect(JSON.stringify(row?.detail)).toMatch(/aud/);
  });

  it('refuses an expired ID token', async () => {
    const m = await municipality();
    op.next.subject = m.subject;
    const { cookie, back } = await toProvider(m.tenant.id);
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    op.next.tamper = (c) => ({ ...c, iat: hourAgo - 60, exp: hourAgo });
    const res = await callback(cookie, back.search);
    expect(res.headers.location).toBe('/login?oidc_error=oidc_failed');
    expect(JSON.stringify((await lastAudit(m.tenant.id))?.detail)).toMatch(/exp/);
  });

  it('refuses a missing or lower assurance level when the municipality requires one, accepts the required', async () => {
    const m = await municipality({ requiredAcr: 'urn:test:loa:3' });
    op.next.subject = m.subject;
    for (const acr of [undefined, 'urn:test:loa:2']) {
      op.next.acr = acr;
      const { cookie, back } = await toProvider(m.tenant.id);
      const res = await callback(cookie, back.search);
      expect(res.headers.location, String(acr)).toBe('/login?oidc_error=oidc_acr');
    }
    op.next.acr = 'urn:test:loa:3';
    const { cookie, back } = await toProvider(m.tenant.id);
    expect((await callback(cookie, back.search)).headers.location).toBe('/');
    op.next.acr = undefined;
  });

  it('refuses an unknown subject without an invitation, with a clear reason', async () => {
    const m = await municipality();
    op.next.subject = `stranger-${crypto.randomUUID()}`;
    const { cookie, back } = await toProvider(m.tenant.id);
    const res = await callback(cookie, back.search);
    expect(res.headers.location).toBe('/login?oidc_error=oidc_not_linked');
  });

  it('refuses password login when the municipality turned it off, and lists the provider publicly', async () => {
    const m = await municipality({ passwordLogin: false });
    const res = await anonymous(t.app).post('/api/auth/login', { email: m.worker.email, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('password_login_off');
    const wrong = await anonymous(t.app).post('/api/auth/login', {
      email: m.worker.email,
      password: 'wrong password!',
    });
    expect(wrong.statusCode).toBe(401);
    const providers = (await anonymous(t.app).get('/api/auth/oidc/providers')).json().items;
    expect(providers).toContainEqual({
      tenantId: m.tenant.id,
      label: 'Regionens inloggning',
      tenantName: m.tenant.name,
    });
  });
});

describe('PUT /api/admin/identity', () => {
  it('only for the tenant admin; http only on loopback; fields named', async () => {
    const m = await municipality();
    const worker = await login(t.app, m.worker.email, TEST_PASSWORD);
    const body = {
      enabled: true,
      issuer: 'http://idp.example.se',
      clientId: 'x',
      scopes: 'openid',
      requiredAcr: null,
      label: 'X',
      passwordLogin: true,
    };
    expect((await anonymous(t.app).put('/api/admin/identity', body)).statusCode).toBe(401);
    expect((await worker.put('/api/admin/identity', body)).statusCode).toBe(403);
    const http = await m.adminClient.put('/api/admin/identity', body);
    expect(http.statusCode).toBe(400);
    expect(http.json().issues[0].path).toBe('body.issuer');
    const noOpenid = await m.adminClient.put('/api/admin/identity', { ...body, scopes: 'email' });
    expect(noOpenid.json().issues[0].path).toBe('body.scopes');
  });
});
