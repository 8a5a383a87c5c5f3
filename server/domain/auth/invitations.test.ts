import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { buildWorld } from '../../test/factories.ts';
import { anonymous, login, startTestApp, type TestApp } from '../../test/harness.ts';
import { invitations } from './invitations-tables.ts';
import { startMailServer } from './invitations-test-mail.ts';
import { startTestProvider, type TestProvider } from './oidc-test-provider.ts';

const PUBLIC_URL = 'http://127.0.0.1:3000';
let t: TestApp;
let mail: Awaited<ReturnType<typeof startMailServer>>;
let op: TestProvider;
beforeAll(async () => {
  mail = await startMailServer();
  op = await startTestProvider([`${PUBLIC_URL}/api/auth/oidc/callback`]);
  t = await startTestApp({
    publicUrl: PUBLIC_URL,
    smtpUrl: mail.url,
    secretKey: Buffer.alloc(32, 9).toString('base64'),
  });
});
afterAll(async () => {
  await t?.close();
  await mail?.close();
  await op?.close();
});

const NEW_PASSWORD = 'a long and uncommon sentence';

async function invited() {
  const w = await buildWorld(t.app, t.database.db, ['tenant_admin', 'social_worker']);
  const email = `invited.${crypto.randomUUID()}@kommun.example.se`;
  const res = await w.clients.tenant_admin.post('/api/admin/invitations', {
    email,
    displayName: 'Nya Kollegan',
    memberships: [{ organisationId: w.org.id, role: 'school_mentor' }],
    locale: 'sv',
  });
  expect(res.statusCode, res.body).toBe(201);
  return { w, email, userId: res.json<{ userId: string }>().userId, token: mail.tokenFor(email) };
}

const pub = () => anonymous(t.app);

describe('invitations', () => {
  it('mail a one-time link with nothing sensitive; the invitee chooses a password and logs in', async () => {
    const { email, token, userId } = await invited();
    const raw = mail.received.filter((m) => m.to.includes(email)).at(-1)!.raw;
    for (const secret of ['Nya Kollegan', 'school_mentor', 'mentor']) expect(raw).not.toContain(secret);
    expect(raw.replace(/=\r?\n/g, '')).toContain(`${PUBLIC_URL}/invite#${token}`);

    // The invitee has no password until they choose one.
    expect((await pub().post('/api/auth/login', { email, password: '!invited' })).statusCode).toBe(401);
    const info = await pub().post('/api/auth/invitations/lookup', { token });
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ email, displayName: 'Nya Kollegan', passwordLogin: true, oidc: false });

    const weak = await pub().post('/api/auth/invitations/accept', { token, password: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().issues[0].path).toBe('body.password');
    expect((await pub().post('/api/auth/invitations/accept', { token, password: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await login(t.app, email, NEW_PASSWORD)).csrfToken).toBeTruthy();

    const used = await pub().post('/api/auth/invitations/accept', { token, password: NEW_PASSWORD });
    expect(used.statusCode).toBe(410);
    expect(used.json().error).toBe('link_used');
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, userId))).map(
      (r) => r.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['auth.invitation_sent', 'auth.invitation_accepted']));
  });

  it("a role that opens children's data waits for a second admin, as when an admin creates the user", async () => {
    const w = await buildWorld(t.app, t.database.db, ['tenant_admin', 'social_worker']);
    const email = `invited.${crypto.randomUUID()}@kommun.example.se`;
    const res = await w.clients.tenant_admin.post('/api/admin/invitations', {
      email,
      displayName: 'Ny Socialsekreterare',
      memberships: [
        { organisationId: w.org.id, role: 'social_worker' },
        { organisationId: w.org.id, role: 'coordinator' },
      ],
      locale: 'sv',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ awaitingApproval: 1 });
    const userId = res.json<{ userId: string }>().userId;
    const token = mail.tokenFor(email);
    expect((await pub().post('/api/auth/invitations/accept', { token, password: NEW_PASSWORD })).statusCode).toBe(204);
    const user = await w.clients.tenant_admin.get(`/api/admin/users/${userId}`);
    expect(user.statusCode, user.body).toBe(200);
    const view = user.json<{ memberships: { role: string }[]; pendingGrants: { role: string }[] }>();
    // The coordinator's role opens no child: given at once. The social worker's waits for approval.
    expect(view.memberships.map((m) => m.role)).toEqual(['coordinator']);
    expect(view.pendingGrants.map((g) => g.role)).toEqual(['social_worker']);
    const invitee = await login(t.app, email, NEW_PASSWORD);
    expect((await invitee.get('/api/children')).json()).toMatchObject({ items: [] });
  });

  it('an expired or unknown link answers a clear 4xx', async () => {
    const { token, userId } = await invited();
    await t.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.userId, userId));
    const expired = await pub().post('/api/auth/invitations/accept', { token, password: NEW_PASSWORD });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error).toBe('link_expired');
    const unknown = await pub().post('/api/auth/invitations/lookup', { token: 'A'.repeat(43) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('link_invalid');
    expect((await pub().post('/api/auth/invitations/lookup', { token: 'short' })).statusCode).toBe(400);
  });

  it('only a tenant admin invites, into their own organisations, and not an address in use', async () => {
    const { w, email } = await invited();
    const body = {
      email: 'x@kommun.example.se',
      displayName: 'X',
      memberships: [{ organisationId: w.org.id, role: 'school_mentor' }],
    };
    expect((await pub().post('/api/admin/invitations', body)).statusCode).toBe(401);
    expect((await w.clients.social_worker.post('/api/admin/invitations', body)).statusCode).toBe(403);
    const other = await buildWorld(t.app, t.database.db, ['tenant_admin']);
    const foreign = await other.clients.tenant_admin.post('/api/admin/invitations', body);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().issues[0].path).toBe('body.memberships.0.organisationId');
    const taken = await w.clients.tenant_admin.post('/api/admin/invitations', { ...body, email });
    expect(taken.statusCode).toBe(409);
  });

  it('the invitee links their provider identity instead, and then logs in with it', async () => {
    const { w, token, userId } = await invited();
    const saved = await w.clients.tenant_admin.put('/api/admin/identity', {
      enabled: true,
      issuer: op.issuer,
      clientId: op.clientId,
      clientSecret: op.clientSecret,
      scopes: 'openid',
      requiredAcr: null,
      label: 'Region',
      passwordLogin: true,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const subject = `sub-${crypto.randomUUID()}`;
    op.next.subject = subject;

    const start = await pub().post('/api/auth/invitations/oidc', { token });
    expect(start.statusCode, start.body).toBe(200);
    const pre = start.cookies.find((c) => c.name === 'navet_oidc')!;
    const back = await op.authorize(start.json<{ url: string }>().url);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/auth/oidc/callback${back.search}`,
      headers: { cookie: `navet_oidc=${pre.value}` },
    });
    expect(res.headers.location).toBe('/');
    const session = res.cookies.find((c) => c.name === 'navet_session')!;
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `navet_session=${session.value}` },
    });
    expect(me.json().user.id).toBe(userId);
    // The invitation is spent; the identity logs in on its own from now on.
    expect((await pub().post('/api/auth/invitations/lookup', { token })).statusCode).toBe(410);
    const again = await t.app.inject({ method: 'GET', url: `/api/auth/oidc/start?tenant=${w.tenant.id}` });
    const back2 = await op.authorize(String(again.headers.location));
    const pre2 = again.cookies.find((c) => c.name === 'navet_oidc')!;
    const res2 = await t.app.inject({
      method: 'GET',
      url: `/api/auth/oidc/callback${back2.search}`,
      headers: { cookie: `navet_oidc=${pre2.value}` },
    });
    expect(res2.headers.location).toBe('/');
  });
});
