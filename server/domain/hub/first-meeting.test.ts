import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistItems } from '../../../common/schemas/hub.ts';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { buildChild } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { addDays } from '../children/dates.ts';
import { buildHubWorld } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();

describe('GET /api/children/:id/first-meeting', () => {
  it('401, 404 outside, 403 for civil society', async () => {
    const w = await buildHubWorld(t);
    const url = `/api/children/${w.child.id}/first-meeting`;
    expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    expect((await w.clients.outsider.get(url)).statusCode).toBe(404);
    expect((await w.clients.volunteer.get(url)).statusCode).toBe(403);
  });

  it('lists the core three and the six items of the guide, all open', async () => {
    const w = await buildHubWorld(t);
    const body = (await w.clients.school_mentor.get(`/api/children/${w.child.id}/first-meeting`)).json();
    expect(body.participants.map((p: { displayName: string }) => p.displayName)).toEqual([
      'Sara Lind',
      'Göran Ek',
      'Karin Berg',
    ]);
    expect(body.items.map((i: { item: string }) => i.item)).toEqual([...checklistItems]);
    expect(body).toMatchObject({ open: true, abilities: { record: false } });
  });

  it('Navet proposes the meeting when the hub gets its core three', async () => {
    const w = await buildHubWorld(t);
    const child = await buildChild(t.database.db, {
      tenantId: w.tenant.id,
      hub: [
        { user: w.people.social_worker, hubRole: 'social_worker' },
        { user: w.people.contact_person, hubRole: 'contact_person' },
      ],
    });
    const url = `/api/children/${child.id}/first-meeting`;
    expect((await w.clients.social_worker.get(url)).json().proposedAt).toBeNull();
    const add = await w.clients.social_worker.post(`/api/children/${child.id}/hub/members`, {
      userId: w.people.god_man.id,
      hubRole: 'god_man',
    });
    expect(add.statusCode).toBe(201);
    const meeting = (await w.clients.social_worker.get(url)).json();
    expect(meeting.proposedOn).toBe(addDays(todayInSweden(), 7));
    expect(meeting.participants).toHaveLength(3);
  });
});

describe('recording the first meeting', () => {
  it('PUT item: 401, 404 outside, 403 beyond the core three, 400 with field paths', async () => {
    const w = await buildHubWorld(t);
    const url = `/api/children/${w.child.id}/first-meeting/items/put_faces`;
    expect((await anonymous(t.app).put(url, { done: true })).statusCode).toBe(401);
    expect((await w.clients.outsider.put(url, { done: true })).statusCode).toBe(404);
    expect((await w.clients.school_mentor.put(url, { done: true })).statusCode).toBe(403);
    const badItem = await w.clients.god_man.put(`/api/children/${w.child.id}/first-meeting/items/coffee`, {
      done: true,
    });
    expect(paths(badItem.json())).toEqual(['params.item']);
    const badBody = await w.clients.god_man.put(url, { done: 'yes', note: 'x'.repeat(2001) });
    expect(paths(badBody.json())).toEqual(['body.done', 'body.note']);
  });

  it('the checklist stays open until every item is done, then the flag clears', async () => {
    const w = await buildHubWorld(t);
    const base = `/api/children/${w.child.id}/first-meeting/items`;
    for (const item of checklistItems.slice(0, -1)) {
      const res = await w.clients.contact_person.put(`${base}/${item}`, { done: true, note: `Agreed: ${item}` });
      expect(res.statusCode).toBe(200);
    }
    const child = () => w.clients.social_worker.get(`/api/children/${w.child.id}`);
    expect((await child()).json().flags.firstMeetingOpen).toBe(true);
    const last = await w.clients.god_man.put(`${base}/child_told_who_to_ask`, { done: true, note: null });
    expect(last.json()).toMatchObject({ open: false });
    expect(last.json().items.find((i: { item: string }) => i.item === 'put_faces')).toMatchObject({
      done: true,
      note: 'Agreed: put_faces',
      recordedBy: 'Karin Berg',
    });
    expect((await child()).json().flags.firstMeetingOpen).toBe(false);
    // Undoing an item reopens it.
    await w.clients.god_man.put(`${base}/put_faces`, { done: false });
    expect((await child()).json().flags.firstMeetingOpen).toBe(true);
  });

  it('PUT proposed date: a past date is refused; the core three may move it', async () => {
    const w = await buildHubWorld(t);
    const url = `/api/children/${w.child.id}/first-meeting`;
    expect((await w.clients.school_mentor.put(url, { proposedOn: todayInSweden() })).statusCode).toBe(403);
    const past = await w.clients.social_worker.put(url, { proposedOn: '2020-02-02' });
    expect(paths(past.json())).toEqual(['body.proposedOn']);
    const date = addDays(todayInSweden(), 10);
    const res = await w.clients.social_worker.put(url, { proposedOn: date });
    expect(res.json().proposedOn).toBe(date);
    const timeline = (await w.clients.social_worker.get(`/api/children/${w.child.id}/timeline`)).json();
    expect(timeline.items[0]).toMatchObject({ action: 'hub.first_meeting_updated', detail: { proposedOn: date } });
  });
});
