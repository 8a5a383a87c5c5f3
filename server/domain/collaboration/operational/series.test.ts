import ICAL from 'ical.js';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, startTestApp, type TestApp } from '../../../test/harness.ts';
import { meetings } from '../../meetings/tables.ts';
import { buildLevelsWorld, type LevelsWorld } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();
const url = (w: LevelsWorld) => `/api/collaborations/${w.id}/series`;
const series = {
  level: 'operational',
  title: 'Verksamhetsforum',
  startsAt: '2027-01-14T09:00',
  durationMinutes: 120,
  frequency: 'monthly',
  count: 6,
  location: 'Kommunhuset',
};

describe('meeting series', () => {
  it('401, 404 outside, 403 for staff, 400 at the fields', async () => {
    const w = await buildLevelsWorld(t);
    expect((await anonymous(t.app).post(url(w), series)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url(w), series)).statusCode).toBe(404);
    expect((await w.clients.mentor.post(url(w), series)).statusCode).toBe(403);
    const bad = await w.clients.coordinator.post(url(w), { ...series, startsAt: '2027-01-31T09:00', count: 0 });
    expect(paths(bad.json())).toEqual(['body.count']);
    const day31 = await w.clients.coordinator.post(url(w), { ...series, startsAt: '2027-01-31T09:00' });
    expect(paths(day31.json())).toEqual(['body.startsAt']);
  });

  it('exports one event with an RRULE whose occurrences, read by ical.js, are the meetings (09:00 across DST)', async () => {
    const w = await buildLevelsWorld(t);
    const res = await w.clients.forum_rep.post(url(w), series);
    expect(res.statusCode).toBe(201);
    const s = res.json<{ id: string; rrule: string; meetings: { startsAt: string }[] }>();
    expect(s.rrule).toBe('FREQ=MONTHLY;INTERVAL=1;COUNT=6');
    const ics = await w.clients.other_town.get(`${url(w)}/${s.id}/calendar.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    const root = new ICAL.Component(ICAL.parse(ics.body));
    for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const event = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
    expect(event.isRecurring()).toBe(true);
    const it = event.iterator();
    const starts: string[] = [];
    for (let next = it.next(); next; next = it.next()) starts.push(next.toJSDate().toISOString());
    expect(starts).toEqual(s.meetings.map((m) => m.startsAt));
    // January is winter time (08:00Z), June summer time (07:00Z): 09:00 in Sweden both.
    expect(starts[0]).toBe('2027-01-14T08:00:00.000Z');
    expect(starts[5]).toBe('2027-06-14T07:00:00.000Z');
    expect((await w.clients.outsider.get(`${url(w)}/${s.id}/calendar.ics`)).statusCode).toBe(404);
    expect((await w.clients.mentor.get(`${url(w)}/${randomUUID()}/calendar.ics`)).statusCode).toBe(404);
  });

  it('GET /api/meetings lists the levels’ meetings without a child; upcoming and past', async () => {
    const w = await buildLevelsWorld(t);
    const s = (await w.clients.coordinator.post(url(w), series)).json<{ meetings: { id: string }[] }>();
    expect((await anonymous(t.app).get('/api/meetings')).statusCode).toBe(401);
    const mine = (await w.clients.other_town.get('/api/meetings?when=all')).json<{ items: { id: string }[] }>();
    expect(mine.items.map((m) => m.id)).toEqual(expect.arrayContaining(s.meetings.map((m) => m.id)));
    expect((await w.clients.outsider.get('/api/meetings?when=all')).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await w.clients.volunteer.get('/api/meetings?when=all')).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await w.clients.mentor.get('/api/meetings?when=soon')).statusCode).toBe(400);
    const list = (await w.clients.mentor.get(`/api/collaborations/${w.id}/meetings?when=upcoming`)).json<{
      items: unknown[];
    }>();
    expect(list.items).toHaveLength(6);
  });

  it('after a forum meeting each representative confirms feeding back to their staff', async () => {
    const w = await buildLevelsWorld(t);
    const s = (await w.clients.coordinator.post(url(w), series)).json<{ meetings: { id: string }[] }>();
    const mid = s.meetings[0]!.id;
    const fb = `/api/collaborations/${w.id}/meetings/${mid}/feedback`;
    expect((await w.clients.forum_rep.post(fb, {})).statusCode).toBe(409);
    await t.database.db.update(meetings).set({ status: 'closed' }).where(eq(meetings.id, mid));
    expect((await w.clients.mentor.post(fb, {})).statusCode).toBe(403);
    expect((await w.clients.outsider.post(fb, {})).statusCode).toBe(404);
    const before = (await w.clients.coordinator.get(fb)).json<{ representatives: { confirmedAt: null }[] }>();
    expect(before.representatives).toEqual([
      { id: w.people.forum_rep.id, name: 'Frida Företrädare', confirmedAt: null },
    ]);
    const done = await w.clients.forum_rep.post(fb, { note: 'Tog upp det på APT.' });
    expect(
      done.json<{ representatives: { confirmedAt: string | null }[] }>().representatives[0]!.confirmedAt,
    ).not.toBeNull();
  });
});
