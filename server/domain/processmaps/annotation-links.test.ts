import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Need } from '../../../common/schemas/competence.ts';
import type { Proposal } from '../../../common/schemas/collaboration-roadmap.ts';
import { auditLog } from '../../audit/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildCollabWorld, paths, twoMunicipalities } from '../collaboration/test-world.ts';

/* An annotation of a workshop made a development proposal (step 3) or a competence need (step 4). */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

type Detail = { id: string; annotations: { id: string; proposalId: string | null; competenceNeedId: string | null }[] };
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function world() {
  const w = await buildCollabWorld(t);
  const { id } = await twoMunicipalities(w);
  const c = w.a.clients.coordinator;
  const map = (
    await c.post(`/api/collaborations/${id}/process-maps`, {
      title: 'Asylprocessen',
      level: 'operational',
      start: 'starter',
    })
  ).json<Detail>();
  const url = `/api/collaborations/${id}/process-maps/${map.id}`;
  const note = { elementId: 'Task_FirstHub', kind: 'competence_need', text: 'Skolan känner inte till sekretessen' };
  const a = (await c.post(`${url}/annotations`, note)).json<Detail>().annotations[0]!;
  return { w, id, c, url, map, a };
}

const audited = (entityId: string, action: string) =>
  t.database.db
    .select({ detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

describe('an annotation made a development proposal', () => {
  it('404 outside, 400 at the path, 409 twice, audited, and the register links back to the map', async () => {
    const { id, c, url, map, a } = await world();
    const other = await buildCollabWorld(t);
    expect((await other.a.clients.coordinator.post(`${url}/annotations/${a.id}/proposal`)).statusCode).toBe(404);
    expect((await c.post(`${url}/annotations/${randomUUID()}/proposal`)).statusCode).toBe(404);
    const bad = await c.post(`${url}/annotations/x/proposal`);
    expect(paths(bad.json())).toEqual(['params.annotationId']);
    const res = await c.post(`${url}/annotations/${a.id}/proposal`);
    expect(res.statusCode).toBe(201);
    const { proposalId } = res.json<{ proposalId: string }>();
    expect((await c.post(`${url}/annotations/${a.id}/proposal`)).statusCode).toBe(409);
    const { proposals } = (await c.get(`/api/collaborations/${id}/proposals`)).json<{ proposals: Proposal[] }>();
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({
      id: proposalId,
      source: { kind: 'annotation', id: a.id, mapId: map.id, title: 'Skolan känner inte till sekretessen' },
    });
    expect(await audited(map.id, 'process_map.propose')).toEqual([{ detail: { annotationId: a.id, proposalId } }]);
  });
});

describe('an annotation made a competence need', () => {
  it('401, 404 outside, 403 wrong role, 400 at the fields; one action, linked both ways; 409 twice; audited', async () => {
    const { w, id, c, url, map, a } = await world();
    const target = `${url}/annotations/${a.id}/competence-need`;
    const body = { ownerUserId: w.a.users.coordinator.id, dueOn: inDays(60), priority: 'high' };
    expect((await anonymous(t.app).post(target, body)).statusCode).toBe(401);
    const other = await buildCollabWorld(t);
    expect((await other.a.clients.coordinator.post(target, body)).statusCode).toBe(404);
    expect((await c.post(`${url}/annotations/${randomUUID()}/competence-need`, body)).statusCode).toBe(404);
    expect((await w.b.clients.mentor.post(target, body)).statusCode).toBe(403);
    const bad = await c.post(target, { ownerUserId: 'me', dueOn: 'soon', priority: 'urgent' });
    expect(paths(bad.json())).toEqual(['body.dueOn', 'body.ownerUserId', 'body.priority']);
    const stranger = await c.post(target, { ...body, ownerUserId: other.a.users.coordinator.id });
    expect(paths(stranger.json())).toEqual(['body.ownerUserId']);
    expect((await c.get(url)).json<Detail>().annotations[0]!.competenceNeedId).toBeNull();

    const res = await c.post(target, body);
    expect(res.statusCode).toBe(201);
    const { competenceNeedId, annotation } = res.json<{
      competenceNeedId: string;
      annotation: Detail['annotations'][0];
    }>();
    expect(annotation.competenceNeedId).toBe(competenceNeedId);
    expect((await c.get(url)).json<Detail>().annotations[0]!.competenceNeedId).toBe(competenceNeedId);
    const again = await c.post(target, body);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'already_needed' });
    const { needs } = (await c.get(`/api/collaborations/${id}/competence`)).json<{ needs: Need[] }>();
    expect(needs).toHaveLength(1);
    expect(needs[0]).toMatchObject({
      id: competenceNeedId,
      title: 'Skolan känner inte till sekretessen',
      sourceKind: 'annotation',
      sourceId: a.id,
      sourceMapId: map.id,
      priority: 'high',
    });
    expect(await audited(map.id, 'process_map.competence_need')).toEqual([
      { detail: { annotationId: a.id, competenceNeedId } },
    ]);
    expect(await audited(competenceNeedId, 'competence_need.create')).toHaveLength(1);
  });
});

describe('step 4 of the roadmap: the competence basis', () => {
  it('done only when needs and training exist: 409 listing what is missing', async () => {
    const { w, id, c, url, a } = await world();
    const step = `/api/collaborations/${id}/steps/4`;
    const none = await c.put(step, { version: 0, status: 'done' });
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({ current: { missing: [{ what: 'competence_need' }, { what: 'training' }] } });
    await c.post(`${url}/annotations/${a.id}/competence-need`, {
      ownerUserId: w.a.users.coordinator.id,
      dueOn: inDays(30),
    });
    const half = await c.put(step, { version: 0, status: 'done' });
    expect(half.statusCode).toBe(409);
    expect(half.json()).toMatchObject({ current: { missing: [{ what: 'training' }] } });
    const competence = `/api/collaborations/${id}/competence`;
    const topic = (await c.post(`${competence}/topics`, { name: 'Sekretess', renewalMonths: 24 })).json<{
      id: string;
    }>();
    expect((await c.post(`${competence}/sessions`, { topicId: topic.id, heldOn: inDays(-1) })).statusCode).toBe(201);
    const done = await c.put(step, { version: 0, status: 'done' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', missing: [], produced: { count: 2 } });
  });
});
