import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeskedView } from '../../../common/schemas/besked.ts';
import type { ChildEventList } from '../../../common/schemas/events.ts';
import type { QuestionList } from '../../../common/schemas/hub.ts';
import { infoCategories, type InfoCategory, type SharingPurpose } from '../../../common/schemas/sharing.ts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.ts';
import { hubMembers } from '../children/tables.ts';
import { buildPlanWorld, giveConsent, inDays, today, type PlanWorld } from '../plans/test-world.ts';

/*
 * The sharing rule on the hub's own items: besked entries, questions and the
 * notes of events, for each organisation × category × consent state. The
 * expectation is written out independently of the code, as in matrix.test.ts.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const sides = [
  { org: 'social', person: 'social_worker' },
  { org: 'school', person: 'school_mentor' },
  { org: 'bup', person: 'bup' },
  { org: 'guardian', person: 'god_man' },
  { org: 'hvb', person: 'contact_person' },
] as const;
type Org = (typeof sides)[number]['org'];

interface Scenario {
  name: string;
  setUp: (w: PlanWorld) => Promise<() => Promise<void>>;
  /** Besides its own, may `viewer` see `owner`'s hub information of `category`? */
  allows: (viewer: Org, owner: Org, category: InfoCategory) => boolean;
}

const consentScenario = (
  name: string,
  orgs: Org[],
  categories: InfoCategory[],
  opts: { purposes?: SharingPurpose[]; validFrom?: () => string; validTo?: () => string; withdraw?: boolean },
  effective: boolean,
): Scenario => ({
  name,
  setUp: async (w) => {
    const c = await giveConsent(w, {
      organisationIds: orgs.map((o) => w.orgs[o].id),
      categories,
      purposes: opts.purposes ?? ['hub'],
      validFrom: opts.validFrom?.(),
      validTo: opts.validTo?.(),
    });
    const withdraw = async () => {
      const res = await w.clients.god_man.post(`/api/consents/${c.id}/withdraw`, { withdrawnOn: today() });
      expect(res.statusCode, res.body).toBe(200);
    };
    if (opts.withdraw) await withdraw();
    return opts.withdraw ? async () => {} : withdraw;
  },
  allows: (viewer, owner, category) =>
    effective && orgs.includes(viewer) && orgs.includes(owner) && categories.includes(category),
});

const scenarios: Scenario[] = [
  { name: 'no consent, no share', setUp: async () => async () => {}, allows: () => false },
  consentScenario(
    'consent: the core three, asylum and social services',
    ['social', 'guardian', 'hvb'],
    ['asylum_case', 'social_services'],
    {},
    true,
  ),
  consentScenario('consent: school and BUP, health only', ['school', 'bup'], ['health'], {}, true),
  consentScenario(
    'consent for the plan purpose only',
    ['social', 'school', 'guardian'],
    [...infoCategories],
    { purposes: ['plan'] },
    false,
  ),
  consentScenario(
    'consent ended yesterday',
    ['social', 'school', 'hvb'],
    [...infoCategories],
    { validFrom: () => inDays(-60), validTo: () => inDays(-1) },
    false,
  ),
  consentScenario(
    'withdrawn consent',
    ['social', 'school', 'bup', 'guardian', 'hvb'],
    [...infoCategories],
    { withdraw: true },
    false,
  ),
  {
    name: 'legal basis: BUP shares health with social services for the hub',
    setUp: async (w) => {
      const res = await w.clients.bup.post(`/api/children/${w.child.id}/shares`, {
        fromOrganisationId: w.orgs.bup.id,
        toOrganisationId: w.orgs.social.id,
        categories: ['health'],
        purpose: 'hub',
        legalBasisId: 'necessary_care',
        note: 'Behövs för den nödvändiga vården.',
      });
      expect(res.statusCode, res.body).toBe(201);
      return async () => {
        expect((await w.clients.bup.post(`/api/shares/${res.json().id}/end`)).statusCode).toBe(200);
      };
    },
    allows: (viewer, owner, category) => viewer === 'social' && owner === 'bup' && category === 'health',
  },
];

const label = (owner: Org, category: InfoCategory) => `${owner}:${category}`;

async function ok<T>(res: Promise<{ statusCode: number; body: string; json: <U>() => U }>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json<T>();
}

async function seen(c: Client, childId: string) {
  const besked = await ok<BeskedView>(c.get(`/api/children/${childId}/besked`));
  const questions = await ok<QuestionList>(c.get(`/api/children/${childId}/questions`));
  const events = await ok<ChildEventList>(c.get(`/api/children/${childId}/events`));
  return { besked, questions, events };
}

describe('the sharing rule on besked, questions and event notes: organisation × category × consent state', () => {
  it('each organisation sees its own and exactly what a consent or legal basis for the hub shares; events stay, notes go', async () => {
    const w = await buildPlanWorld(t);
    const child = w.child.id;
    const memberOf = async (userId: string) =>
      (
        await t.database.db
          .select()
          .from(hubMembers)
          .where(and(eq(hubMembers.childId, child), eq(hubMembers.userId, userId)))
      )[0]!.id;
    for (const side of sides) {
      const c = w.clients[side.person];
      const me = await memberOf(w.people[side.person].id);
      for (const category of infoCategories) {
        const text = label(side.org, category);
        await ok(
          c.post(`/api/children/${child}/besked/entries`, {
            topic: 'everyday',
            toldOn: today(),
            summary: text,
            language: 'sv',
            interpreterUsed: false,
            category,
          }),
          201,
        );
        await ok(
          c.post(`/api/children/${child}/questions`, { text, ownerMemberId: me, dueOn: inDays(7), category }),
          201,
        );
        await ok(
          c.post(`/api/children/${child}/events`, {
            type: 'wellbeing_changed',
            occurredOn: today(),
            source: 'residence',
            note: text,
            category,
            confirmDuplicate: true,
          }),
          201,
        );
      }
    }
    const all = sides.length * infoCategories.length;

    for (const scenario of scenarios) {
      const tearDown = await scenario.setUp(w);
      for (const viewer of sides) {
        const expected = sides
          .flatMap((owner) =>
            infoCategories
              .filter((c) => owner.org === viewer.org || scenario.allows(viewer.org, owner.org, c))
              .map((c) => label(owner.org, c)),
          )
          .sort();
        const where = `${scenario.name} / ${viewer.org}`;
        const { besked, questions, events } = await seen(w.clients[viewer.person], child);
        const entries = besked.topics.flatMap((tp) => tp.entries);
        expect(entries.map((e) => e.summary).sort(), `${where} besked`).toEqual(expected);
        expect(besked.someWithheld, `${where} besked`).toBe(expected.length < all);
        expect(questions.items.map((q) => q.text).sort(), `${where} questions`).toEqual(expected);
        expect(questions.someWithheld, `${where} questions`).toBe(expected.length < all);
        // Every event reaches the whole hub; only the notes follow the rule.
        expect(events.items, `${where} events`).toHaveLength(all);
        const notes = events.items.filter((e) => !e.noteWithheld).map((e) => e.note);
        expect(notes.sort(), `${where} notes`).toEqual(expected);
        expect(
          events.items.filter((e) => e.noteWithheld).every((e) => e.note === undefined),
          where,
        ).toBe(true);
        expect(events.someWithheld, `${where} events`).toBe(expected.length < all);
      }
      await tearDown();
    }
  }, 300_000);
});
