import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../harness.ts';
import { anonymous } from '../harness.ts';
import { CORE } from './groups.ts';
import { rules } from './rules.ts';
import { leaks } from './run.ts';
import { actors, buildAuthzWorld, ok, startMatrixApp, today, type World } from './world.ts';

/*
 * The cases the route-by-route walk cannot take in turn: the child's own page
 * (a cookie of its own), a withdrawn consent, the private calendar feed, and
 * the routes that end a session, which run last.
 */

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startMatrixApp();
  w = await buildAuthzWorld(t);
}, 120_000);
afterAll(async () => t.close());

/** Ids and names of the children a viewer of X alone must never get. */
const notX = () => [w.y.childId, w.y.childName, w.z.childId, w.z.childName, w.y.plan.id, w.z.plan.id];

describe('the child’s page (GET /api/child-view/me, POST /api/child-view/redeem and /logout)', () => {
  it('shows X to X’s link and nothing of Y or Z; adults have no child cookie; the child has no adult session', async () => {
    for (const key of ['POST /api/child-view/redeem', 'GET /api/child-view/me', 'POST /api/child-view/logout'])
      expect(rules[key]?.scope).toBe('childCookie');
    const link = ok<{ id: string; token: string; code: string }>(
      await w.clients.god_man.post(`/api/children/${w.x.childId}/child-links`),
      201,
      'link',
    );
    const redeemed = await anonymous(t.app).post('/api/child-view/redeem', { token: link.token, code: link.code });
    expect(redeemed.statusCode, redeemed.body).toBe(204);
    const cookie = redeemed.cookies.find((c) => c.name === 'navet_child');
    expect(cookie).toBeDefined();
    const child = { cookie: `navet_child=${cookie!.value}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/child-view/me', headers: child });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.body).toContain(w.x.childName.split(' ')[0]);
    expect(leaks(me.body, notX())).toEqual([]);

    // The child's cookie opens nothing of the adults' API.
    for (const url of [`/api/children/${w.x.childId}`, '/api/children', '/api/auth/me'])
      expect((await t.app.inject({ method: 'GET', url, headers: child })).statusCode, url).toBe(401);
    // An adult's session is not a child's cookie, whatever the adult may see of X.
    for (const actor of actors) {
      const res = await w.clients[actor].get('/api/child-view/me');
      expect(res.statusCode, `${actor} ${res.body}`).toBe(401);
    }

    const out = await t.app.inject({ method: 'POST', url: '/api/child-view/logout', headers: child });
    expect(out.statusCode, out.body).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/child-view/me', headers: child })).statusCode).toBe(401);
  });

  it('a withdrawn link is not redeemed', async () => {
    const link = ok<{ id: string; token: string; code: string }>(
      await w.clients.social_worker.post(`/api/children/${w.x.childId}/child-links`),
      201,
      'link',
    );
    const del = await w.clients.social_worker.delete(`/api/children/${w.x.childId}/child-links/${link.id}`);
    expect(del.statusCode, del.body).toBe(204);
    const res = await anonymous(t.app).post('/api/child-view/redeem', { token: link.token, code: link.code });
    expect(res.statusCode, res.body).toBe(410);
    expect(res.cookies.find((c) => c.name === 'navet_child')).toBeUndefined();
  });
});

describe('a withdrawn consent', () => {
  it('is not withdrawn twice, and no plan can rest on it', async () => {
    for (const actor of actors) {
      const res = await w.clients[actor].post(`/api/consents/${w.x.withdrawnConsentId}/withdraw`, {
        withdrawnOn: today(),
      });
      const want = CORE.includes(actor) ? 409 : ['coordinator', 'tenant_admin', 'ended'].includes(actor) ? 404 : 403;
      expect(res.statusCode, `${actor} ${res.body}`).toBe(want);
    }
    const plan = ok<{ version: number }>(await w.clients.social_worker.get(`/api/plans/${w.x.plan.id}`), 200, 'plan');
    const res = await w.clients.social_worker.patch(`/api/plans/${w.x.plan.id}`, {
      version: plan.version,
      consentId: w.x.withdrawnConsentId,
    });
    expect(res.statusCode, res.body).toBe(400);
  });

  it('takes away at once what it let another organisation see', async () => {
    // The social worker's question reaches the god man (överförmyndaren) through X's consent only.
    const url = `/api/children/${w.x.childId}/questions`;
    const before = ok<{ items: { id: string }[] }>(await w.clients.god_man.get(url), 200, 'questions');
    expect(before.items.map((q) => q.id)).toContain(w.x.questionId);
    ok(
      await w.clients.god_man.post(`/api/consents/${w.x.consentId}/withdraw`, { withdrawnOn: today() }),
      200,
      'withdraw',
    );
    const after = await w.clients.god_man.get(url);
    expect(after.statusCode).toBe(200);
    expect(after.body).not.toContain(w.x.questionId);
    const patch = await w.clients.god_man.patch(`${url}/${w.x.questionId}`, { text: 'Ny lydelse' });
    expect(patch.statusCode, patch.body).toBe(404);
    // The social worker's own organisation keeps its own question.
    expect((await w.clients.social_worker.get(url)).body).toContain(w.x.questionId);
  });
});

describe('the private calendar feed (GET /api/calendar/feeds/{token})', () => {
  it('carries only the meetings of the feed owner’s children, and nothing once their place has ended', async () => {
    // The ended member was invited to X's meeting before their place ended.
    const meeting = ok<{ participants: { userId: string | null }[] }>(
      await w.clients.social_worker.get(`/api/meetings/${w.x.meetingId}`),
      200,
      'meeting',
    );
    expect(meeting.participants.map((p) => p.userId)).toContain(w.people.ended.id);
    const feeds: Record<string, string> = {};
    for (const actor of ['god_man', 'ended', 'coordinator'] as const) {
      const made = ok<{ url: string }>(await w.clients[actor].post('/api/me/calendar-feed'), 201, 'feed');
      feeds[actor] = new URL(made.url, 'http://x').pathname;
    }
    const mine = await anonymous(t.app).get(feeds.god_man!);
    expect(mine.statusCode, mine.body).toBe(200);
    // A feed names no title or child (it travels through calendar servers), only a link to the meeting.
    expect(leaks(mine.body, [w.x.meetingId])).toHaveLength(1);
    expect(leaks(mine.body, notX())).toEqual([]);
    for (const actor of ['ended', 'coordinator']) {
      const res = await anonymous(t.app).get(feeds[actor]!);
      expect(res.statusCode, res.body).toBe(200);
      expect(leaks(res.body, [...notX(), w.x.childName, w.x.meetingId])).toEqual([]);
    }
  });
});

describe('ending sessions (POST /api/auth/logout, /api/auth/logout-all): last, for every actor', () => {
  it('logout ends that session only; logout-all ends every session of the user', async () => {
    for (const actor of actors) {
      const out = await w.spareClients[actor].post('/api/auth/logout');
      expect(out.statusCode, `${actor} ${out.body}`).toBe(204);
      expect((await w.spareClients[actor].get('/api/auth/me')).statusCode, actor).toBe(401);
      expect((await w.clients[actor].get('/api/auth/me')).statusCode, actor).toBe(200);
    }
    for (const actor of actors) {
      const all = await w.clients[actor].post('/api/auth/logout-all');
      expect(all.statusCode, `${actor} ${all.body}`).toBe(200);
      expect((await w.clients[actor].get('/api/auth/me')).statusCode, actor).toBe(401);
    }
  });
});
