import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { addDays } from '../children/dates.ts';
import { hubQuestions } from './tables.ts';
import { buildHubWorld, consentForHub, type HubWorld } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();
const soon = () => addDays(todayInSweden(), 3);
const url = (w: HubWorld) => `/api/children/${w.child.id}/questions`;

async function raise(w: HubWorld, owner: keyof HubWorld['members'] = 'contact_person', text = 'How is school?') {
  const res = await w.clients.social_worker.post(url(w), { text, ownerMemberId: w.members[owner], dueOn: soon() });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('POST /api/children/:id/questions', () => {
  it('401, 404 outside, 403 for civil society', async () => {
    const w = await buildHubWorld(t);
    const body = { text: 'x', ownerMemberId: w.members.god_man, dueOn: soon() };
    expect((await anonymous(t.app).post(url(w), body)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url(w), body)).statusCode).toBe(404);
    expect((await w.clients.volunteer.post(url(w), body)).statusCode).toBe(403);
    expect((await w.clients.manager.post(url(w), body)).statusCode).toBe(403);
  });

  it('never "someone": the owner is required and must be an active staff member of this hub', async () => {
    const w = await buildHubWorld(t);
    const noOwner = await w.clients.school_mentor.post(url(w), { text: 'x', dueOn: '2020-01-01' });
    expect(paths(noOwner.json())).toEqual(['body.dueOn', 'body.ownerMemberId']);
    for (const ownerMemberId of [randomUUID(), w.members.volunteer]) {
      const res = await w.clients.school_mentor.post(url(w), { text: 'x', ownerMemberId, dueOn: soon() });
      expect(res.statusCode).toBe(400);
      expect(paths(res.json())).toEqual(['body.ownerMemberId']);
    }
    await w.clients.social_worker.post(`/api/children/${w.child.id}/hub/members/${w.members.school_mentor}/end`, {});
    const ended = await w.clients.social_worker.post(url(w), {
      text: 'x',
      ownerMemberId: w.members.school_mentor,
      dueOn: soon(),
      topic: randomUUID(), // well-formed, but no such tenant topic
    });
    expect(paths(ended.json())).toEqual(['body.ownerMemberId', 'body.topic']);
    expect((await w.clients.social_worker.get(url(w))).json().items).toEqual([]);
  });

  it('creates an open question with one owner', async () => {
    const w = await buildHubWorld(t);
    await consentForHub(w);
    const res = await w.clients.school_mentor.post(url(w), {
      text: 'Does he know what the rejection means?',
      ownerMemberId: w.members.god_man,
      dueOn: soon(),
      topic: 'asylum_case',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'open',
      topic: 'asylum_case',
      overdue: false,
      owner: { memberId: w.members.god_man, displayName: 'Göran Ek', active: true },
    });
  });
});

describe('GET and PATCH /api/children/:id/questions', () => {
  it('GET: 401, 404 outside, 403 for civil society, 400 on a bad status', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).get(url(w))).statusCode).toBe(401);
    expect((await w.clients.outsider.get(url(w))).statusCode).toBe(404);
    expect((await w.clients.volunteer.get(url(w))).statusCode).toBe(403);
    expect(paths((await w.clients.manager.get(`${url(w)}?status=maybe`)).json())).toEqual(['query.status']);
  });

  it('PATCH: the owner closes it, dropping needs a reason, others outside the core get 403', async () => {
    const w = await buildHubWorld(t);
    await consentForHub(w);
    const q = await raise(w, 'contact_person');
    const qUrl = `${url(w)}/${q.id}`;
    expect((await anonymous(t.app).patch(qUrl, { status: 'done' })).statusCode).toBe(401);
    expect((await w.clients.outsider.patch(qUrl, { status: 'done' })).statusCode).toBe(404);
    expect((await w.clients.volunteer.patch(qUrl, { status: 'done' })).statusCode).toBe(404);
    expect((await w.clients.school_mentor.patch(qUrl, { status: 'done' })).statusCode).toBe(403);
    expect((await w.clients.social_worker.patch(`${url(w)}/${randomUUID()}`, { status: 'done' })).statusCode).toBe(404);
    const drop = await w.clients.contact_person.patch(qUrl, { status: 'dropped' });
    expect(drop.statusCode).toBe(400);
    expect(paths(drop.json())).toEqual(['body.dropReason']);
    const dropped = await w.clients.contact_person.patch(qUrl, { status: 'dropped', dropReason: 'Asked already' });
    expect(dropped.json()).toMatchObject({ status: 'dropped', dropReason: 'Asked already' });
    expect(dropped.json().closedAt).not.toBeNull();
    const reopened = await w.clients.god_man.patch(qUrl, { status: 'open', ownerMemberId: w.members.school_mentor });
    expect(reopened.json()).toMatchObject({ status: 'open', dropReason: null, owner: { displayName: 'Mats Holm' } });
    const done = await w.clients.school_mentor.patch(qUrl, { status: 'done' });
    expect(done.json().status).toBe('done');
  });
});

describe('overdue questions and GET /api/me/questions', () => {
  it('401 without a session', async () => {
    expect((await anonymous(t.app).get('/api/me/questions')).statusCode).toBe(401);
  });

  it('an overdue question is flagged on the child and in its owner’s list only', async () => {
    const w = await buildHubWorld(t);
    await consentForHub(w);
    const q = await raise(w, 'contact_person', 'Ask about football');
    await raise(w, 'god_man', 'Ask about the lawyer');
    await t.database.db
      .update(hubQuestions)
      .set({ dueOn: addDays(todayInSweden(), -2) })
      .where(eq(hubQuestions.id, q.id));

    const child = (await w.clients.social_worker.get(`/api/children/${w.child.id}`)).json();
    expect(child.flags).toMatchObject({ overdueQuestions: 1, attention: true });
    const list = (await w.clients.social_worker.get('/api/children')).json();
    expect(list.items[0].flags.overdueQuestions).toBe(1);

    const mine = (await w.clients.contact_person.get('/api/me/questions')).json();
    expect(mine).toMatchObject({
      overdueCount: 1,
      items: [{ id: q.id, overdue: true, child: { id: w.child.id, displayName: 'Amir' } }],
    });
    const gm = (await w.clients.god_man.get('/api/me/questions')).json();
    expect(gm.items.map((i: { text: string }) => i.text)).toEqual(['Ask about the lawyer']);
    expect((await w.clients.social_worker.get('/api/me/questions')).json().items).toEqual([]);
  });

  it('a question whose owner left is flagged and leaves the former owner’s list', async () => {
    const w = await buildHubWorld(t);
    await consentForHub(w);
    await raise(w, 'school_mentor', 'Homework help?');
    expect((await w.clients.school_mentor.get('/api/me/questions')).json().items).toHaveLength(1);
    await w.clients.social_worker.post(`/api/children/${w.child.id}/hub/members/${w.members.school_mentor}/end`, {});
    expect((await w.clients.school_mentor.get('/api/me/questions')).json().items).toEqual([]);
    const child = (await w.clients.social_worker.get(`/api/children/${w.child.id}`)).json();
    expect(child.flags.questionsWithoutOwner).toBe(1);
    const all = (await w.clients.social_worker.get(url(w))).json();
    expect(all.items[0].owner).toMatchObject({ displayName: 'Mats Holm', active: false });
  });
});
