import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildLevelsWorld, type LevelsWorld } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();
const url = (w: LevelsWorld) => `/api/collaborations/${w.id}/routines`;
const routine = {
  title: 'Tolk vid utvecklingssamtal',
  level: 'operational',
  roles: ['school_mentor'],
  text: 'Skolan bokar tolk; IFO betalar.',
};

async function created(w: LevelsWorld) {
  const res = await w.clients.forum_rep.post(url(w), routine);
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

describe('routines and guidelines', () => {
  it('401, 404 outside, 403 for staff who do not run the level, 400 at the fields', async () => {
    const w = await buildLevelsWorld(t);
    expect((await anonymous(t.app).post(url(w), routine)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url(w), routine)).statusCode).toBe(404);
    expect((await w.clients.mentor.post(url(w), routine)).statusCode).toBe(403);
    // The forum's representative does not run the strategic level.
    expect((await w.clients.forum_rep.post(url(w), { ...routine, level: 'strategic' })).statusCode).toBe(403);
    const bad = await w.clients.forum_rep.post(url(w), { title: '', level: 'x', roles: [], text: 'x' });
    expect(paths(bad.json())).toEqual(['body.level', 'body.roles', 'body.title']);
    expect((await w.clients.volunteer.get(url(w))).statusCode).toBe(403);
  });

  it('a draft is not current; adopting makes it so; the same version twice is 409, nothing changed', async () => {
    const w = await buildLevelsWorld(t);
    const id = await created(w);
    const list = (await w.clients.mentor.get(url(w))).json<{ items: { current: null; mustRead: boolean }[] }>();
    expect(list.items[0]).toMatchObject({ current: null, mustRead: false });
    const missing = await w.clients.forum_rep.post(`${url(w)}/${id}/adopt`, { version: 2, decision: 'Forum §4' });
    expect(paths(missing.json())).toEqual(['body.version']);
    expect((await w.clients.mentor.post(`${url(w)}/${id}/adopt`, { version: 1, decision: 'x' })).statusCode).toBe(403);
    const adopted = await w.clients.forum_rep.post(`${url(w)}/${id}/adopt`, { version: 1, decision: 'Forum §4' });
    expect(adopted.json()).toMatchObject({ current: { version: 1, adoptedDecision: 'Forum §4' } });
    const twice = await w.clients.coordinator.post(`${url(w)}/${id}/adopt`, { version: 1, decision: 'Igen' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: 'already_adopted' });
    const after = (await w.clients.mentor.get(url(w))).json<{ items: { current: { adoptedDecision: string } }[] }>();
    expect(after.items[0]!.current.adoptedDecision).toBe('Forum §4');
    // A new draft leaves version 1 current until it is adopted.
    await w.clients.forum_rep.post(`${url(w)}/${id}/versions`, {
      text: 'Skolan bokar; IFO betalar; kopia till god man.',
    });
    const draft = await w.clients.forum_rep.post(`${url(w)}/${id}/versions`, { text: 'En till' });
    expect(draft.statusCode).toBe(409);
    const still = (await w.clients.mentor.get(url(w))).json<{ items: { current: { version: number } }[] }>();
    expect(still.items[0]!.current.version).toBe(1);
  });

  it('staff confirm reading; the manager sees who of their staff has not; a new version asks again', async () => {
    const w = await buildLevelsWorld(t);
    const id = await created(w);
    expect((await w.clients.mentor.post(`${url(w)}/${id}/read`, {})).statusCode).toBe(409);
    await w.clients.forum_rep.post(`${url(w)}/${id}/adopt`, { version: 1, decision: 'Forum §4' });
    const start = (await w.clients.mentor.get('/api/levels/start')).json<{ routinesToRead: { id: string }[] }>();
    expect(start.routinesToRead.map((r) => r.id)).toEqual([id]);
    expect((await w.clients.mentor.get(`${url(w)}/unread`)).statusCode).toBe(403);
    const before = (await w.clients.manager.get(`${url(w)}/unread`)).json<{ items: { users: { name: string }[] }[] }>();
    expect(before.items[0]!.users.map((u) => u.name)).toEqual(['Maja Mentor', 'Mats Mentor']);
    const read = await w.clients.mentor.post(`${url(w)}/${id}/read`, {});
    expect(read.json()).toMatchObject({ mustRead: true, readCurrent: true });
    const after = (await w.clients.manager.get(`${url(w)}/unread`)).json<{ items: { users: { name: string }[] }[] }>();
    expect(after.items[0]!.users.map((u) => u.name)).toEqual(['Maja Mentor']);
    const mgr = (await w.clients.manager.get('/api/levels/start')).json<{ manager: { unread: unknown[] } }>();
    expect(mgr.manager.unread).toHaveLength(1);
    // Version 2 adopted: everyone must read again.
    await w.clients.forum_rep.post(`${url(w)}/${id}/versions`, { text: 'Ny text' });
    await w.clients.forum_rep.post(`${url(w)}/${id}/adopt`, { version: 2, decision: 'Forum §2' });
    const again = (await w.clients.manager.get(`${url(w)}/unread`)).json<{ items: { users: unknown[] }[] }>();
    expect(again.items[0]!.users).toHaveLength(2);
    expect((await w.clients.mentor.post(`${url(w)}/${randomUUID()}/read`, {})).statusCode).toBe(404);
  });
});
