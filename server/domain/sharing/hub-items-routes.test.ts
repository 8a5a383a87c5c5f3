import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeskedView } from '../../../common/schemas/besked.ts';
import type { ChildEventList } from '../../../common/schemas/events.ts';
import type { MyQuestions, Question, QuestionList } from '../../../common/schemas/hub.ts';
import { auditLog } from '../../audit/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { addDays } from '../children/dates.ts';
import { noticesOf, record, rejection, runJobs } from '../events/test-helpers.ts';
import { hubQuestions } from '../hub/tables.ts';
import { buildHubWorld, consentForHub, type HubWorld } from '../hub/test-world.ts';
import { todayInSweden } from '../../../common/schemas/children.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();
const today = () => todayInSweden();
const besked = (w: HubWorld) => `/api/children/${w.child.id}/besked`;
const questions = (w: HubWorld) => `/api/children/${w.child.id}/questions`;
const events = (w: HubWorld) => `/api/children/${w.child.id}/events`;

async function tell(w: HubWorld, who: keyof HubWorld['clients'], summary: string, extra: Record<string, unknown> = {}) {
  const res = await w.clients[who].post(`${besked(w)}/entries`, {
    topic: 'return',
    toldOn: today(),
    summary,
    language: 'prs',
    interpreterUsed: true,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res
    .json<BeskedView>()
    .topics.flatMap((tp) => tp.entries)
    .find((e) => e.summary === summary)!;
}

describe('withdrawal takes effect at once on the hub’s items', () => {
  it('the very next request of the god man no longer returns the entry, the question or the note', async () => {
    const w = await buildHubWorld(t);
    const consent = await consentForHub(w, ['asylum_case'], ['social', 'guardian']);
    await tell(w, 'social_worker', 'Beslutet kan överklagas inom tre veckor.');
    const q = await w.clients.social_worker.post(questions(w), {
      text: 'Förklara vad avslaget betyder.',
      ownerMemberId: w.members.god_man,
      dueOn: addDays(today(), 3),
      topic: 'asylum_case',
    });
    expect(q.statusCode, q.body).toBe(201);
    expect(q.json<Question>().category).toBe('asylum_case');
    await record(w, 'social_worker', rejection(1, { note: 'Advokaten är kontaktad.' }));

    const gm = w.clients.god_man;
    const before = (await gm.get(besked(w))).json<BeskedView>();
    expect(before.topics.flatMap((tp) => tp.entries).map((e) => e.summary)).toEqual([
      'Beslutet kan överklagas inom tre veckor.',
    ]);
    expect(before.someWithheld).toBe(false);
    expect((await gm.get(questions(w))).json<QuestionList>().items).toHaveLength(1);
    expect((await gm.get('/api/me/questions')).json<MyQuestions>().items).toHaveLength(1);
    expect((await gm.get(events(w))).json<ChildEventList>().items[0]).toMatchObject({
      note: 'Advokaten är kontaktad.',
      noteWithheld: false,
    });

    const res = await gm.post(`/api/consents/${consent}/withdraw`, { withdrawnOn: today() });
    expect(res.statusCode, res.body).toBe(200);

    const after = (await gm.get(besked(w))).json<BeskedView>();
    expect(after.topics.flatMap((tp) => tp.entries)).toEqual([]);
    expect(after.someWithheld).toBe(true);
    const list = (await gm.get(questions(w))).json<QuestionList>();
    expect(list).toMatchObject({ items: [], someWithheld: true });
    const mine = (await gm.get('/api/me/questions')).json<MyQuestions>();
    expect(mine).toMatchObject({ items: [], someWithheld: true });
    const ev = (await gm.get(events(w))).json<ChildEventList>();
    expect(ev.items).toHaveLength(1);
    expect(ev.items[0]).toMatchObject({ type: 'asylum_rejected', noteWithheld: true });
    expect(ev.items[0]).not.toHaveProperty('note');
    expect(ev.someWithheld).toBe(true);
    // The owner still sees its own.
    expect((await w.clients.social_worker.get(besked(w))).json<BeskedView>().someWithheld).toBe(false);
    expect((await w.clients.social_worker.get(events(w))).json<ChildEventList>().items[0]!.note).toBe(
      'Advokaten är kontaktad.',
    );

    // Every share and every withholding is in the audit log, with its ground.
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.childId, w.child.id), eq(auditLog.actorUserId, w.people.god_man.id)));
    const of = (action: string) =>
      rows
        .filter((r) => r.action === action)
        .map((r) => r.entity)
        .sort();
    expect(of('sharing.disclosed')).toEqual(['besked', 'event_notes', 'hub_questions', 'hub_questions']);
    expect(of('sharing.withheld')).toEqual(['besked', 'event_notes', 'hub_questions', 'hub_questions']);
    const disclosed = rows.find((r) => r.action === 'sharing.disclosed' && r.entity === 'besked')!;
    expect(disclosed.detail).toMatchObject({
      purpose: 'hub',
      ground: 'consent',
      consentId: consent,
      fromOrganisationId: w.orgs.social.id,
      toOrganisationId: w.orgs.guardian.id,
      category: 'asylum_case',
    });
  });
});

describe('questions go only to someone who may read them', () => {
  it('400 on body.ownerMemberId when the owner’s organisation may not see it, nothing written; 404 for a hidden one', async () => {
    const w = await buildHubWorld(t);
    const body = { text: 'Fråga om läxorna.', ownerMemberId: w.members.school_mentor, dueOn: addDays(today(), 3) };
    const denied = await w.clients.social_worker.post(questions(w), body);
    expect(denied.statusCode).toBe(400);
    expect(paths(denied.json())).toEqual(['body.ownerMemberId']);
    expect(denied.json().issues[0].message).toMatch(/consent/);
    const written = await t.database.db.select().from(hubQuestions).where(eq(hubQuestions.childId, w.child.id));
    expect(written).toEqual([]);

    // Its own organisation may always take it; the school's category goes to the school only under consent.
    const own = await w.clients.social_worker.post(questions(w), { ...body, ownerMemberId: w.members.social_worker });
    expect(own.statusCode).toBe(201);
    expect(own.json<Question>().category).toBe('social_services');
    const qUrl = `${questions(w)}/${own.json<Question>().id}`;
    const reassign = await w.clients.social_worker.patch(qUrl, { ownerMemberId: w.members.god_man });
    expect(paths(reassign.json())).toEqual(['body.ownerMemberId']);
    // The god man does not see it: his edit is answered as if it did not exist.
    expect((await w.clients.god_man.patch(qUrl, { status: 'done' })).statusCode).toBe(404);

    await consentForHub(w, ['social_services'], ['social', 'guardian']);
    const given = await w.clients.social_worker.patch(qUrl, { ownerMemberId: w.members.god_man });
    expect(given.statusCode, given.body).toBe(200);
    // The consent does not cover health: the god man could no longer read it.
    const recategorised = await w.clients.social_worker.patch(qUrl, { category: 'health' });
    expect(paths(recategorised.json())).toEqual(['body.category']);
    const bad = await w.clients.social_worker.post(questions(w), { ...body, category: 'weather' });
    expect(paths(bad.json())).toEqual(['body.category']);
  });
});

describe('besked entries under the sharing rule', () => {
  it('category from the topic unless chosen; a contradiction needs both entries visible, else 404', async () => {
    const w = await buildHubWorld(t);
    const a = await tell(w, 'social_worker', 'Du kan överklaga.');
    expect(a.category).toBe('asylum_case');
    const s = await tell(w, 'school_mentor', 'Du får stanna i skolan.', { topic: 'school' });
    expect(s.category).toBe('school');
    const b = await tell(w, 'god_man', 'Du får nog stanna.', { category: 'social_services' });
    expect(b.category).toBe('social_services');
    const bad = await w.clients.god_man.post(`${besked(w)}/entries`, {
      topic: 'return',
      toldOn: today(),
      summary: 'x',
      language: 'sv',
      interpreterUsed: false,
      category: 'everything',
    });
    expect(paths(bad.json())).toEqual(['body.category']);

    // The god man does not see the social worker's entry: marking it is 404 and nothing is written.
    const hidden = await w.clients.god_man.post(`${besked(w)}/contradictions`, { entryIds: [a.id, b.id] });
    expect(hidden.statusCode).toBe(404);
    const view = (await w.clients.god_man.get(besked(w))).json<BeskedView>();
    expect(view.topics.flatMap((tp) => tp.entries).map((e) => e.id)).toEqual([b.id]);
    expect(view.someWithheld).toBe(true);

    await consentForHub(w, ['asylum_case', 'social_services'], ['social', 'guardian']);
    const marked = await w.clients.god_man.post(`${besked(w)}/contradictions`, { entryIds: [a.id, b.id] });
    expect(marked.statusCode, marked.body).toBe(201);
    expect(marked.json<BeskedView>().contradictions).toHaveLength(1);
    // The school sees neither entry, so not the contradiction between them either; the agreed line is the hub's.
    await w.clients.god_man.put(`${besked(w)}/lines/return`, {
      text: 'Beslutet gäller; vi hjälper dig att överklaga.',
      tellerMemberId: w.members.social_worker,
    });
    const school = (await w.clients.school_mentor.get(besked(w))).json<BeskedView>();
    expect(school.contradictions).toEqual([]);
    expect(school.topics.flatMap((tp) => tp.entries).map((e) => e.id)).toEqual([s.id]);
    expect(school.topics.find((tp) => tp.topic.key === 'return')!.line?.text).toBe(
      'Beslutet gäller; vi hjälper dig att överklaga.',
    );
  });
});

describe('event notes under the sharing rule', () => {
  it('asylum events are asylum case information; others take the recorder’s choice; notices never carry the note', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).get(events(w))).statusCode).toBe(401);
    const wrong = await w.clients.social_worker.post(events(w), rejection(1, { category: 'school' }));
    expect(paths(wrong.json())).toEqual(['body.category']);
    const note = 'Han sover dåligt sedan beskedet, pratar om Kabul.';
    await record(w, 'contact_person', {
      type: 'wellbeing_changed',
      occurredOn: today(),
      source: 'residence',
      note,
      category: 'health',
    });
    const own = (await w.clients.contact_person.get(events(w))).json<ChildEventList>();
    expect(own.items[0]).toMatchObject({ category: 'health', note, noteWithheld: false });
    const other = (await w.clients.social_worker.get(events(w))).json<ChildEventList>();
    expect(other.items[0]).toMatchObject({ type: 'wellbeing_changed', category: 'health', noteWithheld: true });

    await runJobs(t, w);
    const notices = await noticesOf(t, w.people.social_worker.id);
    expect(notices.length).toBeGreaterThan(0);
    expect(JSON.stringify(notices)).not.toContain('Kabul');
  });
});
