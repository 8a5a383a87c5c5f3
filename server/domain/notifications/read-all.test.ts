import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../notify/index.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { noticesOf, record, rejection, runJobs } from '../events/test-helpers.ts';
import { buildHubWorld } from '../hub/test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('POST /api/notifications/read-all', () => {
  it('401; marks only my unread notices read, never acknowledges, and says how many', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'contact_person', rejection(1));
    await runJobs(t, w);
    expect((await anonymous(t.app).post('/api/notifications/read-all')).statusCode).toBe(401);
    const before = await noticesOf(t, w.people.god_man.id);
    expect(before.some((n) => n.readAt === null)).toBe(true);

    const res = await w.clients.social_worker.post('/api/notifications/read-all');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ marked: 2, unreadCount: 0 });
    const mine = await noticesOf(t, w.people.social_worker.id);
    expect(mine.every((n) => n.readAt !== null)).toBe(true);
    // Urgent notices still wait for "I have seen this": reading is not acknowledging.
    expect(mine.every((n) => n.acknowledgedAt === null)).toBe(true);
    // Another user's notices are untouched.
    expect(await noticesOf(t, w.people.god_man.id)).toEqual(before);

    const again = await w.clients.social_worker.post('/api/notifications/read-all');
    expect(again.json()).toEqual({ marked: 0, unreadCount: 0 });
  });
});

describe('GET /api/notifications order', () => {
  it('puts an urgent notice not yet acknowledged first, though a normal one came after it', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'contact_person', rejection(1));
    await runJobs(t, w);
    const userId = w.people.social_worker.id;
    // A normal notice a minute after the rejection's urgent one.
    await t.database.db.transaction((tx) =>
      notify(tx, {
        tenantId: w.tenant.id,
        userIds: [userId],
        kind: 'test.later',
        urgency: 'normal',
        link: '/',
        at: new Date(Date.now() + 60_000),
      }),
    );
    const list = (await w.clients.social_worker.get('/api/notifications')).json();
    expect(list.items[0]).toMatchObject({ urgency: 'immediate' });
    const urgent = list.items[0].id as string;
    await w.clients.social_worker.post(`/api/notifications/${urgent}/acknowledge`);
    const after = (await w.clients.social_worker.get('/api/notifications')).json();
    expect(after.items[0].kind).toBe('test.later');
  });
});
