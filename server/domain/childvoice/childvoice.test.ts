import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childLanguages } from '../../../common/i18n/child/index.ts';
import { ChildLanguageCode } from '../../../common/schemas/childvoice.ts';
import { auditLog } from '../../audit/tables.ts';
import { notifications } from '../../notify/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld, type HubWorld } from '../hub/test-world.ts';
import { childMessages } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();

function childCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((k) => k.name === 'navet_child');
  if (!c) throw new Error('no child cookie');
  return `navet_child=${c.value}`;
}

async function childOf(w: HubWorld): Promise<string> {
  const link = (await w.clients.social_worker.post(`/api/children/${w.child.id}/child-links`)).json<{
    token: string;
    code: string;
  }>();
  const res = await t.app.inject({ method: 'POST', url: '/api/child-view/redeem', payload: link });
  return childCookie(res);
}

const send = (cookie: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/child-view/messages', headers: { cookie }, payload: payload as object });
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/child-view/me', headers: { cookie } });

describe('the child writes to the hub: POST /api/child-view/messages', () => {
  it('the language list matches the child view’s languages', () => {
    expect(ChildLanguageCode.options).toEqual([...childLanguages]);
  });

  it('401 without the child cookie (an adult session does not count)', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).post('/api/child-view/messages', { kind: 'changed', lang: 'sv' })).statusCode).toBe(
      401,
    );
    expect(
      (await w.clients.social_worker.post('/api/child-view/messages', { kind: 'changed', lang: 'sv' })).statusCode,
    ).toBe(401);
  });

  it('400 with field paths: unknown kind, long text, unknown language, talk_to without or with a wrong adult', async () => {
    const w = await buildHubWorld(t);
    const cookie = await childOf(w);
    const bad = await send(cookie, { kind: 'shout', text: 'x'.repeat(401), lang: 'xx' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['body.kind', 'body.lang', 'body.text']);
    const noOne = await send(cookie, { kind: 'talk_to', lang: 'prs' });
    expect(noOne.statusCode).toBe(400);
    expect(paths(noOne.json())).toEqual(['body.toMemberId']);
    const volunteer = await send(cookie, { kind: 'talk_to', lang: 'prs', toMemberId: w.members.volunteer });
    expect(paths(volunteer.json())).toEqual(['body.toMemberId']);
    const other = await buildHubWorld(t);
    const stranger = await send(cookie, { kind: 'talk_to', lang: 'prs', toMemberId: other.members.god_man });
    expect(paths(stranger.json())).toEqual(['body.toMemberId']);
    expect(await t.database.db.select().from(childMessages).where(eq(childMessages.childId, w.child.id))).toEqual([]);
  });

  it('reaches the social worker as a notice, is audited without its text, and the child sees it', async () => {
    const w = await buildHubWorld(t);
    const cookie = await childOf(w);
    const res = await send(cookie, { kind: 'not_understood', text: 'نفهمیدم جلسه کی است', lang: 'prs' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'not_understood',
      text: 'نفهمیدم جلسه کی است',
      lang: 'prs',
      to: { hubRole: 'social_worker', firstName: 'Sara' },
      answer: null,
    });
    const notes = await t.database.db.select().from(notifications).where(eq(notifications.childId, w.child.id));
    expect(notes.map((n) => [n.userId, n.kind])).toEqual([[w.people.social_worker.id, 'childMessage.not_understood']]);
    expect(JSON.stringify(notes)).not.toContain('نفهمیدم');
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.childId, w.child.id), eq(auditLog.action, 'child_message.sent')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorUserId: null, detail: { childView: true, kind: 'not_understood' } });
    expect(JSON.stringify(rows[0])).not.toContain('نفهمیدم');
    const page = (await me(cookie)).json();
    expect(page.messages).toEqual([expect.objectContaining({ id: res.json().id, kind: 'not_understood' })]);
    // The full name stays with the adults: the child's message list says role and first name.
    expect(JSON.stringify(page.messages)).not.toContain('Lind');
  });

  it('talk_to reaches the chosen adult only', async () => {
    const w = await buildHubWorld(t);
    const cookie = await childOf(w);
    const res = await send(cookie, { kind: 'talk_to', toMemberId: w.members.school_mentor, lang: 'sv' });
    expect(res.statusCode).toBe(201);
    const notes = await t.database.db.select().from(notifications).where(eq(notifications.childId, w.child.id));
    expect(notes.map((n) => n.userId)).toEqual([w.people.school_mentor.id]);
  });

  it('five an hour: the sixth is 429 too_many_messages with retry-after, and nothing is kept', async () => {
    const w = await buildHubWorld(t);
    const cookie = await childOf(w);
    for (let i = 0; i < 5; i++) expect((await send(cookie, { kind: 'changed', lang: 'sv' })).statusCode).toBe(201);
    const sixth = await send(cookie, { kind: 'changed', lang: 'sv' });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error).toBe('too_many_messages');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(await t.database.db.select().from(childMessages).where(eq(childMessages.childId, w.child.id))).toHaveLength(
      5,
    );
  });
});

describe('the hub reads and answers: /api/children/:id/child-messages', () => {
  it('401, 404 outside the hub, 403 for the volunteer; the answer reaches the child', async () => {
    const w = await buildHubWorld(t);
    const cookie = await childOf(w);
    const sent = (await send(cookie, { kind: 'not_understood', lang: 'prs' })).json<{ id: string }>();
    const url = `/api/children/${w.child.id}/child-messages`;
    expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    expect((await w.clients.outsider.get(url)).statusCode).toBe(404);
    expect((await w.clients.volunteer.get(url)).statusCode).toBe(403);
    const list = await w.clients.social_worker.get(url);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      someWithheld: false,
      items: [{ id: sent.id, kind: 'not_understood', canAnswer: true, to: { displayName: 'Sara Lind' } }],
    });

    const answerUrl = `${url}/${sent.id}/answer`;
    expect((await w.clients.outsider.post(answerUrl, { text: 'Hej' })).statusCode).toBe(404);
    const empty = await w.clients.social_worker.post(answerUrl, { text: ' ', lang: 'zz' });
    expect(empty.statusCode).toBe(400);
    expect(paths(empty.json())).toEqual(['body.lang', 'body.text']);
    const long = await w.clients.social_worker.post(answerUrl, { text: 'x'.repeat(401) });
    expect(paths(long.json())).toEqual(['body.text']);
    const ok = await w.clients.social_worker.post(answerUrl, { text: 'Jag ringer dig i morgon.', lang: 'sv' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ answer: { text: 'Jag ringer dig i morgon.', lang: 'sv', byName: 'Sara Lind' } });
    expect((await w.clients.social_worker.post(answerUrl, { text: 'Igen' })).statusCode).toBe(409);

    const page = (await me(cookie)).json();
    expect(page.messages[0].answer).toMatchObject({
      text: 'Jag ringer dig i morgon.',
      lang: 'sv',
      by: { hubRole: 'social_worker', firstName: 'Sara' },
    });
  });

  it('sharing: a message to the social worker is not shown to the school without a consent (404 to answer)', async () => {
    const w = await buildHubWorld(t);
    const cookie = await childOf(w);
    const sent = (await send(cookie, { kind: 'changed', text: 'Jag har flyttat', lang: 'sv' })).json<{ id: string }>();
    const url = `/api/children/${w.child.id}/child-messages`;
    const school = await w.clients.school_mentor.get(url);
    expect(school.statusCode).toBe(200);
    expect(school.json()).toEqual({ items: [], someWithheld: true });
    expect(school.body).not.toContain('flyttat');
    expect((await w.clients.school_mentor.post(`${url}/${sent.id}/answer`, { text: 'Ok' })).statusCode).toBe(404);
    const withheld = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.childId, w.child.id), eq(auditLog.action, 'sharing.withheld')));
    expect(withheld.map((r) => r.detail)).toEqual([expect.objectContaining({ category: 'social_services' })]);
  });
});
