import { eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../common/schemas/children.ts';
import { record, rejection, runJobs, noticesOf } from '../domain/events/test-helpers.ts';
import { buildHubWorld } from '../domain/hub/test-world.ts';
import { users } from '../domain/tenancy/tables.ts';
import { backoffMs, MAX_ATTEMPTS } from '../jobs/index.ts';
import { anonymous, startTestApp, type TestApp } from '../test/harness.ts';
import { NORMAL_PING_DELAY_MS } from './index.ts';

interface Received {
  to: string[];
  raw: string;
}

/** A mail server in the test process: what Navet sends stays on this machine and can be read back. */
async function startMailServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('e-mail pings', () => {
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

  it('say only that something waits in Navet: no name, note or case number; unread normal notices ping later', async () => {
    const w = await buildHubWorld(t, { caseNumber: 'UT-98765432' });
    const note = 'Beslut om utvisning till Kabul, överklagande övervägs';
    await record(w, 'contact_person', rejection(1, { note }));
    const now = new Date();
    await runJobs(t, w, now);
    // The social worker's rejection notice is immediate: one ping now.
    expect(mail.received.map((m) => m.to)).toEqual([[w.people.social_worker.email]]);
    // She reads her proposal before the delay: no ping for it. The god man has not read his.
    const proposal = (await noticesOf(t, w.people.social_worker.id)).find((n) => n.kind === 'proposal.hub_meeting');
    await w.clients.social_worker.post(`/api/notifications/${proposal!.id}/read`);
    await runJobs(t, w, new Date(now.getTime() + NORMAL_PING_DELAY_MS + 1000));
    expect(mail.received.map((m) => m.to[0]).sort()).toEqual(
      [w.people.god_man.email, w.people.social_worker.email].sort(),
    );

    for (const m of mail.received) {
      const raw = m.raw.toLowerCase();
      for (const secret of ['Amir', note, 'Kabul', 'UT-98765432', '98765432', w.child.id, 'avslag', 'utvisning'])
        expect(raw, secret).not.toContain(secret.toLowerCase());
      expect(m.raw).toContain('https://navet.example.se/notifications');
    }
    const [sent] = await noticesOf(t, w.people.god_man.id);
    expect(sent?.emailedAt).not.toBeNull();
  });

  it('a recipient without an e-mail address still gets the in-app notice', async () => {
    const w = await buildHubWorld(t);
    await t.database.db
      .update(users)
      .set({ email: `no-address-${w.people.god_man.id}` })
      .where(eq(users.id, w.people.god_man.id));
    const before = mail.received.length;
    await record(w, 'contact_person', { type: 'absconded', occurredOn: todayInSweden(), source: 'residence' });
    await runJobs(t, w);
    expect(await noticesOf(t, w.people.god_man.id)).toHaveLength(1);
    const to = mail.received.slice(before).flatMap((m) => m.to);
    expect(to).toContain(w.people.social_worker.email);
    expect(to.some((a) => a.startsWith('no-address'))).toBe(false);
  });
});

describe('mail server down', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Nothing listens on port 1: every connection is refused at once.
    t = await startTestApp({ smtpUrl: 'smtp://127.0.0.1:1' });
  });
  afterAll(async () => t.close());

  it('the ping retries with backoff, then fails visibly to the tenant admin; the notice itself is not lost', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'contact_person', rejection(1));
    let now = new Date();
    await runJobs(t, w, now);
    expect(await noticesOf(t, w.people.social_worker.id)).toHaveLength(2); // in-app, whatever the mail does
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = new Date(now.getTime() + backoffMs(attempt - 1));
      await runJobs(t, w, now);
    }
    const url = '/api/admin/jobs?status=failed';
    expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    expect((await w.clients.social_worker.get(url)).statusCode).toBe(403);
    expect((await w.clients.admin.get('/api/admin/jobs?status=lost')).statusCode).toBe(400);
    const failed = (await w.clients.admin.get(url)).json().items;
    expect(failed).toHaveLength(1); // the immediate ping; the normal ones are not due yet
    expect(failed[0]).toMatchObject({ kind: 'notify.email', attempts: MAX_ATTEMPTS });
    expect(failed[0].lastError).toMatch(/ECONNREFUSED|connect/i);

    const retryUrl = `/api/admin/jobs/${failed[0].id}/retry`;
    expect((await anonymous(t.app).post(retryUrl)).statusCode).toBe(401);
    expect((await w.clients.manager.post(retryUrl)).statusCode).toBe(403);
    expect((await w.clients.admin.post('/api/admin/jobs/not-an-id/retry')).statusCode).toBe(400);
    expect((await w.clients.admin.post(`/api/admin/jobs/${w.child.id}/retry`)).statusCode).toBe(404);
    const retried = await w.clients.admin.post(retryUrl);
    expect(retried.statusCode).toBe(200);
    expect(retried.json().attempts).toBe(0);
    expect((await w.clients.admin.get(url)).json().items).toEqual([]);
    // Another tenant's admin does not see it.
    const other = await buildHubWorld(t);
    expect((await other.clients.admin.post(retryUrl)).statusCode).toBe(404);
  });
});
