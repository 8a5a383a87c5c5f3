import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import type { FiguresQuery } from '../../../common/schemas/followup.ts';
import { runDueJobs } from '../../jobs/index.ts';
import { jobs } from '../../jobs/tables.ts';
import { buildUser } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { children, hubMembers } from '../children/tables.ts';
import { decisions } from '../meetings/tables.ts';
import { ROLLUP_DELAY_MS, ROLLUP_SWEEP_JOB, ROLLUP_TENANT_JOB, scheduleRollupSweep } from './rollup-jobs.ts';
import { rebuildTenant } from './rollup-repo.ts';
import { computeFigures } from './service.ts';
import { followupRollupState } from './tables.ts';
import { figuresUrl, followupWorld } from './test-fixtures.ts';

/** The roll-up against the direct computation on one hand-built municipality, and its freshness after a write. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** Stockholm wall-clock time in 2026 (CET, +01:00, until the end of March). */
const at = (month: number, day: number, hh: number) =>
  new Date(
    `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hh).padStart(2, '0')}:00:00+01:00`,
  );

type World = Awaited<ReturnType<typeof followupWorld>>;

/** Twelve children over January–April 2026 touching every indicator, some of them in two quarters. */
async function handBuilt(w: World) {
  const ids: string[] = [];
  // The municipality's own topic, added in February: held in the first six matrices only.
  const own = await w.ownTopic(at(2, 10, 9));
  for (let i = 0; i < 12; i++) {
    const c = await w.child({
      core: i >= 8 ? ['social_worker', 'contact_person'] : undefined,
      arrivalDate: i < 6 ? '2026-01-10' : '2026-03-05',
      // Eight hubs span two organisations, six of them covered by a consent (one withdrawn in February).
      orgs: i % 3 === 2 ? undefined : { contact_person: w.other.id },
    });
    if (i < 8 && i % 3 !== 2)
      await w.consent(c.id, [w.org.id, w.other.id], i === 7 ? { withdrawnAt: at(2, 15, 9) } : {});
    ids.push(c.id);
    if (i < 4) await w.meeting(c.id, at(1, 15, 9), { kind: 'first_hub', childParticipation: 'whole' });
    else if (i >= 6 && i < 9) await w.meeting(c.id, at(3, 10, 9), { kind: 'first_hub' });
    else if (i === 9) await w.meeting(c.id, at(3, 12, 9), { kind: 'first_hub', status: 'cancelled' });
    const e = await w.rejection(c.id, i < 6 ? at(2, 3, 9) : at(3, 2, 9));
    // Acknowledged after 1 … 12 working hours (the second day from 08:00), two never.
    if (i < 10) await w.notice(w.people.social_worker.id, c.id, e.id, at(i < 6 ? 2 : 3, i < 6 ? 3 : 2, 10 + i));
    if (i < 2) await w.rejection(c.id, at(4, 7, 9));
    // Again in the same quarter, another month: once per quarter for the plan indicator.
    if (i === 2 || i === 3) await w.rejection(c.id, at(3, 20, 9));
    if (i < 7) await w.plan(c.id, i % 2 ? 'active' : 'follow_up');
    await w.decision(
      c.id,
      i < 6 ? '2026-02-20' : '2026-04-10',
      i % 4 === 3 ? 'open' : 'done',
      at(2, i < 6 ? 18 : 25, 12),
    );
    await w.meeting(c.id, at(3, 20, 10), { childParticipation: i % 3 ? 'some_items' : 'none' });
    // A question for the child due in February: answered then, in March, or not at all.
    await w.question(c, '2026-02-16', {
      createdAt: at(1, 20, 9),
      ...(i % 3 === 0 ? {} : { status: 'done', closedAt: at(i % 3 === 1 ? 2 : 3, 10, 9) }),
    });
    // Contradictions marked in February, half of them resolved in March.
    if (i < 8) await w.contradiction(c, at(2, 5, 9), i % 2 ? at(3, 3, 9) : null);
    // Every topic held in the first eight hubs (the own one in six), none in the last four.
    if (i < 8) await w.topics(c, { own: i < 6 ? [own] : [] });
    // Plans adopted in January (the first seven have one already): held on time, late, replaced or never.
    if (i >= 7) {
      const v1 = { adoptedOn: '2026-01-05', followUpOn: '2026-03-16' };
      const v2 = { adoptedOn: '2026-04-01', followUpOn: '2026-06-16' }; // after the day: the first one missed
      await w.adoptedPlan(
        c.id,
        i === 7 ? [v1, v2] : [v1],
        i % 2 ? [{ version: 1, heldOn: i === 9 ? '2026-03-18' : '2026-03-16' }] : [],
      );
    }
  }
  // Two cases closed in mid-March: in February's end state, not in March's.
  for (const id of ids.slice(10))
    await t.database.db
      .update(children)
      .set({ closedAt: at(3, 15, 12) })
      .where(eq(children.id, id));
}

/** The nightly run: one rebuild per municipality not built today. */
async function nightly(tenantId: string) {
  const now = new Date();
  // Today's sweep may have run already in this database (once a day, deduplicated): a test run is its own night.
  await t.database.db.delete(jobs).where(eq(jobs.kind, ROLLUP_SWEEP_JOB));
  await scheduleRollupSweep(t.database.db, now);
  expect(await runDueJobs(t.deps, now, { tenantId: null })).toBe(1);
  expect(await runDueJobs(t.deps, now, { tenantId })).toBe(1);
}

/** How many rebuilds of the municipality the writes since the last call asked for (then forgets them). */
async function rebuildsAsked(tenantId: string): Promise<number> {
  const db = t.database.db;
  const ours = and(eq(jobs.tenantId, tenantId), eq(jobs.kind, ROLLUP_TENANT_JOB));
  const rows = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(ours, eq(jobs.status, 'pending')));
  await db.delete(jobs).where(ours);
  return rows.length;
}

const queries = (id: string): FiguresQuery[] => [
  { level: 'municipality', id, from: '2026-01', to: '2026-06', period: 'month' },
  { level: 'municipality', id, from: '2026-01', to: '2026-06', period: 'quarter' },
  // A quarter range that does not start with a quarter: the end state is the one the direct form takes.
  { level: 'municipality', id, from: '2026-02', to: '2026-07', period: 'quarter' },
  { level: 'municipality', id, from: '2026-03', to: '2026-03', period: 'month' },
  { level: 'municipality', id, from: '2025-11', to: todayInSweden().slice(0, 7), period: 'quarter' },
];

describe('the follow-up roll-up', () => {
  it('gives the same masked figures as the direct computation, by month and by quarter, for a municipality and an organisation', async () => {
    const w = await followupWorld(t.app, t.database.db);
    await handBuilt(w);
    const municipality = { tenantIds: [w.tenant.id], collaborationIds: [] };
    const organisation = { ...municipality, organisationId: w.org.id };
    const direct: Awaited<ReturnType<typeof computeFigures>>[] = [];
    for (const q of queries(w.tenant.id)) {
      direct.push(await computeFigures(t.database.db, municipality, q));
      direct.push(await computeFigures(t.database.db, organisation, q));
    }
    // An organisation with a place in eight of the twelve hubs: its scope is narrower than the municipality's.
    const partly = { ...municipality, organisationId: w.other.id };
    const directPartly = [];
    for (const q of queries(w.tenant.id)) directPartly.push(await computeFigures(t.database.db, partly, q));
    expect(directPartly[0]).not.toEqual(direct[0]);
    // Not vacuous: the hand-built data shows numbers, not only "<5".
    const march = direct[6]!.find((f) => f.indicator === 'rejection_acknowledged')!.points[0]!;
    expect(march).toMatchObject({ period: '2026-03', children: '8', base: '8' });
    // The new indicators are not vacuous either.
    const figure = (i: number, indicator: string) => direct[i]!.find((f) => f.indicator === indicator)!.points;
    expect(figure(0, 'consent_covers_hub').slice(0, 2)).toMatchObject([
      { period: '2026-01', children: '8' },
      { period: '2026-02', children: '8' },
    ]);
    expect(figure(0, 'child_questions_overdue')[1]).toMatchObject({ period: '2026-02', children: '8' });
    expect(figure(0, 'besked_contradictions_open')[1]).toMatchObject({ period: '2026-02', children: '12' });
    expect(figure(0, 'plan_follow_up_on_time')[0]).toMatchObject({ period: '2026-03', children: '5', hits: '<5' });
    expect(figure(6, 'besked_contradictions_open')[0]).toMatchObject({ children: '10' });
    expect(figure(0, 'topics_without_responsible').slice(0, 3)).toMatchObject([
      { period: '2026-01', children: '12', hits: '<5' },
      { period: '2026-02', children: '12', hits: '6', value: 0.5 },
      { period: '2026-03', children: '10', hits: '<5' },
    ]);
    // The two closed cases are in January's and February's end state, not in March's.
    expect(direct[0]!.find((f) => f.indicator === 'missing_core_role')!.points.slice(0, 3)).toMatchObject([
      { period: '2026-01', children: '12', hits: '<5' },
      { period: '2026-02', children: '12', hits: '<5' },
      { period: '2026-03', children: '10', hits: '<5' },
    ]);

    await nightly(w.tenant.id);
    const [state] = await t.database.db
      .select()
      .from(followupRollupState)
      .where(eq(followupRollupState.tenantId, w.tenant.id));
    expect(state).toBeDefined();
    const rolled = [];
    for (const q of queries(w.tenant.id)) {
      rolled.push(await computeFigures(t.database.db, municipality, q));
      rolled.push(await computeFigures(t.database.db, organisation, q));
    }
    expect(rolled).toEqual(direct);
    const rolledPartly = [];
    for (const q of queries(w.tenant.id)) rolledPartly.push(await computeFigures(t.database.db, partly, q));
    expect(rolledPartly).toEqual(directPartly);
  });

  it('shows a rejection recorded through the API once the rebuild it asked for has run, not before', async () => {
    const w = await followupWorld(t.app, t.database.db);
    const c = await w.child();
    await t.database.db.transaction((tx) => rebuildTenant(tx, w.tenant.id, new Date()));
    const month = todayInSweden().slice(0, 7);
    const manager = await w.as(w.people.manager);
    const url = figuresUrl('municipality', w.tenant.id, 'rejection_acknowledged', month, month);
    const points = async () => (await manager.get(url)).json<{ figures: { points: unknown[] }[] }>().figures[0]!.points;
    expect(await points()).toEqual([]);

    const social = await w.as(w.people.social_worker);
    const res = await social.post(`/api/children/${c.id}/events`, {
      type: 'asylum_rejected',
      occurredOn: todayInSweden(),
      source: 'migrationsverket',
    });
    expect(res.statusCode, res.body).toBe(201);
    // Until the rebuild runs, the dashboard shows the roll-up as built.
    expect(await points()).toEqual([]);
    await runDueJobs(t.deps, new Date(Date.now() + 2 * ROLLUP_DELAY_MS), { tenantId: w.tenant.id });
    expect(await points()).toMatchObject([
      { period: month, children: '<5' },
      { period: 'total', children: '<5' },
    ]);
  });

  it('a hub place ended, a decision done and a case closed each ask for a rebuild of their municipality', async () => {
    const w = await followupWorld(t.app, t.database.db);
    const c = await w.child();
    await w.decision(c.id, '2026-02-20', 'open', null);
    const db = t.database.db;
    const pending = () => rebuildsAsked(w.tenant.id);
    expect(await pending()).toBe(0);
    const social = await w.as(w.people.social_worker);

    const [member] = await db
      .select({ id: hubMembers.id })
      .from(hubMembers)
      .where(and(eq(hubMembers.childId, c.id), eq(hubMembers.userId, w.people.contact_person.id)));
    const end = await social.post(`/api/children/${c.id}/hub/members/${member!.id}/end`, { confirm: true });
    expect(end.statusCode, end.body).toBe(200);
    expect(await pending()).toBe(1);

    const [d] = await db.select({ id: decisions.id }).from(decisions).where(eq(decisions.childId, c.id));
    const done = await social.patch(`/api/decisions/${d!.id}`, { status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect(await pending()).toBe(1);

    const [row] = await db.select({ version: children.version }).from(children).where(eq(children.id, c.id));
    const close = await social.post(`/api/children/${c.id}/close`, { version: row!.version, reason: 'moved' });
    expect(close.statusCode, close.body).toBe(200);
    expect(await pending()).toBe(1);
  });

  it('a consent recorded or withdrawn, a question raised or answered, a contradiction marked or resolved each ask for a rebuild', async () => {
    const w = await followupWorld(t.app, t.database.db);
    const c = await w.child({ orgs: { contact_person: w.other.id } });
    const pending = () => rebuildsAsked(w.tenant.id);
    const social = await w.as(w.people.social_worker);
    const today = todayInSweden();
    const expectStatus = (res: { statusCode: number; body: string }, status = 201) =>
      expect(res.statusCode, res.body).toBe(status);

    const consent = await social.post(`/api/children/${c.id}/consents`, {
      ...{ givenBy: 'both', organisationIds: [w.org.id, w.other.id], categories: ['school'], purposes: ['hub'] },
      ...{ validFrom: today, validTo: today, form: 'written' },
    });
    expectStatus(consent);
    expect(await pending()).toBe(1);
    expectStatus(await social.post(`/api/consents/${consent.json().id}/withdraw`, { withdrawnOn: today }), 200);
    expect(await pending()).toBe(1);

    const url = `/api/children/${c.id}/questions`;
    const question = await social.post(url, { text: 'Skolan?', ownerMemberId: c.members[0]!.id, dueOn: today });
    expectStatus(question);
    expect(await pending()).toBe(1);
    expectStatus(await social.patch(`${url}/${question.json().id}`, { text: 'Skolan, och läxorna?' }), 200);
    expect(await pending()).toBe(0); // the text is no figure
    expectStatus(await social.patch(`${url}/${question.json().id}`, { status: 'done' }), 200);
    expect(await pending()).toBe(1);

    const besked = `/api/children/${c.id}/besked`;
    const told = { topic: 'school', toldOn: today, language: 'prs', interpreterUsed: true };
    for (const summary of ['Skolan börjar i mars', 'Skolan börjar i augusti'])
      expectStatus(await social.post(`${besked}/entries`, { ...told, summary }));
    expect(await pending()).toBe(0);
    const view = (await social.get(besked)).json<{ topics: { entries: { id: string }[] }[] }>();
    const entryIds = view.topics.flatMap((x) => x.entries.map((e) => e.id));
    expectStatus(await social.post(`${besked}/contradictions`, { entryIds }));
    expect(await pending()).toBe(1);
    const line = { text: 'Skolan börjar i augusti', tellerMemberId: c.members[0]!.id };
    expectStatus(await social.put(`${besked}/lines/school`, line), 200);
    expect(await pending()).toBe(1);
  });

  it("a topic's responsible set or cleared, the municipality's own topic added, archived or restored each ask for a rebuild", async () => {
    const w = await followupWorld(t.app, t.database.db);
    const c = await w.child();
    const pending = () => rebuildsAsked(w.tenant.id);
    const expectOk = (res: { statusCode: number; body: string }, status = 200) =>
      expect(res.statusCode, res.body).toBe(status);

    const social = await w.as(w.people.social_worker);
    const hold = (responsibleMemberId: string | null, more: Record<string, unknown> = {}) =>
      social.put(`/api/children/${c.id}/topics/school`, { responsibleMemberId, ...more });
    expectOk(await hold(c.members[0]!.id));
    expect(await pending()).toBe(1);
    expectOk(await hold(c.members[0]!.id, { fallbackMemberId: c.members[1]!.id, shareableWithCivilSociety: true }));
    expect(await pending()).toBe(0); // the fallback and the sharing are no figure
    expectOk(await hold(c.members[2]!.id));
    expect(await pending()).toBe(1);
    expectOk(await hold(null));
    expect(await pending()).toBe(1);

    const admin = await w.as(
      await buildUser(t.database.db, { tenantId: w.tenant.id, organisationId: w.org.id, role: 'tenant_admin' }),
    );
    const topic = await admin.post('/api/hub/topics', { labelSv: 'Körkort', labelEn: 'Driving licence' });
    expectOk(topic, 201);
    expect(await pending()).toBe(1);
    const url = `/api/hub/topics/${topic.json<{ key: string }>().key}`;
    expectOk(await admin.patch(url, { labelEn: 'Driving licence (B)' }));
    expect(await pending()).toBe(0); // a new label is no figure
    expectOk(await admin.patch(url, { archived: true }));
    expect(await pending()).toBe(1);
    expectOk(await admin.patch(url, { archived: true }));
    expect(await pending()).toBe(0); // archived already
    expectOk(await admin.patch(url, { archived: false }));
    expect(await pending()).toBe(1);
  });
});
