import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../../common/schemas/children.ts';
import { anonymous, startTestApp, type TestApp } from '../../../test/harness.ts';
import { addDays } from '../../children/dates.ts';
import { insertProposal } from '../roadmap/repo.ts';
import { buildLevelsWorld, type LevelsWorld } from '../operational/test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();
const url = (w: LevelsWorld) => `/api/collaborations/${w.id}/barriers`;
const barrier = (w: LevelsWorld) => ({
  type: 'rules',
  description: 'Skolan tror att sekretessen hindrar att den deltar i I-SIP.',
  ownerUserId: w.people.forum_rep.id,
  dueOn: addDays(todayInSweden(), 30),
  level: 'operational',
});

describe('the barrier register', () => {
  it('401, 404 outside, 403 for staff, 400 at the fields', async () => {
    const w = await buildLevelsWorld(t);
    expect((await anonymous(t.app).post(url(w), barrier(w))).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url(w), barrier(w))).statusCode).toBe(404);
    expect((await w.clients.mentor.post(url(w), barrier(w))).statusCode).toBe(403);
    const bad = await w.clients.forum_rep.post(url(w), { ...barrier(w), type: 'weather', dueOn: 'soon' });
    expect(paths(bad.json())).toEqual(['body.dueOn', 'body.type']);
    const owner = await w.clients.forum_rep.post(url(w), { ...barrier(w), ownerUserId: w.people.outsider.id });
    expect(paths(owner.json())).toEqual(['body.ownerUserId']);
  });

  it('the forum registers a barrier and escalates it; then the strategic level owns it', async () => {
    const w = await buildLevelsWorld(t);
    const res = await w.clients.forum_rep.post(url(w), barrier(w));
    expect(res.statusCode).toBe(201);
    const b = res.json<{ id: string }>();
    expect(res.json()).toMatchObject({ level: 'operational', status: 'open', overdue: false });
    expect((await w.clients.mentor.post(`${url(w)}/${b.id}/escalate`, {})).statusCode).toBe(403);
    expect((await w.clients.forum_rep.post(`${url(w)}/${randomUUID()}/escalate`, {})).statusCode).toBe(404);
    const up = await w.clients.forum_rep.post(`${url(w)}/${b.id}/escalate`, {});
    expect(up.json()).toMatchObject({ level: 'strategic' });
    expect(up.json<{ escalatedAt: string | null }>().escalatedAt).not.toBeNull();
    expect((await w.clients.forum_rep.patch(`${url(w)}/${b.id}`, { status: 'removed' })).statusCode).toBe(403);
    // Only a proposal of this collaboration's register can be linked; nothing changes otherwise.
    const stray = await w.clients.strategic_rep.patch(`${url(w)}/${b.id}`, {
      status: 'in_progress',
      proposalId: randomUUID(),
    });
    expect(stray.statusCode).toBe(400);
    expect(paths(stray.json())).toEqual(['body.proposalId']);
    const proposal = await insertProposal(t.database.db, {
      collaborationId: w.id,
      title: 'Sekretessutbildning',
      origin: 'barrier',
      createdBy: w.people.strategic_rep.id,
    });
    const proposalId = proposal.id;
    const done = await w.clients.strategic_rep.patch(`${url(w)}/${b.id}`, {
      status: 'in_progress',
      action: 'Utbildning i sekretess för rektorer',
      ownerUserId: w.people.strategic_rep.id,
      proposalId,
    });
    expect(done.json()).toMatchObject({ status: 'in_progress', proposalIds: [proposalId] });
    const list = (await w.clients.mentor.get(url(w))).json<{ items: { level: string }[] }>();
    expect(list.items).toHaveLength(1);
  });
});

describe('agreements and evaluations', () => {
  const agreement = {
    title: 'Lokal överenskommelse om I-SIP',
    parties: ['Socialtjänsten', 'Skolan', 'HVB Norrgården'],
    signedOn: '2026-11-01',
    validFrom: '2026-12-01',
    text: 'Skola och boende deltar i I-SIP när barnet och god man samtycker.',
  };
  it('the strategic level records them; staff read them; others are refused', async () => {
    const w = await buildLevelsWorld(t);
    const a = `/api/collaborations/${w.id}/agreements`;
    const e = `/api/collaborations/${w.id}/evaluations`;
    expect((await anonymous(t.app).post(a, agreement)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(a, agreement)).statusCode).toBe(404);
    expect((await w.clients.forum_rep.post(a, agreement)).statusCode).toBe(403);
    const order = await w.clients.strategic_rep.post(a, { ...agreement, validTo: '2026-01-01' });
    expect(paths(order.json())).toEqual(['body.validTo']);
    expect((await w.clients.strategic_rep.post(a, agreement)).statusCode).toBe(201);
    expect((await w.clients.mentor.get(a)).json<{ items: { title: string }[] }>().items[0]!.title).toBe(
      agreement.title,
    );
    const ev = { title: 'Utvärdering 2026', evaluatedOn: todayInSweden(), works: 'Forumet', lacks: 'Skolan saknas' };
    expect((await w.clients.mentor.post(e, ev)).statusCode).toBe(403);
    const future = await w.clients.coordinator.post(e, { ...ev, evaluatedOn: addDays(todayInSweden(), 2) });
    expect(paths(future.json())).toEqual(['body.evaluatedOn']);
    expect((await w.clients.coordinator.post(e, ev)).statusCode).toBe(201);
    expect((await w.clients.other_town.get(e)).json<{ items: unknown[] }>().items).toHaveLength(1);
  });
});
