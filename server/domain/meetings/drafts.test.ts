import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import type { FirstMeeting } from '../../../common/schemas/hub.ts';
import type { MeetingList } from '../../../common/schemas/meetings.ts';
import type { Today } from '../../../common/schemas/tasks.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { noticesOf, record, runJobs } from '../events/test-helpers.ts';
import { buildHubWorld, type HubWorld } from '../hub/test-world.ts';
import { suggestedDay } from './drafts.ts';
import { toLocal } from './stockholm.ts';
import { getMeeting, localAt, paths, schedule } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const wellbeing = () => ({ type: 'wellbeing_changed', occurredOn: todayInSweden(), source: 'residence' });

async function upcoming(w: HubWorld, who: keyof HubWorld['clients'] = 'social_worker') {
  const res = await w.clients[who].get(`/api/children/${w.child.id}/meetings?when=upcoming`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MeetingList>().items;
}

async function proposalsOnStartPage(w: HubWorld) {
  const res = await w.clients.social_worker.get('/api/me/today');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Today>().proposals;
}

/** Records a changed wellbeing, runs the routing job and returns the drafted meeting's id. */
async function drafted(w: HubWorld): Promise<string> {
  await record(w, 'contact_person', wellbeing());
  await runJobs(t, w);
  const proposal = (await noticesOf(t, w.people.social_worker.id)).find((n) => n.kind === 'proposal.hub_meeting');
  expect(proposal?.params).toMatchObject({ drafted: true });
  return proposal!.link.replace('/meetings/', '');
}

describe('a changed wellbeing drafts a hub meeting', () => {
  it('the hub staff invited on a suggested day, unresolved on the child’s summary and the start page', async () => {
    const w = await buildHubWorld(t);
    const id = await drafted(w);
    const m = await getMeeting(w.clients.social_worker, id);
    expect(m).toMatchObject({ kind: 'hub', status: 'planned' });
    expect(m.organiser.userId).toBe(w.people.social_worker.id);
    expect(toLocal(new Date(m.startsAt))).toBe(`${suggestedDay(new Date())}T09:00`);
    const invited = m.participants.map((p) => p.userId).sort();
    expect(invited).toEqual(
      [w.people.social_worker.id, w.people.god_man.id, w.people.contact_person.id, w.people.school_mentor.id].sort(),
    );
    expect(invited).not.toContain(w.people.volunteer.id); // civil society is never invited
    // A draft sends nothing: the invitation waits on the god man's tasks, unanswered.
    expect((await noticesOf(t, w.people.god_man.id)).map((n) => n.kind)).not.toContain('meeting.invited');
    const tasks = (await w.clients.god_man.get('/api/me/tasks')).json<{ items: { kind: string; link: string }[] }>();
    expect(tasks.items.filter((x) => x.kind === 'invitation').map((x) => x.link)).toEqual([`/meetings/${id}`]);

    expect((await upcoming(w)).find((x) => x.id === id)).toMatchObject({ proposed: true });
    expect((await proposalsOnStartPage(w)).map((p) => p.id)).toEqual([id]);
    // Others see the meeting but hold no proposal of their own.
    expect((await w.clients.god_man.get('/api/me/today')).json<Today>().proposals).toEqual([]);

    // A second change while it stands drafts no second meeting; the notice leads to the same one.
    await record(w, 'god_man', { ...wellbeing(), confirmDuplicate: true });
    await runJobs(t, w);
    expect((await upcoming(w)).filter((x) => x.proposed)).toHaveLength(1);
  });

  it('stays unresolved until cancelled with a reason (400 at the field without one)', async () => {
    const w = await buildHubWorld(t);
    const id = await drafted(w);
    const bare = await w.clients.social_worker.post(`/api/meetings/${id}/cancel`, {});
    expect(bare.statusCode).toBe(400);
    expect(paths(bare.json())).toEqual(['body.reason']);
    const blank = await w.clients.social_worker.post(`/api/meetings/${id}/cancel`, { reason: '  ' });
    expect(paths(blank.json())).toEqual(['body.reason']);
    expect((await proposalsOnStartPage(w)).map((p) => p.id)).toEqual([id]);

    const ok = await w.clients.social_worker.post(`/api/meetings/${id}/cancel`, {
      reason: 'Vi tar det på det ordinarie mötet på fredag.',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Vi tar det på det ordinarie mötet på fredag.',
    });
    expect(await proposalsOnStartPage(w)).toEqual([]);
    expect((await upcoming(w)).some((x) => x.id === id)).toBe(false);
  });

  it('is resolved when held', async () => {
    const w = await buildHubWorld(t);
    const id = await drafted(w);
    expect((await w.clients.social_worker.post(`/api/meetings/${id}/start`, {})).statusCode).toBe(200);
    expect((await upcoming(w)).find((x) => x.id === id)).toMatchObject({ status: 'in_progress', proposed: false });
    expect(await proposalsOnStartPage(w)).toEqual([]);
  });

  it('a hub without a social worker gets the proposal as a notice only, no draft', async () => {
    const w = await buildHubWorld(t);
    const ended = await w.clients.social_worker.post(
      `/api/children/${w.child.id}/hub/members/${w.members.social_worker}/end`,
      { confirm: true },
    );
    expect(ended.statusCode, ended.body).toBe(200);
    await record(w, 'contact_person', wellbeing());
    await runJobs(t, w);
    expect((await upcoming(w, 'god_man')).filter((x) => x.proposed)).toEqual([]);
  });
});

describe('the first hub meeting and its checklist', () => {
  const firstMeeting = async (w: HubWorld) =>
    (await w.clients.god_man.get(`/api/children/${w.child.id}/first-meeting`)).json<FirstMeeting>();

  it('scheduling a first hub meeting links it; holding it ticks "meeting held"', async () => {
    const w = await buildHubWorld(t);
    expect((await firstMeeting(w)).meeting).toBeNull();
    const m = await schedule(w, { kind: 'first_hub', startsAt: localAt(5, 13), endsAt: localAt(5, 14) });
    const linked = await firstMeeting(w);
    expect(linked.meeting).toMatchObject({ id: m.id, status: 'planned' });
    expect(linked.proposedOn).toBe(localAt(5).slice(0, 10));
    expect(linked.items.find((i) => i.item === 'meeting_held')).toMatchObject({ done: false });

    // A hub meeting, or a second first hub meeting, neither replaces the link nor ticks anything.
    const other = await schedule(w, { kind: 'first_hub', startsAt: localAt(9, 13), endsAt: localAt(9, 14) });
    const hub = await schedule(w);
    expect((await w.clients.social_worker.post(`/api/meetings/${hub.id}/start`, {})).statusCode).toBe(200);
    expect((await w.clients.social_worker.post(`/api/meetings/${other.id}/start`, {})).statusCode).toBe(200);
    expect((await firstMeeting(w)).meeting?.id).toBe(m.id);
    expect((await firstMeeting(w)).items.find((i) => i.item === 'meeting_held')).toMatchObject({ done: false });

    expect((await w.clients.social_worker.post(`/api/meetings/${m.id}/start`, {})).statusCode).toBe(200);
    const held = await firstMeeting(w);
    expect(held.meeting).toMatchObject({ id: m.id, status: 'in_progress' });
    expect(held.items.find((i) => i.item === 'meeting_held')).toMatchObject({ done: true, recordedBy: 'Sara Lind' });
    expect(held.open).toBe(true); // the guide's other items are still to do
  });
});
