import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld } from '../hub/test-world.ts';
import { calendarFeeds } from './tables.ts';
import { schedule } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const feedPath = (url: string) => new URL(url).pathname;

function events(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('/api/me/calendar-feed', () => {
  it('401 without a session, 403 for a volunteer; 404 when revoking a feed that does not exist', async () => {
    const w = await buildHubWorld(t);
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      expect((await anonymous(t.app).request({ method, url: '/api/me/calendar-feed' })).statusCode).toBe(401);
      expect((await w.clients.volunteer.request({ method, url: '/api/me/calendar-feed' })).statusCode).toBe(403);
    }
    expect((await w.clients.god_man.delete('/api/me/calendar-feed')).statusCode).toBe(404);
  });

  it('makes a feed whose address is shown once and whose token is stored hashed', async () => {
    const w = await buildHubWorld(t);
    expect((await w.clients.god_man.get('/api/me/calendar-feed')).json()).toEqual({
      active: false,
      createdAt: null,
      url: null,
    });
    const made = (await w.clients.god_man.post('/api/me/calendar-feed')).json();
    expect(made.url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/api\/calendar\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = feedPath(made.url)
      .split('/')
      .pop()!
      .replace(/\.ics$/, '');
    const [row] = await t.database.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, w.people.god_man.id));
    expect(row!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await w.clients.god_man.get('/api/me/calendar-feed')).json()).toMatchObject({ active: true, url: null });
  });
});

describe('GET /api/calendar/feeds/:token', () => {
  it('holds the user’s meetings with correct local times; no titles or names; changes and cancellations follow', async () => {
    const w = await buildHubWorld(t);
    const winter = await schedule(w, { startsAt: '2026-12-03T09:00', endsAt: '2026-12-03T10:00' });
    const summer = await schedule(w, { startsAt: '2027-06-10T09:00', endsAt: '2027-06-10T10:00' });
    // Not invited: the school mentor's meeting is not in the god man's feed.
    await schedule(w, { inviteeUserIds: [w.people.school_mentor.id] });
    const url = feedPath((await w.clients.god_man.post('/api/me/calendar-feed')).json().url);

    const res = await anonymous(t.app).get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.body).toContain('METHOD:PUBLISH\r\n');
    expect(res.body).not.toMatch(/Amir|skolan|Sara|Göran/);
    const byUid = new Map(events(res.body).map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual([`${winter.id}@navet`, `${summer.id}@navet`].sort());
    expect(byUid.get(`${winter.id}@navet`)!.startDate.toJSDate().toISOString()).toBe('2026-12-03T08:00:00.000Z');
    expect(byUid.get(`${summer.id}@navet`)!.startDate.toJSDate().toISOString()).toBe('2027-06-10T07:00:00.000Z');
    expect(byUid.get(`${winter.id}@navet`)!.summary).toBe('Navetmöte');

    await w.clients.social_worker.post(`/api/meetings/${winter.id}/cancel`, { reason: 'Sjuk' });
    const after = events((await anonymous(t.app).get(url)).body).find((e) => e.uid === `${winter.id}@navet`)!;
    expect(after.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(after.sequence).toBe(1);

    // Declining takes the meeting out of the feed.
    await w.clients.god_man.put(`/api/meetings/${summer.id}/response`, { response: 'declined' });
    expect(events((await anonymous(t.app).get(url)).body).map((e) => e.uid)).toEqual([`${winter.id}@navet`]);

    // Every read of the feed is in the child's log, under the feed's owner.
    const logged = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.feed_read'));
    expect(logged.filter((r) => r.childId === w.child.id && r.actorUserId === w.people.god_man.id).length).toBe(3);
  });

  it('a child leaving the user’s scope leaves the feed', async () => {
    const w = await buildHubWorld(t);
    await schedule(w, { inviteeUserIds: [w.people.school_mentor.id] });
    const url = feedPath((await w.clients.school_mentor.post('/api/me/calendar-feed')).json().url);
    expect(events((await anonymous(t.app).get(url)).body)).toHaveLength(1);
    await w.clients.social_worker.post(`/api/children/${w.child.id}/hub/members/${w.members.school_mentor}/end`, {});
    expect(events((await anonymous(t.app).get(url)).body)).toHaveLength(0);
  });

  it('404 for an unknown token, 410 once revoked or replaced, and nothing changes', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).get('/api/calendar/feeds/nope.ics')).statusCode).toBe(404);
    const first = feedPath((await w.clients.contact_person.post('/api/me/calendar-feed')).json().url);
    const second = feedPath((await w.clients.contact_person.post('/api/me/calendar-feed')).json().url);
    const replaced = await anonymous(t.app).get(first);
    expect(replaced.statusCode).toBe(410);
    expect(replaced.json().error).toBe('feed_revoked');
    expect((await anonymous(t.app).get(second)).statusCode).toBe(200);
    const revoked = await w.clients.contact_person.delete('/api/me/calendar-feed');
    expect(revoked.json()).toEqual({ active: false, createdAt: null, url: null });
    expect((await anonymous(t.app).get(second)).statusCode).toBe(410);
    expect((await anonymous(t.app).get(second)).statusCode).toBe(410);
  });
});
