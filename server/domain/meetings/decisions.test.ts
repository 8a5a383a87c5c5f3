import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import type { Decision } from '../../../common/schemas/meetings.ts';
import { runDueJobs } from '../../jobs/index.ts';
import { notifications } from '../../notify/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { addDays } from '../children/dates.ts';
import { buildHubWorld, type HubWorld, type Person } from '../hub/test-world.ts';
import { reminderAt } from './notices.ts';
import { getMeeting, localAt, paths, schedule } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const today = () => todayInSweden();

async function decide(w: HubWorld, meetingId: string, owner: Person, dueOn: string, text = 'Göran ringer advokaten') {
  const res = await w.clients.social_worker.post(`/api/meetings/${meetingId}/decisions`, {
    text,
    ownerUserId: w.people[owner].id,
    dueOn,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Decision>();
}

const overdueNotices = (w: HubWorld, userId: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'decision.overdue')));

describe('POST /api/meetings/:id/decisions', () => {
  it('401, 404, 403; 400 without owner or due date, for an owner outside the hub, a date before the meeting', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const url = `/api/meetings/${m.id}/decisions`;
    const body = { text: 'x', ownerUserId: w.people.god_man.id, dueOn: addDays(today(), 10) };
    expect((await anonymous(t.app).post(url, body)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url, body)).statusCode).toBe(404);
    expect((await w.clients.social_worker.post(`/api/meetings/${randomUUID()}/decisions`, body)).statusCode).toBe(404);
    expect((await w.clients.manager.post(url, body)).statusCode).toBe(403);
    expect(paths((await w.clients.social_worker.post(url, { text: 'x' })).json())).toEqual([
      'body.dueOn',
      'body.ownerUserId',
    ]);
    const outside = await w.clients.social_worker.post(url, { ...body, ownerUserId: w.people.outsider.id });
    expect(paths(outside.json())).toEqual(['body.ownerUserId']);
    const early = await w.clients.social_worker.post(url, { ...body, dueOn: addDays(today(), 1) });
    expect(paths(early.json())).toEqual(['body.dueOn']);
    const item = await w.clients.social_worker.post(url, { ...body, agendaItemId: randomUUID() });
    expect(paths(item.json())).toEqual(['body.agendaItemId']);
    expect((await getMeeting(w.clients.social_worker, m.id)).decisions).toEqual([]);
  });

  it('records decisions during the meeting, not after it is closed', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    await w.clients.social_worker.post(`/api/meetings/${m.id}/start`);
    const d = await decide(w, m.id, 'god_man', addDays(today(), 14));
    expect(d).toMatchObject({
      status: 'open',
      overdue: false,
      owner: { displayName: 'Göran Ek' },
      meetingTitle: m.title,
    });
    await w.clients.social_worker.post(`/api/meetings/${m.id}/close`);
    const late = await w.clients.social_worker.post(`/api/meetings/${m.id}/decisions`, {
      text: 'x',
      ownerUserId: w.people.god_man.id,
      dueOn: addDays(today(), 14),
    });
    expect(late.json().error).toBe('meeting_closed');
  });
});

describe('PATCH /api/decisions/:id', () => {
  it('401, 404, 403 for others than the owner and the core three, 400 for dropping without a reason', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const d = await decide(w, m.id, 'contact_person', addDays(today(), 14));
    const url = `/api/decisions/${d.id}`;
    expect((await anonymous(t.app).patch(url, { status: 'done' })).statusCode).toBe(401);
    expect((await w.clients.outsider.patch(url, { status: 'done' })).statusCode).toBe(404);
    expect((await w.clients.god_man.patch(`/api/decisions/${randomUUID()}`, { status: 'done' })).statusCode).toBe(404);
    expect((await w.clients.school_mentor.patch(url, { status: 'done' })).statusCode).toBe(403);
    expect((await w.clients.volunteer.patch(url, { status: 'done' })).statusCode).toBe(403);
    expect(paths((await w.clients.contact_person.patch(url, { status: 'dropped' })).json())).toEqual([
      'body.dropReason',
    ]);
    expect(paths((await w.clients.god_man.patch(url, { ownerUserId: w.people.outsider.id })).json())).toEqual([
      'body.ownerUserId',
    ]);
    const dropped = await w.clients.contact_person.patch(url, {
      status: 'dropped',
      dropReason: 'Inte längre aktuellt',
    });
    expect(dropped.json()).toMatchObject({ status: 'dropped', dropReason: 'Inte längre aktuellt' });
    const reopened = await w.clients.god_man.patch(url, { status: 'open', ownerUserId: w.people.school_mentor.id });
    expect(reopened.json()).toMatchObject({ status: 'open', dropReason: null, owner: { displayName: 'Mats Holm' } });
    expect((await w.clients.school_mentor.patch(url, { status: 'done' })).json().status).toBe('done');
  });
});

describe('overdue decisions: flagged, listed, reminded', () => {
  it('a decision of a past meeting past its due date is flagged on the child and on its owner’s task list', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w, { startsAt: localAt(-10, 9), endsAt: localAt(-10, 10) });
    const late = await decide(w, m.id, 'god_man', addDays(today(), -3), 'Ansöka om fritidskort');
    await decide(w, m.id, 'god_man', addDays(today(), 20), 'Boka tandläkare');
    expect(late.overdue).toBe(true);

    const url = `/api/children/${w.child.id}/decisions`;
    expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    expect((await w.clients.outsider.get(url)).statusCode).toBe(404);
    expect((await w.clients.volunteer.get(url)).statusCode).toBe(403);
    expect(paths((await w.clients.god_man.get(`${url}?status=late`)).json())).toEqual(['query.status']);
    const list = (await w.clients.social_worker.get(url)).json();
    expect(list.overdueCount).toBe(1);
    expect(list.items.map((d: Decision) => [d.text, d.overdue])).toEqual([
      ['Ansöka om fritidskort', true],
      ['Boka tandläkare', false],
    ]);

    const tasks = (await w.clients.god_man.get('/api/me/tasks')).json();
    expect(tasks.overdueCount).toBe(1);
    expect(tasks.items[0]).toMatchObject({
      kind: 'decision',
      id: late.id,
      overdue: true,
      child: { id: w.child.id, displayName: 'Amir' },
      link: `/meetings/${m.id}`,
    });
    // Someone else's decision is not on one's list; nor is an unanswered invitation to a meeting already past.
    expect((await w.clients.contact_person.get('/api/me/tasks')).json().items).toEqual([]);

    // The reminder was due the morning after the due date: the next run sends it, once.
    await runDueJobs(t.deps, new Date(), { tenantId: w.tenant.id });
    await runDueJobs(t.deps, new Date(), { tenantId: w.tenant.id });
    const notes = await overdueNotices(w, w.people.god_man.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ link: '/tasks', childId: w.child.id, sourceId: late.id });
  });

  it('a reminder waits for the morning after the due date, and is skipped once the decision is done', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const due = addDays(today(), 9);
    const d1 = await decide(w, m.id, 'contact_person', due, 'Första');
    const d2 = await decide(w, m.id, 'contact_person', due, 'Andra');
    const run = (now: Date) => runDueJobs(t.deps, now, { tenantId: w.tenant.id });
    await run(new Date(reminderAt(due).getTime() - 60_000));
    expect(await overdueNotices(w, w.people.contact_person.id)).toHaveLength(0);
    await w.clients.contact_person.patch(`/api/decisions/${d2.id}`, { status: 'done' });
    await run(new Date(reminderAt(due).getTime() + 60_000));
    const notes = await overdueNotices(w, w.people.contact_person.id);
    expect(notes.map((n) => n.sourceId)).toEqual([d1.id]);
  });
});

describe('follow-up: the first agenda item of the next meeting', () => {
  it('lists the earlier meeting’s open decisions and those closed since it', async () => {
    const w = await buildHubWorld(t);
    const first = await schedule(w, { startsAt: localAt(-14, 9), endsAt: localAt(-14, 10) });
    const open = await decide(w, first.id, 'god_man', addDays(today(), 5), 'Öppet beslut');
    const done = await decide(w, first.id, 'contact_person', addDays(today(), 5), 'Klart beslut');
    await w.clients.contact_person.patch(`/api/decisions/${done.id}`, { status: 'done' });
    await w.clients.social_worker.post(`/api/meetings/${first.id}/close`);
    const next = await schedule(w, { startsAt: localAt(7, 9), endsAt: localAt(7, 10) });
    expect(next.followUp.map((d) => [d.id, d.status, d.meetingTitle])).toEqual([
      [open.id, 'open', first.title],
      [done.id, 'done', first.title],
    ]);
    // The follow-up is the next meeting's, not the earlier one's own.
    expect((await getMeeting(w.clients.god_man, first.id)).followUp).toEqual([]);
  });
});
