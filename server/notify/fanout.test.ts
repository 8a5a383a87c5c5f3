import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { record, rejection } from '../domain/events/test-helpers.ts';
import { buildHubWorld } from '../domain/hub/test-world.ts';
import { openSse, type SseEvent } from '../domain/notifications/sse-client.ts';
import { runDueJobs } from '../jobs/index.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { subscribe } from './channel.ts';
import { NOTICES_CHANNEL } from './index.ts';
import { notifications } from './tables.ts';

/*
 * Two server processes on one PostgreSQL database, as in production behind a
 * load balancer: a notice written through one reaches a page open on the
 * other, through LISTEN/NOTIFY; and both running jobs at once never run one twice.
 * Two app instances in this process, each with its own pool and its own listening connection.
 */
describe.skipIf(!process.env.DATABASE_URL)('two server processes on PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  let baseB: string;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp();
    baseB = await b.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('a notice created through one reaches the live stream and the listener of the other within a second', async () => {
    const w = await buildHubWorld(a);
    const page = await openSse(baseB, w.clients.social_worker.cookie);
    const heard: string[] = [];
    const listener = await subscribe(b.deps, NOTICES_CHANNEL, (payload) => heard.push(payload));
    try {
      await page.next((e) => e.event === 'unread');
      await record(w, 'contact_person', rejection(1));
      const started = Date.now();
      await runDueJobs(a.deps, new Date(), { tenantId: w.tenant.id });
      const pushed: SseEvent = await page.next((e) => e.event === 'notice', 1000);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(pushed.data).toMatchObject({ notification: { childId: w.child.id } });
      expect(heard.some((p) => p.includes(w.people.social_worker.id))).toBe(true);
    } finally {
      page.close();
      await listener.close();
    }
  });

  it('both processes running the same due jobs at once deliver each notice once', async () => {
    const w = await buildHubWorld(a);
    for (let i = 0; i < 5; i++)
      await record(w, 'contact_person', { type: 'school_absence', occurredOn: `2026-01-0${i + 1}`, source: 'school' });
    const now = new Date(Date.now() + 3_600_000);
    const [ranA, ranB] = await Promise.all([
      runDueJobs(a.deps, now, { tenantId: w.tenant.id }),
      runDueJobs(b.deps, now, { tenantId: w.tenant.id }),
    ]);
    const rows = await a.database.db.select().from(notifications).where(eq(notifications.tenantId, w.tenant.id));
    // Five events, each to the social worker and the god man (their pings are due later).
    expect(rows).toHaveLength(10);
    expect(ranA + ranB).toBe(5);
  });
});
