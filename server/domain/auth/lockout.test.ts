import { and, eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginThrottleReport } from '../../../common/schemas/login-throttle.ts';
import { auditLog } from '../../audit/tables.ts';
import { runDueJobs } from '../../jobs/index.ts';
import { TEST_PASSWORD, buildWorld } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { THROTTLE } from './throttle.ts';

/** A mail server in the test process, as in server/notify/mail.test.ts. */
async function startMailServer() {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let mail: Awaited<ReturnType<typeof startMailServer>>;
let t: TestApp;
beforeAll(async () => {
  mail = await startMailServer();
  t = await startTestApp({ smtpUrl: mail.url, publicUrl: 'https://navet.example.se' });
});
afterAll(async () => {
  await t.close();
  await mail.close();
});

const attemptFrom = (email: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

describe('the owner is told when many addresses guess', () => {
  it('one e-mail per window, with nothing about the attempts in it', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const email = w.people.god_man.email;
    for (let i = 1; i <= THROTTLE.accountCeiling + 3; i++) await attemptFrom(email, `guess ${i}`, `10.7.0.${i}`);
    await runDueJobs(t.deps, new Date(), { tenantId: w.tenant.id });
    const sent = mail.received.filter((m) => m.to.includes(email));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.raw).toContain('https://navet.example.se/login');
    // The message's text only: its headers carry a random address and id, where any two digits may turn up.
    const text = sent[0]!.raw.slice(sent[0]!.raw.indexOf('\r\n\r\n'));
    expect(text).toContain('Hej!');
    for (const secret of ['10.7.0.', String(THROTTLE.accountCeiling), 'guess']) expect(text).not.toContain(secret);

    // More guesses in the same window: no second mail.
    for (let i = 1; i <= 3; i++) await attemptFrom(email, `more ${i}`, `10.8.0.${i}`);
    await runDueJobs(t.deps, new Date(), { tenantId: w.tenant.id });
    expect(mail.received.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it('a few failures from one address send nothing', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    for (let i = 1; i <= THROTTLE.pairFree + 1; i++) await attemptFrom(w.people.god_man.email, `x ${i}`, '10.6.0.1');
    await runDueJobs(t.deps, new Date(), { tenantId: w.tenant.id });
    expect(mail.received.filter((m) => m.to.includes(w.people.god_man.email))).toHaveLength(0);
  });
});

describe('the tenant admin sees why and unlocks', () => {
  it('recent failures, from where and since when; unlock clears them, is audited, and the address may try again', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man', 'tenant_admin']);
    const email = w.people.god_man.email;
    const path = `/api/admin/users/${w.people.god_man.id}`;
    for (let i = 1; i <= THROTTLE.pairFree; i++) await attemptFrom(email, `wrong ${i}`, '198.51.100.70');
    await attemptFrom(email, 'wrong elsewhere', '198.51.100.71');

    const res = await w.clients.tenant_admin.get(`${path}/login-failures`);
    expect(res.statusCode).toBe(200);
    const report = LoginThrottleReport.parse(res.json());
    expect(report.failuresInWindow).toBe(THROTTLE.pairFree + 1);
    expect(report.since).not.toBeNull();
    expect(report.underAttackUntil).toBeNull();
    expect(report.recent).toHaveLength(THROTTLE.pairFree + 1);
    const byIp = new Map(report.addresses.map((a) => [a.ip, a]));
    expect(byIp.get('198.51.100.70')).toMatchObject({ failures: THROTTLE.pairFree });
    expect(byIp.get('198.51.100.70')!.waitSeconds).toBeGreaterThan(0);
    expect(byIp.get('198.51.100.71')).toMatchObject({ failures: 1, waitSeconds: 0 });
    expect((await attemptFrom(email, TEST_PASSWORD, '198.51.100.70')).statusCode).toBe(429);

    const unlock = await w.clients.tenant_admin.post(`${path}/unlock`);
    expect(unlock.statusCode).toBe(200);
    expect(LoginThrottleReport.parse(unlock.json())).toMatchObject({ failuresInWindow: 0, addresses: [], recent: [] });
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.account_unlocked'), eq(auditLog.entityId, w.people.god_man.id)));
    expect(row).toMatchObject({ actorUserId: w.people.tenant_admin.id, tenantId: w.tenant.id });
    expect(row!.detail).toMatchObject({ failuresCleared: THROTTLE.pairFree + 1, addresses: 2 });
    expect((await attemptFrom(email, TEST_PASSWORD, '198.51.100.70')).statusCode).toBe(200);
  });

  it('another municipality’s user is 404; a user who is not admin is 403', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man', 'tenant_admin']);
    const other = await buildWorld(t.app, t.database.db, ['god_man']);
    const foreign = `/api/admin/users/${other.people.god_man.id}`;
    expect((await w.clients.tenant_admin.get(`${foreign}/login-failures`)).statusCode).toBe(404);
    expect((await w.clients.tenant_admin.post(`${foreign}/unlock`)).statusCode).toBe(404);
    const own = `/api/admin/users/${w.people.tenant_admin.id}`;
    expect((await w.clients.god_man.get(`${own}/login-failures`)).statusCode).toBe(403);
    expect((await w.clients.god_man.post(`${own}/unlock`)).statusCode).toBe(403);
  });
});
