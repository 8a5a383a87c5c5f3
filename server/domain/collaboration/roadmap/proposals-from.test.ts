import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../../common/schemas/children.ts';
import type { Proposal } from '../../../../common/schemas/collaboration-roadmap.ts';
import { auditLog } from '../../../audit/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../../test/harness.ts';
import { addDays } from '../../children/dates.ts';
import { buildLevelsWorld, type LevelsWorld } from '../operational/test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();
const base = (w: LevelsWorld) => `/api/collaborations/${w.id}`;

async function audited(entityId: string, action: string) {
  return t.database.db
    .select({ detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));
}

async function register(w: LevelsWorld) {
  return (await w.clients.forum_rep.get(`${base(w)}/proposals`)).json<{ proposals: Proposal[] }>().proposals;
}

describe('a development proposal made from a barrier', () => {
  it('one action: the proposal names the barrier, the barrier lists the proposal; 409 twice; audited', async () => {
    const w = await buildLevelsWorld(t);
    const made = await w.clients.forum_rep.post(`${base(w)}/barriers`, {
      type: 'knowledge',
      description: 'Skolan vet inte när den får dela uppgifter med socialtjänsten.',
      ownerUserId: w.people.forum_rep.id,
      dueOn: addDays(todayInSweden(), 30),
      level: 'operational',
    });
    const barrierId = made.json<{ id: string }>().id;
    const url = `${base(w)}/barriers/${barrierId}/proposal`;
    expect((await anonymous(t.app).post(url)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url)).statusCode).toBe(404);
    expect((await w.clients.mentor.post(url)).statusCode).toBe(403);
    expect((await w.clients.forum_rep.post(`${base(w)}/barriers/${randomUUID()}/proposal`)).statusCode).toBe(404);
    const bad = await w.clients.forum_rep.post(`${base(w)}/barriers/not-an-id/proposal`);
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['params.barrierId']);

    const res = await w.clients.forum_rep.post(url);
    expect(res.statusCode).toBe(201);
    const { barrier, proposal } = res.json<{ barrier: { proposalIds: string[] }; proposal: Proposal }>();
    expect(barrier.proposalIds).toEqual([proposal.id]);
    expect(proposal).toMatchObject({
      origin: 'barrier',
      status: 'proposed',
      title: 'Skolan vet inte när den får dela uppgifter med socialtjänsten.',
      source: { kind: 'barrier', id: barrierId, level: 'operational', mapId: null },
    });
    expect((await register(w)).find((p) => p.id === proposal.id)!.source).toMatchObject({ id: barrierId });
    const again = await w.clients.forum_rep.post(url);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'already_proposed' });
    expect(await register(w)).toHaveLength(1);
    expect(await audited(barrierId, 'barrier.propose')).toEqual([{ detail: { proposalId: proposal.id } }]);
  });

  it("another collaboration's barrier is not found under this one", async () => {
    const w = await buildLevelsWorld(t);
    const v = await buildLevelsWorld(t);
    const theirs = await v.clients.forum_rep.post(`${base(v)}/barriers`, {
      type: 'rules',
      description: 'Deras hinder',
      ownerUserId: v.people.forum_rep.id,
      dueOn: addDays(todayInSweden(), 9),
      level: 'operational',
    });
    const id = theirs.json<{ id: string }>().id;
    expect((await w.clients.forum_rep.post(`${base(w)}/barriers/${id}/proposal`)).statusCode).toBe(404);
    expect((await v.clients.forum_rep.get(`${base(v)}/barriers`)).json()).toMatchObject({
      items: [{ proposalIds: [] }],
    });
  });
});

describe('a development proposal made from a forum question', () => {
  it('one action: the proposal names the question, the question names the proposal; 409 twice; audited', async () => {
    const w = await buildLevelsWorld(t);
    const q = (
      await w.clients.mentor.post(`${base(w)}/questions`, {
        title: 'Vem bokar tolk till utvecklingssamtal?',
        text: 'Skolan och socialtjänsten tror båda att den andra gör det.',
      })
    ).json<{ id: string }>();
    const url = `${base(w)}/questions/${q.id}/proposal`;
    expect((await anonymous(t.app).post(url)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url)).statusCode).toBe(404);
    expect((await w.clients.mentor.post(url)).statusCode).toBe(403);
    expect((await w.clients.forum_rep.post(`${base(w)}/questions/${randomUUID()}/proposal`)).statusCode).toBe(404);
    const bad = await w.clients.forum_rep.post(`${base(w)}/questions/123/proposal`);
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['params.questionId']);

    const res = await w.clients.forum_rep.post(url);
    expect(res.statusCode).toBe(201);
    const { question, proposal } = res.json<{ question: { proposalId: string }; proposal: Proposal }>();
    expect(question.proposalId).toBe(proposal.id);
    expect(proposal).toMatchObject({
      origin: 'forum_question',
      title: 'Vem bokar tolk till utvecklingssamtal?',
      description: 'Skolan och socialtjänsten tror båda att den andra gör det.',
      source: { kind: 'forum_question', id: q.id, title: 'Vem bokar tolk till utvecklingssamtal?' },
    });
    const listed = (await w.clients.mentor.get(`${base(w)}/questions`)).json<{
      items: { id: string; proposalId: string }[];
    }>();
    expect(listed.items.find((x) => x.id === q.id)!.proposalId).toBe(proposal.id);
    expect((await w.clients.forum_rep.post(url)).statusCode).toBe(409);
    expect(await register(w)).toHaveLength(1);
    expect(await audited(q.id, 'forum_question.propose')).toEqual([{ detail: { proposalId: proposal.id } }]);
  });
});
