import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../../common/schemas/children.ts';
import { auditLog } from '../../../audit/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../../test/harness.ts';
import { addDays } from '../../children/dates.ts';
import { forumQuestions } from './tables.ts';
import { buildLevelsWorld, type LevelsWorld } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();
const url = (w: LevelsWorld) => `/api/collaborations/${w.id}/questions`;
const q = { title: 'Tolk vid utvecklingssamtal', text: 'Vem bokar och betalar tolk till skolans utvecklingssamtal?' };

async function raised(w: LevelsWorld) {
  const res = await w.clients.mentor.post(url(w), q);
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>();
}

describe('POST /api/collaborations/:id/questions', () => {
  it('401, 404 outside the collaboration or not yet accepted, 403 for civil society, 400 at the fields', async () => {
    const w = await buildLevelsWorld(t);
    expect((await anonymous(t.app).post(url(w), q)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url(w), q)).statusCode).toBe(404);
    expect((await w.clients.invited_town.post(url(w), q)).statusCode).toBe(404);
    expect((await w.clients.mentor.post(`/api/collaborations/${randomUUID()}/questions`, q)).statusCode).toBe(404);
    expect((await w.clients.volunteer.post(url(w), q)).statusCode).toBe(403);
    const bad = await w.clients.mentor.post(url(w), { title: ' ', text: 'x'.repeat(5000) });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['body.text', 'body.title']);
  });

  it('any staff member of either municipality raises one; the register lists it, open and unowned', async () => {
    const w = await buildLevelsWorld(t);
    await raised(w);
    expect((await w.clients.other_town.post(url(w), { ...q, title: 'Från Ragunda' })).statusCode).toBe(201);
    const list = (await w.clients.coordinator.get(url(w))).json<{
      items: { title: string; status: string; owner: null }[];
    }>();
    expect(list.items.map((i) => i.title).sort()).toEqual(['Från Ragunda', q.title]);
    expect(list.items.every((i) => i.status === 'open' && i.owner === null)).toBe(true);
  });
});

describe('POST /api/children/:id/general-questions', () => {
  const hubUrl = (w: LevelsWorld) => `/api/children/${w.child.id}/general-questions`;

  it('401, 404 outside the hub, 403 for civil society, 400 for an unknown collaboration', async () => {
    const w = await buildLevelsWorld(t);
    const body = { ...q, collaborationId: w.id };
    expect((await anonymous(t.app).post(hubUrl(w), body)).statusCode).toBe(401);
    expect((await w.clients.mentor2.post(hubUrl(w), body)).statusCode).toBe(404);
    expect((await w.clients.other_town.post(hubUrl(w), body)).statusCode).toBe(404);
    expect((await w.clients.volunteer.post(hubUrl(w), body)).statusCode).toBe(403);
    const unknown = await w.clients.mentor.post(hubUrl(w), { ...q, collaborationId: randomUUID() });
    expect(paths(unknown.json())).toEqual(['body.collaborationId']);
  });

  it('refuses the child’s name or case number at the field, and stores nothing', async () => {
    const w = await buildLevelsWorld(t);
    const named = await w.clients.mentor.post(hubUrl(w), {
      collaborationId: w.id,
      title: 'Fråga om AMIR',
      text: 'Ärende 1234 5678: vem bokar tolk?',
    });
    expect(named.statusCode).toBe(400);
    expect(paths(named.json())).toEqual(['body.text', 'body.title']);
    expect(JSON.stringify(named.json())).not.toContain('Amir');
    const rows = await t.database.db.select().from(forumQuestions).where(eq(forumQuestions.collaborationId, w.id));
    expect(rows).toEqual([]);
  });

  it('stores a question with no trace of the child, and an audit row that does not name the child', async () => {
    const w = await buildLevelsWorld(t);
    const res = await w.clients.mentor.post(hubUrl(w), { ...q, collaborationId: w.id });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ id: string; origin: string }>();
    expect(body.origin).toBe('hub');
    const [row] = await t.database.db.select().from(forumQuestions).where(eq(forumQuestions.id, body.id));
    expect(JSON.stringify(row)).not.toContain(w.child.id);
    const logs = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, body.id), eq(auditLog.action, 'forum_question.raise')));
    expect(logs).toHaveLength(1);
    expect(logs[0]!.childId).toBeNull();
    expect(JSON.stringify(logs[0]!.detail)).not.toContain(w.child.id);
    // The forum of the other municipality sees the question, and nothing of the child.
    const seen = await w.clients.other_town.get(url(w));
    expect(seen.body).toContain(q.title);
    expect(seen.body).not.toContain(w.child.id);
    expect(seen.body).not.toContain('Amir');
  });
});

describe('handling: owner, due date, escalation, answer', () => {
  it('403 for staff who do not run the forum; every owner has a due date; overdue is shown', async () => {
    const w = await buildLevelsWorld(t);
    const { id } = await raised(w);
    const u = `${url(w)}/${id}`;
    expect((await w.clients.mentor.patch(u, { answer: 'Skolan.' })).statusCode).toBe(403);
    expect((await w.clients.coordinator.patch(`${url(w)}/${randomUUID()}`, { answer: 'x' })).statusCode).toBe(404);
    const noDate = await w.clients.forum_rep.patch(u, { ownerUserId: w.people.manager.id });
    expect(paths(noDate.json())).toEqual(['body.dueOn']);
    const stranger = await w.clients.forum_rep.patch(u, { ownerUserId: w.people.outsider.id, dueOn: '2020-01-01' });
    expect(paths(stranger.json())).toEqual(['body.dueOn', 'body.ownerUserId']);
    const owned = await w.clients.forum_rep.patch(u, { ownerUserId: w.people.manager.id, dueOn: todayInSweden() });
    expect(owned.statusCode).toBe(200);
    expect(owned.json()).toMatchObject({ owner: { id: w.people.manager.id }, overdue: false });
    await t.database.db
      .update(forumQuestions)
      .set({ dueOn: addDays(todayInSweden(), -1) })
      .where(eq(forumQuestions.id, id));
    const list = (await w.clients.mentor.get(url(w))).json<{ items: { overdue: boolean }[] }>();
    expect(list.items[0]!.overdue).toBe(true);
  });

  it('escalates to the strategic level, which answers; the answer comes back down to the forum', async () => {
    const w = await buildLevelsWorld(t);
    const { id } = await raised(w);
    const u = `${url(w)}/${id}`;
    expect((await w.clients.strategic_rep.post(`${u}/escalate`, { reason: 'Kostnadsfråga' })).statusCode).toBe(403);
    const up = await w.clients.forum_rep.post(`${u}/escalate`, { reason: 'Kräver beslut om budget.' });
    expect(up.json()).toMatchObject({ level: 'strategic', status: 'escalated' });
    expect((await w.clients.forum_rep.post(`${u}/escalate`, { reason: 'igen' })).statusCode).toBe(403);
    expect((await w.clients.forum_rep.patch(u, { answer: 'Forum svarar' })).statusCode).toBe(403);
    const answer = await w.clients.strategic_rep.patch(u, { answer: 'Skolan bokar, IFO betalar.' });
    expect(answer.json()).toMatchObject({
      level: 'operational',
      status: 'answered',
      answer: 'Skolan bokar, IFO betalar.',
    });
    expect((await w.clients.forum_rep.patch(u, { answer: 'Igen' })).statusCode).toBe(409);
    const list = (await w.clients.mentor.get(`${url(w)}?level=operational&status=answered`)).json<{
      items: unknown[];
    }>();
    expect(list.items).toHaveLength(1);
  });

  it('a forum meeting takes the question onto its agenda', async () => {
    const w = await buildLevelsWorld(t);
    const { id } = await raised(w);
    const meeting = await w.clients.coordinator.post('/api/meetings', {
      kind: 'operational_forum',
      collaborationId: w.id,
      title: 'Forum december',
      startsAt: `${addDays(todayInSweden(), 7)}T09:00`,
      endsAt: `${addDays(todayInSweden(), 7)}T11:00`,
    });
    expect(meeting.statusCode).toBe(201);
    const mid = meeting.json<{ id: string }>().id;
    const bad = await w.clients.coordinator.post(`${url(w)}/${id}/take`, { meetingId: randomUUID() });
    expect(paths(bad.json())).toEqual(['body.meetingId']);
    const taken = await w.clients.coordinator.post(`${url(w)}/${id}/take`, { meetingId: mid });
    expect(taken.json()).toMatchObject({ status: 'taken', meetingId: mid });
    // The other municipality's representative sees the meeting and its agenda.
    const seen = await w.clients.other_town.get(`/api/meetings/${mid}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<{ agenda: { title: string }[] }>().agenda.map((a) => a.title)).toEqual([q.title]);
    expect((await w.clients.outsider.get(`/api/meetings/${mid}`)).statusCode).toBe(404);
  });
});
