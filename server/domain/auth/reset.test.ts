import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { TEST_PASSWORD, buildWorld } from '../../test/factories.ts';
import { anonymous, login, startTestApp, type TestApp } from '../../test/harness.ts';
import { users } from '../tenancy/tables.ts';
import { passwordResets } from './invitations-tables.ts';
import { countStatements } from '../../test/statement-counter.ts';
import { startMailServer } from './invitations-test-mail.ts';
import { requestReset } from './reset-service.ts';

let t: TestApp;
let mail: Awaited<ReturnType<typeof startMailServer>>;
beforeAll(async () => {
  mail = await startMailServer();
  t = await startTestApp({ smtpUrl: mail.url });
});
afterAll(async () => {
  await t?.close();
  await mail?.close();
});

const NEW_PASSWORD = 'another long uncommon sentence';
const pub = () => anonymous(t.app);

/** The mail goes out after the answer: wait for it. */
async function mailTo(email: string) {
  for (let i = 0; i < 100 && !mail.received.some((m) => m.to.includes(email)); i++)
    await new Promise((r) => setTimeout(r, 50));
  return mail.tokenFor(email);
}

describe('password reset', () => {
  it('the same answer for a known and an unknown address; the link sets a password once and ends every session', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const email = w.people.god_man.email;
    const known = await pub().post('/api/auth/reset', { email });
    const unknown = await pub().post('/api/auth/reset', { email: `nobody.${crypto.randomUUID()}@example.se` });
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    const token = await mailTo(email);
    const raw = mail.received.filter((m) => m.to.includes(email)).at(-1)!.raw;
    const [row] = await t.database.db.select().from(users).where(eq(users.id, w.people.god_man.id));
    expect(raw).not.toContain(row!.displayName);

    expect((await pub().post('/api/auth/reset/check', { token })).statusCode).toBe(204);
    const weak = await pub().post('/api/auth/reset/complete', { token, password: 'sommar2024!!!!' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().issues[0].path).toBe('body.password');
    expect((await pub().post('/api/auth/reset/complete', { token, password: NEW_PASSWORD })).statusCode).toBe(204);
    // The old session is gone, the old password too; the new one works.
    expect((await w.clients.god_man.get('/api/auth/me')).statusCode).toBe(401);
    expect((await pub().post('/api/auth/login', { email, password: TEST_PASSWORD })).statusCode).toBe(401);
    await login(t.app, email, NEW_PASSWORD);

    const again = await pub().post('/api/auth/reset/complete', { token, password: NEW_PASSWORD });
    expect(again.statusCode).toBe(410);
    expect(again.json().error).toBe('link_used');
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, w.people.god_man.id));
    expect(rows.find((r) => r.action === 'auth.password_reset')?.detail).toEqual({ sessions: 1 });
    expect(rows.map((r) => r.action)).toContain('auth.reset_requested');
  });

  it('before the answer a known and an unknown address cost the same statements: the link is made after it', async () => {
    const w = await buildWorld(t.app, t.database.db, ['contact_person']);
    const counter = countStatements(t.database);
    const before = async (email: string) => {
      counter.reset();
      const { sent } = await requestReset(t.deps, { email }, () => undefined);
      // Parameters differ, statements must not.
      const texts = [...counter.texts];
      await sent;
      return texts;
    };
    try {
      const known = await before(w.people.contact_person.email);
      const unknown = await before(`nobody.${crypto.randomUUID()}@example.se`);
      expect(known.length).toBeGreaterThan(0);
      expect(known).toEqual(unknown);
    } finally {
      counter.stop();
    }
    expect(await mailTo(w.people.contact_person.email)).toBeTruthy();
  });

  it('an expired link answers 410 link_expired; a new link retires the old one', async () => {
    const w = await buildWorld(t.app, t.database.db, ['school_mentor']);
    const email = w.people.school_mentor.email;
    await pub().post('/api/auth/reset', { email });
    const first = await mailTo(email);
    const before = mail.received.length;
    await pub().post('/api/auth/reset', { email });
    for (let i = 0; i < 100 && mail.received.length === before; i++) await new Promise((r) => setTimeout(r, 50));
    const second = mail.tokenFor(email);
    expect(second).not.toBe(first);
    expect((await pub().post('/api/auth/reset/check', { token: first })).json().error).toBe('link_used');
    await t.database.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.userId, w.people.school_mentor.id));
    const expired = await pub().post('/api/auth/reset/complete', { token: second, password: NEW_PASSWORD });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error).toBe('link_expired');
  });
});
