import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld } from '../hub/test-world.ts';
import { escapeText, foldLine } from './ics.ts';
import { fromLocal, toLocal } from './stockholm.ts';
import { schedule } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** Parses with ical.js, registering the file's own VTIMEZONE, as a calendar app would. */
function parse(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { root, events: root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('Swedish local time', () => {
  it('09:00 is 08:00Z in winter and 07:00Z in summer, and round-trips', () => {
    expect(fromLocal('2026-12-03T09:00')?.toISOString()).toBe('2026-12-03T08:00:00.000Z');
    expect(fromLocal('2026-06-11T09:00')?.toISOString()).toBe('2026-06-11T07:00:00.000Z');
    expect(toLocal(new Date('2026-06-11T07:00:00Z'))).toBe('2026-06-11T09:00');
    // The night the clocks go forward, 02:30 does not exist; the night they go back, the first 02:30 is taken.
    expect(fromLocal('2026-03-29T02:30')).toBeNull();
    expect(fromLocal('2026-10-25T02:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('RFC 5545 text', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a character', () => {
    const line = `LOCATION:${'Rådhuset, Strömsund – '.repeat(8)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
  });
});

describe('GET /api/meetings/:id/calendar.ics', () => {
  it('401, 404 outside the hub, 403 for civil society', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const url = `/api/meetings/${m.id}/calendar.ics`;
    expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    expect((await w.clients.outsider.get(url)).statusCode).toBe(404);
    expect((await w.clients.volunteer.get(url)).statusCode).toBe(403);
    expect((await w.clients.god_man.get('/api/meetings/nope/calendar.ics')).statusCode).toBe(400);
  });

  it('keeps 09:00 Europe/Stockholm in winter and summer, parsed by ical.js', async () => {
    const w = await buildHubWorld(t);
    const cases = [
      { startsAt: '2026-12-03T09:00', endsAt: '2026-12-03T10:30', utc: '2026-12-03T08:00:00.000Z' },
      { startsAt: '2027-06-10T09:00', endsAt: '2027-06-10T10:30', utc: '2027-06-10T07:00:00.000Z' },
    ];
    for (const c of cases) {
      const m = await schedule(w, { startsAt: c.startsAt, endsAt: c.endsAt, location: 'Rum 3; plan 2, Storgatan' });
      const res = await w.clients.god_man.get(`/api/meetings/${m.id}/calendar.ics`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      expect(res.body).toContain(`DTSTART;TZID=Europe/Stockholm:${c.startsAt.replace(/[-:]/g, '')}00\r\n`);
      expect(res.body.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
      expect(res.body).not.toMatch(/[^\r]\n/);

      const { root, events } = parse(res.body);
      expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
      const [event] = events;
      expect(event!.uid).toBe(`${m.id}@navet`);
      expect(event!.startDate.toJSDate().toISOString()).toBe(c.utc);
      expect(event!.startDate.toString()).toBe(`${c.startsAt}:00`);
      expect(event!.startDate.zone?.tzid).toBe('Europe/Stockholm');
      expect(event!.endDate.toJSDate().getTime() - event!.startDate.toJSDate().getTime()).toBe(90 * 60_000);
      expect(event!.location).toBe('Rum 3; plan 2, Storgatan');
      // The god man's locale is Swedish; the title and the child's name stay out of calendars.
      expect(event!.summary).toBe('Navetmöte');
      expect(res.body).not.toMatch(/Amir|skolan/);
    }
  });

  it('a change raises SEQUENCE and a cancellation says STATUS:CANCELLED, with the same UID', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w, { startsAt: '2026-12-03T09:00', endsAt: '2026-12-03T10:00' });
    const read = async () => parse((await w.clients.god_man.get(`/api/meetings/${m.id}/calendar.ics`)).body).events[0]!;
    const first = await read();
    expect(first.sequence).toBe(0);
    await w.clients.social_worker.patch(`/api/meetings/${m.id}`, {
      version: m.version,
      startsAt: '2026-12-03T13:00',
      endsAt: '2026-12-03T14:00',
    });
    const moved = await read();
    expect([moved.uid, moved.sequence, moved.startDate.toJSDate().toISOString()]).toEqual([
      first.uid,
      1,
      '2026-12-03T12:00:00.000Z',
    ]);
    await w.clients.social_worker.post(`/api/meetings/${m.id}/cancel`, { reason: 'Sjukdom' });
    const cancelled = await read();
    expect(cancelled.uid).toBe(first.uid);
    expect(cancelled.sequence).toBe(2);
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
