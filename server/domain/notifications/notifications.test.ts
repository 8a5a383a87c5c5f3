import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../notify/index.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildTenant, buildOrganisation, buildUser } from '../../test/factories.ts';
import { noticesOf, record, rejection, runJobs } from '../events/test-helpers.ts';
import { buildHubWorld } from '../hub/test-world.ts';
import { openSse } from './sse-client.ts';

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await startTestApp();
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t.close());

describe('GET /api/notifications', () => {
  it('401; my own notices only, with the child’s name and the unread count; 400 for a bad query', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'contact_person', rejection(1));
    await runJobs(t, w);
    expect((await anonymous(t.app).get('/api/notifications')).statusCode).toBe(401);
    expect((await w.clients.social_worker.get('/api/notifications?pageSize=0')).statusCode).toBe(400);
    const res = await w.clients.social_worker.get('/api/notifications');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unreadCount).toBe(2);
    expect(body.items.map((n: { kind: string }) => n.kind).sort()).toEqual(['event.recorded', 'proposal.hub_meeting']);
    expect(body.items[0]).toMatchObject({ childName: 'Amir', childId: w.child.id });
    expect((await w.clients.outsider.get('/api/notifications')).json().items).toEqual([]);
    // Listing puts them on the screen: delivered.
    expect((await noticesOf(t, w.people.social_worker.id)).every((n) => n.deliveredAt !== null)).toBe(true);
  });

  it('hides the child’s name once the user has left the hub, keeps the notice', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'contact_person', rejection(1));
    await runJobs(t, w);
    const end = await w.clients.social_worker.post(`/api/children/${w.child.id}/hub/members/${w.members.god_man}/end`, {
      confirm: true,
    });
    expect(end.statusCode).toBe(200);
    const [n] = (await w.clients.god_man.get('/api/notifications')).json().items;
    expect(n).toMatchObject({ kind: 'event.recorded', childName: null, childId: null, link: '/notifications' });
    expect(JSON.stringify(n)).not.toContain(w.child.id);
  });
});

describe('POST /api/notifications/:id/read and /acknowledge', () => {
  it('401, 404 for another user’s notice, 400 for a bad id, and the time recorded once', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'contact_person', rejection(1));
    await runJobs(t, w);
    const [mine] = await noticesOf(t, w.people.social_worker.id);
    const [others] = await noticesOf(t, w.people.god_man.id);
    for (const action of ['read', 'acknowledge']) {
      expect((await anonymous(t.app).post(`/api/notifications/${mine!.id}/${action}`)).statusCode).toBe(401);
      expect((await w.clients.social_worker.post(`/api/notifications/${others!.id}/${action}`)).statusCode).toBe(404);
      expect((await w.clients.social_worker.post(`/api/notifications/${randomUUID()}/${action}`)).statusCode).toBe(404);
      expect((await w.clients.social_worker.post(`/api/notifications/nope/${action}`)).statusCode).toBe(400);
    }
    const read = await w.clients.social_worker.post(`/api/notifications/${mine!.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect(read.json().acknowledgedAt).toBeNull();
    const ack = await w.clients.social_worker.post(`/api/notifications/${mine!.id}/acknowledge`);
    expect(ack.json().acknowledgedAt).not.toBeNull();
    expect(ack.json().readAt).toBe(read.json().readAt);
    const again = await w.clients.social_worker.post(`/api/notifications/${mine!.id}/acknowledge`);
    expect(again.json().acknowledgedAt).toBe(ack.json().acknowledgedAt);
    expect((await w.clients.social_worker.get('/api/notifications?unread=true')).json().unreadCount).toBe(1);
  });

  it('a role cannot act on a notice of another tenant either: the tenant is part of the rule', async () => {
    const w = await buildHubWorld(t);
    const other = await buildTenant(t.database.db);
    const org = await buildOrganisation(t.database.db, other.id);
    const stranger = await buildUser(t.database.db, {
      tenantId: other.id,
      organisationId: org.id,
      role: 'social_worker',
    });
    // notify() skips a recipient outside the tenant.
    const ids = await t.database.db.transaction((tx) =>
      notify(tx, {
        tenantId: w.tenant.id,
        userIds: [stranger.id, w.people.god_man.id],
        kind: 'event.recorded',
        link: '/',
        urgency: 'normal',
      }),
    );
    expect(ids).toHaveLength(1);
    expect(await noticesOf(t, stranger.id)).toEqual([]);
  });
});

describe('GET /api/notifications/stream', () => {
  it('401 without a session, 400 without Accept: text/event-stream', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).get('/api/notifications/stream')).statusCode).toBe(401);
    const res = await w.clients.social_worker.get('/api/notifications/stream');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('event_stream_only');
  });

  it('pushes the unread count on connect and each new notice to every open page of the recipient, only to them', async () => {
    const w = await buildHubWorld(t);
    const page1 = await openSse(baseUrl, w.clients.social_worker.cookie);
    const page2 = await openSse(baseUrl, w.clients.social_worker.cookie);
    const godMan = await openSse(baseUrl, w.clients.god_man.cookie);
    const outsider = await openSse(baseUrl, w.clients.outsider.cookie);
    try {
      expect((await page1.next((e) => e.event === 'unread')).data).toEqual({ unreadCount: 0 });
      await record(w, 'contact_person', rejection(1));
      const started = Date.now();
      await runJobs(t, w);
      const isRejection = (e: { event: string; data: unknown }) =>
        e.event === 'notice' && (e.data as { notification: { kind: string } }).notification.kind === 'event.recorded';
      for (const page of [page1, page2, godMan]) {
        const pushed = await page.next(isRejection, 2000);
        expect(pushed.data).toMatchObject({
          notification: { childName: 'Amir', params: { eventType: 'asylum_rejected' } },
        });
      }
      expect(Date.now() - started).toBeLessThan(3000);
      expect(
        (await page1.next((e) => e.event === 'notice' && (e.data as { unreadCount: number }).unreadCount === 2)).data,
      ).toBeTruthy();
      // Pushed to the right users only.
      await new Promise((r) => setTimeout(r, 200));
      expect(outsider.events.filter((e) => e.event === 'notice')).toEqual([]);
      const godManNotices = godMan.events.filter((e) => e.event === 'notice');
      expect(godManNotices).toHaveLength(1);
      expect((await noticesOf(t, w.people.god_man.id))[0]?.deliveredAt).not.toBeNull();
    } finally {
      for (const p of [page1, page2, godMan, outsider]) p.close();
    }
  });
});
