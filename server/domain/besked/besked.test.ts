import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import type { BeskedView } from '../../../common/schemas/besked.ts';
import { auditLog } from '../../audit/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { addDays } from '../children/dates.ts';
import { buildHubWorld, consentForHub, type HubWorld, type Person } from '../hub/test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();
const url = (w: HubWorld) => `/api/children/${w.child.id}/besked`;

async function tell(w: HubWorld, who: Person, summary: string, topic = 'return') {
  const res = await w.clients[who].post(`${url(w)}/entries`, {
    topic,
    toldOn: todayInSweden(),
    summary,
    language: 'prs',
    interpreterUsed: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  const view = res.json<BeskedView>();
  return view.topics.find((x) => x.topic.key === topic)!.entries.find((e) => e.summary === summary)!;
}

describe('GET /api/children/:id/besked', () => {
  it('401, 404 outside, 403 for civil society; the hub and managers read it', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).get(url(w))).statusCode).toBe(401);
    expect((await w.clients.outsider.get(url(w))).statusCode).toBe(404);
    expect((await w.clients.social_worker.get(`/api/children/${randomUUID()}/besked`)).statusCode).toBe(404);
    expect((await w.clients.volunteer.get(url(w))).statusCode).toBe(403);
    const view = (await w.clients.manager.get(url(w))).json<BeskedView>();
    expect(view.abilities).toEqual({ record: false, markContradiction: false, agreeLine: false });
    expect(view.openContradictions).toBe(0);
    expect(view.tellers.map((m) => m.displayName)).toEqual(['Sara Lind', 'Göran Ek', 'Karin Berg', 'Mats Holm']);
    const logged = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.childId, w.child.id), eq(auditLog.action, 'besked.read')));
    expect(logged).toHaveLength(1);
  });
});

describe('POST /api/children/:id/besked/entries', () => {
  it('401, 404, 403 for managers and civil society, 400 with paths', async () => {
    const w = await buildHubWorld(t);
    const body = { topic: 'return', toldOn: todayInSweden(), summary: 'x', language: 'prs', interpreterUsed: false };
    expect((await anonymous(t.app).post(`${url(w)}/entries`, body)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(`${url(w)}/entries`, body)).statusCode).toBe(404);
    expect((await w.clients.manager.post(`${url(w)}/entries`, body)).statusCode).toBe(403);
    expect((await w.clients.volunteer.post(`${url(w)}/entries`, body)).statusCode).toBe(403);
    const bad = await w.clients.god_man.post(`${url(w)}/entries`, {
      topic: 'weather',
      toldOn: addDays(todayInSweden(), 2),
      summary: '',
      language: 'Dari',
    });
    expect(paths(bad.json())).toEqual([
      'body.interpreterUsed',
      'body.language',
      'body.summary',
      'body.toldOn',
      'body.topic',
    ]);
    const unknownTopic = await w.clients.god_man.post(`${url(w)}/entries`, { ...body, topic: randomUUID() });
    expect(paths(unknownTopic.json())).toEqual(['body.topic']);
  });

  it('records what each adult told the child, side by side per topic, newest first', async () => {
    const w = await buildHubWorld(t);
    await consentForHub(w);
    await tell(w, 'social_worker', 'Beslutet kan överklagas inom tre veckor.');
    const e = await tell(w, 'school_mentor', 'Du får nog stanna, oroa dig inte.');
    expect(e).toMatchObject({ teller: { displayName: 'Mats Holm', hubRole: 'school_mentor' }, interpreterUsed: true });
    const view = (await w.clients.god_man.get(url(w))).json<BeskedView>();
    expect(view.topics[0]!.topic.key).toBe('return');
    expect(view.topics[0]!.entries.map((x) => x.teller.displayName).sort()).toEqual(['Mats Holm', 'Sara Lind']);
    expect(view.topics[0]!.line).toBeNull();
  });
});

describe('contradictions and the agreed line', () => {
  it('POST contradictions: 401, 404 (outside, unknown entry), 403, 400 (same entry, other topic), 409 when marked already', async () => {
    const w = await buildHubWorld(t);
    await consentForHub(w);
    const a = await tell(w, 'social_worker', 'A');
    const b = await tell(w, 'school_mentor', 'B');
    const other = await tell(w, 'god_man', 'C', 'school');
    const path = `${url(w)}/contradictions`;
    expect((await anonymous(t.app).post(path, { entryIds: [a.id, b.id] })).statusCode).toBe(401);
    expect((await w.clients.outsider.post(path, { entryIds: [a.id, b.id] })).statusCode).toBe(404);
    expect((await w.clients.manager.post(path, { entryIds: [a.id, b.id] })).statusCode).toBe(403);
    expect(paths((await w.clients.god_man.post(path, { entryIds: [a.id] })).json())).toEqual(['body.entryIds']);
    expect(paths((await w.clients.god_man.post(path, { entryIds: [a.id, a.id] })).json())).toEqual(['body.entryIds.1']);
    expect(paths((await w.clients.god_man.post(path, { entryIds: [a.id, other.id] })).json())).toEqual([
      'body.entryIds.1',
    ]);
    expect((await w.clients.god_man.post(path, { entryIds: [randomUUID(), b.id] })).statusCode).toBe(404);
    expect((await w.clients.god_man.post(path, { entryIds: [a.id, b.id] })).statusCode).toBe(201);
    expect((await w.clients.contact_person.post(path, { entryIds: [b.id, a.id] })).statusCode).toBe(409);
  });

  it('an open contradiction flags the child until the hub records its line and who tells the child', async () => {
    const w = await buildHubWorld(t);
    await consentForHub(w);
    const a = await tell(w, 'social_worker', 'Beslutet kan överklagas.');
    const b = await tell(w, 'school_mentor', 'Du får stanna.');
    const marked = await w.clients.contact_person.post(`${url(w)}/contradictions`, {
      entryIds: [a.id, b.id],
      note: 'Olika besked om framtiden',
    });
    const view = marked.json<BeskedView>();
    expect(view.openContradictions).toBe(1);
    expect(view.contradictions[0]).toMatchObject({ topic: 'return', open: true, markedBy: 'Karin Berg' });
    expect(view.topics[0]!.entries.every((e) => e.contradicted)).toBe(true);

    const line = `${url(w)}/lines/return`;
    const body = { text: 'Beslutet gäller; vi hjälper dig att överklaga.', tellerMemberId: w.members.social_worker };
    expect((await anonymous(t.app).put(line, body)).statusCode).toBe(401);
    expect((await w.clients.outsider.put(line, body)).statusCode).toBe(404);
    expect((await w.clients.school_mentor.put(line, body)).statusCode).toBe(403);
    expect((await w.clients.god_man.put(`${url(w)}/lines/${randomUUID()}`, body)).statusCode).toBe(404);
    expect(paths((await w.clients.god_man.put(`${url(w)}/lines/weather`, body)).json())).toEqual(['params.topic']);
    const civil = await w.clients.god_man.put(line, { ...body, tellerMemberId: w.members.volunteer });
    expect(paths(civil.json())).toEqual(['body.tellerMemberId']);
    expect((await w.clients.god_man.get(url(w))).json().openContradictions).toBe(1);

    const agreed = (await w.clients.god_man.put(line, body)).json<BeskedView>();
    expect(agreed.openContradictions).toBe(0);
    expect(agreed.topics[0]!.line).toMatchObject({
      text: body.text,
      teller: { displayName: 'Sara Lind' },
      recordedBy: 'Göran Ek',
    });
    expect(agreed.contradictions[0]!.open).toBe(false);
    expect(agreed.topics[0]!.entries.some((e) => e.contradicted)).toBe(false);
  });
});
