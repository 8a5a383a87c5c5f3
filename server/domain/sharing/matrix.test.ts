import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../common/schemas/plans.ts';
import { infoCategories, type InfoCategory, type SharingPurpose } from '../../../common/schemas/sharing.ts';
import { auditLog } from '../../audit/tables.ts';
import type { Actor } from '../../context.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import {
  addMeasure,
  adoptPlan,
  buildPlanWorld,
  giveConsent,
  inDays,
  newPlan,
  readPlan,
  readyPlan,
  today,
  type PlanWorld,
} from '../plans/test-world.ts';
import { loadGrants } from './repo.ts';
import { decide } from './rule.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** Each organisation of the world, with the person who writes and reads for it. */
const sides = [
  { org: 'social', person: 'social_worker', role: 'social_worker' },
  { org: 'school', person: 'school_mentor', role: 'school_mentor' },
  { org: 'bup', person: 'bup', role: 'child_psychiatry' },
  { org: 'guardian', person: 'god_man', role: 'god_man' },
  { org: 'hvb', person: 'contact_person', role: 'contact_person' },
] as const;
type Org = (typeof sides)[number]['org'];

/** A state of consent and legal-basis sharing, and what it allows, written out independently of the code. */
interface Scenario {
  name: string;
  setUp: (w: PlanWorld) => Promise<() => Promise<void>>;
  /** Besides its own, may `viewer` see `owner`'s information of `category`? */
  allows: (viewer: Org, owner: Org, category: InfoCategory) => boolean;
}

const none = () => false;
const consentScenario = (
  name: string,
  orgs: Org[],
  categories: InfoCategory[],
  opts: {
    purposes?: SharingPurpose[];
    validFrom?: () => string;
    validTo?: () => string;
    withdraw?: boolean;
    effective: boolean;
  },
): Scenario => ({
  name,
  setUp: async (w) => {
    const c = await giveConsent(w, {
      organisationIds: orgs.map((o) => w.orgs[o].id),
      categories,
      purposes: opts.purposes ?? ['plan'],
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
    opts.effective && orgs.includes(viewer) && orgs.includes(owner) && categories.includes(category),
});

const scenarios: Scenario[] = [
  { name: 'no consent, no share', setUp: async () => async () => {}, allows: none },
  consentScenario(
    'consent: social services and school, school and social categories',
    ['social', 'school'],
    ['school', 'social_services'],
    { effective: true },
  ),
  consentScenario('consent: school and BUP, health only', ['school', 'bup'], ['health'], { effective: true }),
  consentScenario('consent for the hub purpose only', ['social', 'school'], [...infoCategories], {
    purposes: ['hub'],
    effective: false,
  }),
  consentScenario('consent ended yesterday', ['social', 'school', 'bup'], [...infoCategories], {
    validFrom: () => inDays(-60),
    validTo: () => inDays(-1),
    effective: false,
  }),
  consentScenario('consent from tomorrow', ['social', 'school', 'bup'], [...infoCategories], {
    validFrom: () => inDays(1),
    effective: false,
  }),
  consentScenario('withdrawn consent', ['social', 'school', 'bup', 'guardian', 'hvb'], [...infoCategories], {
    withdraw: true,
    effective: false,
  }),
  {
    name: 'legal basis: BUP shares health with social services (necessary care)',
    setUp: async (w) => {
      const res = await w.clients.bup.post(`/api/children/${w.child.id}/shares`, {
        fromOrganisationId: w.orgs.bup.id,
        toOrganisationId: w.orgs.social.id,
        categories: ['health'],
        purpose: 'plan',
        legalBasisId: 'necessary_care',
        note: 'Behövs för placeringen.',
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

function actorFor(w: PlanWorld, side: (typeof sides)[number]): Actor {
  return {
    userId: w.people[side.person].id,
    tenantId: w.tenant.id,
    displayName: side.person,
    memberships: [{ organisationId: w.orgs[side.org].id, role: side.role }],
    sessionId: 'test',
  };
}

describe('the sharing rule, organisation × category × consent state', () => {
  it('shows each organisation its own information and exactly what consent or a legal basis shares; SQL and JS agree', async () => {
    const w = await buildPlanWorld(t);
    const plan = await newPlan(w, 'sip');
    // Every organisation writes one note and one measure in every category.
    for (const side of sides)
      for (const category of infoCategories) {
        const res = await w.clients[side.person].post(`/api/plans/${plan.id}/entries`, {
          kind: 'note',
          text: label(side.org, category),
          category,
        });
        expect(res.statusCode, res.body).toBe(200);
        await addMeasure(w.clients[side.person], plan.id, {
          responsibleOrganisationId: w.orgs[side.org].id,
          category,
          description: label(side.org, category),
        });
      }

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
        const seen = await readPlan(w.clients[viewer.person], plan.id);
        const where = `${scenario.name} / ${viewer.org}`;
        expect(seen.notes.map((n) => n.text).sort(), where).toEqual(expected);
        expect(seen.measures.map((m) => m.description).sort(), where).toEqual(expected);
        expect(seen.someWithheld, where).toBe(expected.length < sides.length * infoCategories.length);

        // The JS form gives the same answer for every item, visible or not.
        const grants = await loadGrants(t.database.db, actorFor(w, viewer), w.child.id);
        for (const owner of sides)
          for (const category of infoCategories)
            expect(
              decide(grants, { owner: w.orgs[owner.org].id, category }, 'plan').visible,
              `${where} → ${label(owner.org, category)}`,
            ).toBe(expected.includes(label(owner.org, category)));
      }
      await tearDown();
    }

    // Civil society never reads the plan; the school never sees social services by default.
    expect((await w.clients.volunteer.get(`/api/plans/${plan.id}`)).statusCode).toBe(403);
    const school = await readPlan(w.clients.school_mentor, plan.id);
    expect(school.notes.every((n: Plan['notes'][number]) => n.owningOrganisation.id === w.orgs.school.id)).toBe(true);
  }, 240_000);
});

describe('audit of shares and withheld information', () => {
  it('logs each share with its consent, and each withholding by owner and category, in the read’s transaction', async () => {
    const w = await buildPlanWorld(t);
    const plan = await newPlan(w);
    for (const category of ['school', 'health'] as const)
      await w.clients.social_worker.post(`/api/plans/${plan.id}/entries`, { kind: 'need', text: category, category });
    const c = await giveConsent(w, { organisationIds: [w.orgs.social.id, w.orgs.school.id], categories: ['school'] });
    const seen = await readPlan(w.clients.school_mentor, plan.id);
    expect(seen.needs.map((n) => n.text)).toEqual(['school']);
    expect(seen.someWithheld).toBe(true);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.childId, w.child.id), eq(auditLog.actorUserId, w.people.school_mentor.id)));
    const disclosed = rows.filter((r) => r.action === 'sharing.disclosed');
    const withheld = rows.filter((r) => r.action === 'sharing.withheld');
    expect(disclosed.map((r) => r.detail)).toEqual([
      {
        purpose: 'plan',
        ground: 'consent',
        consentId: c.id,
        fromOrganisationId: w.orgs.social.id,
        toOrganisationId: w.orgs.school.id,
        category: 'school',
        items: 1,
      },
    ]);
    expect(withheld.map((r) => r.detail)).toEqual([
      { purpose: 'plan', fromOrganisationId: w.orgs.social.id, category: 'health', items: 1 },
    ]);
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(1);
  });
});

describe('withdrawal takes effect at once', () => {
  it('the very next request of an affected user no longer returns the information, in the live plan and an adopted version', async () => {
    const w = await buildPlanWorld(t);
    const ready = await readyPlan(w);
    const withNeed = await w.clients.social_worker.post(`/api/plans/${ready.id}/entries`, {
      kind: 'need',
      text: 'Behöver stöd efter avslaget',
      category: 'social_services',
    });
    await adoptPlan(w, withNeed.json());
    const before = await readPlan(w.clients.school_mentor, ready.id);
    expect(before.needs.map((n) => n.text)).toEqual(['Behöver stöd efter avslaget']);
    expect(before.someWithheld).toBe(false);
    const version = `/api/plans/${ready.id}/versions/1`;
    expect((await w.clients.school_mentor.get(version)).json().content.needs).toHaveLength(1);

    const res = await w.clients.god_man.post(`/api/consents/${ready.consent!.id}/withdraw`, { withdrawnOn: today() });
    expect(res.statusCode).toBe(200);
    const after = await readPlan(w.clients.school_mentor, ready.id);
    expect(after.needs).toEqual([]);
    expect(after.measures).toEqual([]);
    expect(after.someWithheld).toBe(true);
    const frozen = (await w.clients.school_mentor.get(version)).json();
    expect(frozen.content.needs).toEqual([]);
    expect(frozen.someWithheld).toBe(true);
    // The owner still sees its own.
    expect((await readPlan(w.clients.social_worker, ready.id)).needs).toHaveLength(1);
  });
});
