import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { addDays } from '../children/dates.ts';
import { children } from '../children/tables.ts';
import { buildHubWorld, consentForHub } from '../hub/test-world.ts';
import { childDeadlines, childEvents } from './tables.ts';
import { eventsUrl, record, rejection } from './test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();

describe('POST /api/children/:id/events', () => {
  it('401 without a session, 404 outside the hub, 403 for a role that does not record it', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).post(eventsUrl(w), rejection())).statusCode).toBe(401);
    expect((await w.clients.outsider.post(eventsUrl(w), rejection())).statusCode).toBe(404);
    expect((await w.clients.outsider.post(`/api/children/${randomUUID()}/events`, rejection())).statusCode).toBe(404);
    expect((await w.clients.volunteer.post(eventsUrl(w), rejection())).statusCode).toBe(403);
    expect((await w.clients.manager.post(eventsUrl(w), rejection())).statusCode).toBe(403);
    // The school mentor reports an absence, but not an asylum decision.
    expect((await w.clients.school_mentor.post(eventsUrl(w), rejection())).statusCode).toBe(403);
    const absence = { type: 'school_absence', occurredOn: todayInSweden(), source: 'school' };
    expect((await w.clients.school_mentor.post(eventsUrl(w), absence)).statusCode).toBe(201);
    expect(await t.database.db.select().from(childEvents).where(eq(childEvents.childId, w.child.id))).toHaveLength(1);
  });

  it('400 with field paths: unknown type, a date in the future, no source, a departure without its date', async () => {
    const w = await buildHubWorld(t);
    const c = w.clients.contact_person;
    const unknown = await c.post(eventsUrl(w), { ...rejection(), type: 'asylum_maybe' });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown.json())).toEqual(['body.type']);
    const generated = await c.post(eventsUrl(w), { ...rejection(), type: 'turned_18' });
    expect(paths(generated.json())).toEqual(['body.type']);
    const future = await c.post(eventsUrl(w), rejection(-3));
    expect(future.statusCode).toBe(400);
    expect(paths(future.json())).toEqual(['body.occurredOn']);
    const noSource = await c.post(eventsUrl(w), { type: 'found', occurredOn: todayInSweden() });
    expect(paths(noSource.json())).toEqual(['body.source']);
    const departure = await c.post(eventsUrl(w), {
      type: 'departure_date_set',
      occurredOn: todayInSweden(),
      source: 'migrationsverket',
    });
    expect(paths(departure.json())).toEqual(['body.departureDate']);
    const longNote = await c.post(eventsUrl(w), { ...rejection(), note: 'x'.repeat(501) });
    expect(paths(longNote.json())).toEqual(['body.note']);
    const beforeBirth = await c.post(eventsUrl(w), { ...rejection(), occurredOn: '2009-01-01' });
    expect(paths(beforeBirth.json())).toEqual(['body.occurredOn']);
    // Nothing half-written.
    expect(await t.database.db.select().from(childEvents).where(eq(childEvents.childId, w.child.id))).toEqual([]);
  });

  it('records a rejection: status, appeal deadline three weeks from the notice, timeline; a duplicate must be confirmed', async () => {
    const w = await buildHubWorld(t);
    await t.database.db.update(children).set({ asylumStatus: 'in_process' }).where(eq(children.id, w.child.id));
    const notified = addDays(todayInSweden(), -2);
    const result = await record(w, 'contact_person', rejection(2));
    expect(result.asylumStatus).toBe('rejected');
    expect(result.deadlines.map((d) => [d.kind, d.dueOn])).toEqual([
      ['appeal', addDays(notified, 21)],
      ['becomes_final', addDays(notified, 22)],
    ]);
    const child = (await w.clients.social_worker.get(`/api/children/${w.child.id}`)).json();
    expect(child.asylumStatus).toBe('rejected');

    const again = await w.clients.god_man.post(eventsUrl(w), { ...rejection(2), type: 'asylum_rejected_removal' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('possible_duplicate');
    expect(await t.database.db.select().from(childEvents).where(eq(childEvents.childId, w.child.id))).toHaveLength(1);
    const confirmed = await w.clients.god_man.post(eventsUrl(w), { ...rejection(2), confirmDuplicate: true });
    expect(confirmed.statusCode).toBe(201);

    const timeline = (await w.clients.social_worker.get(`/api/children/${w.child.id}/timeline`)).json();
    const entries = timeline.items.filter((i: { action: string }) => i.action === 'event.recorded');
    // Newest first: the confirmed duplicate changed nothing, the first set the status.
    expect(entries.map((e: { detail: unknown }) => e.detail)).toEqual([
      { eventType: 'asylum_rejected' },
      { eventType: 'asylum_rejected', asylumStatus: 'rejected' },
    ]);
    expect(JSON.stringify(timeline)).not.toContain('Avslag, se beslutet');
  });

  it('an appeal settles the appeal deadline; finality of a rejection opens the voluntary departure', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'social_worker', rejection(10));
    const appeal = await record(w, 'god_man', {
      type: 'appeal_filed',
      occurredOn: addDays(todayInSweden(), -5),
      source: 'god_man',
    });
    expect(appeal.asylumStatus).toBe('appealed');
    expect(appeal.deadlines).toEqual([]);
    const final = await record(w, 'social_worker', {
      type: 'decision_final',
      occurredOn: todayInSweden(),
      source: 'migration_court',
    });
    expect(final.asylumStatus).toBe('final');
    expect(final.deadlines.map((d) => [d.kind, d.dueOn])).toEqual([
      ['voluntary_departure', addDays(todayInSweden(), 28)],
    ]);
    const rows = await t.database.db.select().from(childDeadlines).where(eq(childDeadlines.childId, w.child.id));
    expect(rows.map((r) => `${r.kind}:${r.status}`).sort()).toEqual([
      'appeal:done',
      'becomes_final:superseded',
      'voluntary_departure:open',
    ]);
  });

  it('409 on a closed case, nothing written', async () => {
    const w = await buildHubWorld(t);
    await t.database.db.update(children).set({ caseStatus: 'closed' }).where(eq(children.id, w.child.id));
    const res = await w.clients.social_worker.post(eventsUrl(w), rejection());
    expect(res.statusCode).toBe(409);
    expect(await t.database.db.select().from(childEvents).where(eq(childEvents.childId, w.child.id))).toEqual([]);
  });
});

describe('GET /api/children/:id/events and /deadlines', () => {
  it('401, 404 outside, 403 for the narrow view, 400 for a bad id, and the list for the hub', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'contact_person', rejection(1));
    for (const path of ['events', 'deadlines']) {
      const url = `/api/children/${w.child.id}/${path}`;
      expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
      expect((await w.clients.outsider.get(url)).statusCode).toBe(404);
      expect((await w.clients.volunteer.get(url)).statusCode).toBe(403);
      expect((await w.clients.social_worker.get(`/api/children/not-a-uuid/${path}`)).statusCode).toBe(400);
    }
    const events = (await w.clients.school_mentor.get(`/api/children/${w.child.id}/events`)).json();
    expect(events.items).toHaveLength(1);
    expect(events.recordable).toEqual(['wellbeing_changed', 'school_absence', 'absconded', 'found']);
    // The rejection itself reaches the whole hub; the HVB's note on it is not shared with the school.
    expect(events.items[0]).toMatchObject({
      type: 'asylum_rejected',
      noteWithheld: true,
      category: 'asylum_case',
      recordedBy: { displayName: 'Karin Berg' },
    });
    expect(events.items[0]).not.toHaveProperty('note');
    expect(events.someWithheld).toBe(true);
    await consentForHub(w, ['asylum_case'], ['hvb', 'school']);
    const shared = (await w.clients.school_mentor.get(`/api/children/${w.child.id}/events`)).json();
    expect(shared.items[0]).toMatchObject({ note: 'Avslag, se beslutet', noteWithheld: false });
    expect(shared.someWithheld).toBe(false);
    const deadlines = (await w.clients.manager.get(`/api/children/${w.child.id}/deadlines`)).json();
    expect(deadlines.items.map((d: { kind: string }) => d.kind)).toEqual(['appeal', 'becomes_final']);
  });
});

describe('GET /api/me/deadlines', () => {
  it('401; my children’s open deadlines only; none for the civil-society member or an outsider', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'contact_person', rejection(1));
    expect((await anonymous(t.app).get('/api/me/deadlines')).statusCode).toBe(401);
    const mine = (await w.clients.god_man.get('/api/me/deadlines')).json();
    expect(mine.items.map((d: { kind: string; childName: string }) => `${d.kind}:${d.childName}`)).toEqual([
      'appeal:Amir',
      'becomes_final:Amir',
    ]);
    expect((await w.clients.volunteer.get('/api/me/deadlines')).json().items).toEqual([]);
    expect((await w.clients.outsider.get('/api/me/deadlines')).json().items).toEqual([]);
  });
});
