import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld, type HubWorld } from '../hub/test-world.ts';
import { childLinks } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();

async function newLink(w: HubWorld) {
  const res = await w.clients.social_worker.post(`/api/children/${w.child.id}/child-links`);
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string; token: string; code: string; url: string; expiresAt: string }>();
}

const redeem = (token: string, code: string) =>
  t.app.inject({ method: 'POST', url: '/api/child-view/redeem', payload: { token, code } });

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

function childCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((k) => k.name === 'navet_child');
  if (!c) throw new Error('no child cookie');
  return `navet_child=${c.value}`;
}

const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/child-view/me', headers: { cookie } });

describe('the adults hand out a link: /api/children/:id/child-links', () => {
  it('401, 404 outside, 403 for a member who does not meet the child in that role', async () => {
    const w = await buildHubWorld(t);
    const url = `/api/children/${w.child.id}/child-links`;
    expect((await anonymous(t.app).post(url)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url)).statusCode).toBe(404);
    expect((await w.clients.contact_person.post(url)).statusCode).toBe(403);
    expect((await w.clients.volunteer.get(url)).statusCode).toBe(403);
  });

  it('returns a token, a six-digit code and the address once; the list never shows them', async () => {
    const w = await buildHubWorld(t);
    const link = await newLink(w);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.code).toMatch(/^\d{6}$/);
    expect(link.url).toBe(`http://127.0.0.1:3000/c/${link.token}`);
    const list = await w.clients.god_man.get(`/api/children/${w.child.id}/child-links`);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: link.id, status: 'waiting', createdBy: 'Sara Lind' }),
    ]);
    expect(list.body).not.toContain(link.token);
    expect(list.body).not.toContain(link.code);
  });
});

describe('the child redeems: POST /api/child-view/redeem', () => {
  it('401 without a link token; 400 at body.code for a malformed code; 404 for an unknown link', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/child-view/redeem', payload: {} })).statusCode).toBe(401);
    expect((await redeem('short', '123456')).statusCode).toBe(401);
    const bad = await redeem('a'.repeat(43), '12x');
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['body.code']);
    expect((await redeem('a'.repeat(43), '123456')).statusCode).toBe(404);
  });

  it('once: the right code sets the child cookie; the same link again is 410', async () => {
    const w = await buildHubWorld(t);
    const link = await newLink(w);
    const res = await redeem(link.token, link.code);
    expect(res.statusCode).toBe(204);
    const cookie = res.cookies.find((c) => c.name === 'navet_child');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/child-view' });
    expect(res.cookies.find((c) => c.name === 'navet_session')).toBeUndefined();
    const again = await redeem(link.token, link.code);
    expect(again.statusCode).toBe(410);
    expect(again.json().error).toBe('child_link_used');
  });

  it('a wrong code says how many tries are left; the fifth burns the link, even for the right code', async () => {
    const w = await buildHubWorld(t);
    const link = await newLink(w);
    for (let i = 1; i <= 4; i++) {
      const res = await redeem(link.token, wrong(link.code));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'wrong_code', issues: [{ path: 'body.code' }] });
      expect(res.json().issues[0].message).toContain(`${5 - i}`);
    }
    const fifth = await redeem(link.token, wrong(link.code));
    expect(fifth.statusCode).toBe(410);
    expect(fifth.json().error).toBe('child_link_burnt');
    const right = await redeem(link.token, link.code);
    expect(right.statusCode).toBe(410);
    expect(right.json().error).toBe('child_link_burnt');
    const list = (await w.clients.social_worker.get(`/api/children/${w.child.id}/child-links`)).json();
    expect(list.items[0].status).toBe('burnt');
  });

  it('after expiry: 410, and nothing is set', async () => {
    const w = await buildHubWorld(t);
    const link = await newLink(w);
    await t.database.db
      .update(childLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(childLinks.id, link.id));
    const res = await redeem(link.token, link.code);
    expect(res.statusCode).toBe(410);
    expect(res.json().error).toBe('child_link_expired');
    expect(res.cookies).toEqual([]);
  });

  it('a new link withdraws the one not yet used', async () => {
    const w = await buildHubWorld(t);
    const first = await newLink(w);
    const second = await newLink(w);
    expect((await redeem(first.token, first.code)).json().error).toBe('child_link_revoked');
    expect((await redeem(second.token, second.code)).statusCode).toBe(204);
  });
});

describe('the child’s page: GET /api/child-view/me', () => {
  it('401 without the child cookie, and with only an adult session; the child cookie opens no adult route', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).get('/api/child-view/me')).statusCode).toBe(401);
    expect((await w.clients.social_worker.get('/api/child-view/me')).statusCode).toBe(401);
    const link = await newLink(w);
    const cookie = childCookie(await redeem(link.token, link.code));
    expect((await me(cookie)).statusCode).toBe(200);
    for (const url of [`/api/children/${w.child.id}`, '/api/children', `/api/children/${w.child.id}/hub`]) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode, url).toBe(401);
    }
    expect((await me('navet_child=forged')).statusCode).toBe(401);
  });

  it('shows the adults, what to ask each and how to reach them; nothing sensitive', async () => {
    const w = await buildHubWorld(t, { caseNumber: '55554444' });
    const base = `/api/children/${w.child.id}`;
    await w.clients.social_worker.put(`${base}/topics/asylum_case`, {
      responsibleMemberId: w.members.god_man,
      fallbackMemberId: w.members.social_worker,
    });
    await w.clients.god_man.put(`${base}/hub/members/${w.members.god_man}/agreement`, {
      availability: 'Tuesdays after school',
      preferredChannel: 'sms',
      contactDetail: '070-111 22 33',
    });
    const link = await newLink(w);
    const res = await me(childCookie(await redeem(link.token, link.code)));
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ displayName: 'Amir', languages: ['prs'], upcomingMeetings: [] });
    expect(page.adults).toHaveLength(5);
    expect(page.adults[1]).toEqual({
      id: w.members.god_man,
      displayName: 'Göran Ek',
      initials: 'GE',
      hubRole: 'god_man',
      topics: [{ topic: { key: 'asylum_case', kind: 'default', label: null, archived: false }, as: 'responsible' }],
      reach: { availability: 'Tuesdays after school', preferredChannel: 'sms', contactDetail: '070-111 22 33' },
    });
    expect(page.adults[0].topics).toEqual([expect.objectContaining({ as: 'fallback' })]);
    for (const secret of ['55554444', '5444', 'rejected', '2010-05-05', 'caseNumber', 'asylumStatus', 'userId'])
      expect(res.body).not.toContain(secret);
  });

  it('is audited without an actor, with the child and childView: true', async () => {
    const w = await buildHubWorld(t);
    const link = await newLink(w);
    await me(childCookie(await redeem(link.token, link.code)));
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.childId, w.child.id), eq(auditLog.action, 'child_view.read')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorUserId: null, tenantId: w.tenant.id, detail: { childView: true } });
    const timeline = (await w.clients.social_worker.get(`/api/children/${w.child.id}/timeline`)).json();
    expect(timeline.items[0]).toMatchObject({ action: 'child_link.redeemed', actor: null, byChild: true });
  });

  it('ends when an adult withdraws the link, when the case closes, or on logout', async () => {
    const w = await buildHubWorld(t);
    const links = `/api/children/${w.child.id}/child-links`;

    const a = await newLink(w);
    const cookieA = childCookie(await redeem(a.token, a.code));
    expect((await w.clients.contact_person.delete(`${links}/${a.id}`)).statusCode).toBe(403);
    expect((await w.clients.god_man.delete(`${links}/${a.id}`)).statusCode).toBe(204);
    expect((await me(cookieA)).statusCode).toBe(401);

    const b = await newLink(w);
    const cookieB = childCookie(await redeem(b.token, b.code));
    const out = await t.app.inject({ method: 'POST', url: '/api/child-view/logout', headers: { cookie: cookieB } });
    expect(out.statusCode).toBe(204);
    expect((await me(cookieB)).statusCode).toBe(401);
    expect((await anonymous(t.app).post('/api/child-view/logout')).statusCode).toBe(401);
    const statuses = async () =>
      (await w.clients.social_worker.get(links)).json().items.map((i: { status: string }) => i.status);
    expect(await statuses()).toEqual(['ended', 'revoked']);

    const c = await newLink(w);
    const cookieC = childCookie(await redeem(c.token, c.code));
    const close = await w.clients.social_worker.post(`/api/children/${w.child.id}/close`, {
      version: 1,
      reason: 'turned_18',
    });
    expect(close.statusCode).toBe(200);
    expect((await me(cookieC)).statusCode).toBe(401);
    expect((await w.clients.social_worker.post(links)).statusCode).toBe(409);
    // Closing withdraws every link; the list stays readable on a closed case.
    expect(await statuses()).toEqual(['revoked', 'revoked', 'revoked']);
  });
});
