import { FULL, STAFF } from './groups.ts';
import type { Ctx, Rule } from './rules.ts';
import { inDays, localAt, ok, today } from './world.ts';

/*
 * The plan's routes. X's plan is ready to adopt when the matrix starts; the
 * phases walk it through its life: edits (1), adoption (4), the adopted
 * version and its follow-up (5), a new version (6), the end (7), and then a
 * new plan for the child (8), since a child has one plan at a time.
 */

const plan = (c: Ctx) => ({ id: c.e.plan.id });
const LEAD = ['social_worker'] as const;

async function planVersion(c: Ctx): Promise<number> {
  if (c.side !== 'x') return 1;
  return ok<{ version: number }>(await c.owner.get(`/api/plans/${c.e.plan.id}`), 200, 'plan').version;
}

/** The measure's version now: each allowed PATCH bumps it, so the next actor reads it afresh. */
async function measureVersion(c: Ctx): Promise<number> {
  if (c.side !== 'x') return 1;
  const p = ok<{ measures: { id: string; version?: number }[] }>(
    await c.owner.get(`/api/plans/${c.e.plan.id}`),
    200,
    'plan',
  );
  return p.measures.find((m) => m.id === c.e.measureId)?.version ?? 1;
}

async function freshItem(c: Ctx, kind: 'entries' | 'measures') {
  const body =
    kind === 'entries'
      ? { kind: 'note', text: `Anteckning att ta bort (${c.actor})`, category: 'school' }
      : {
          description: `Insats att ta bort (${c.actor})`,
          responsibleOrganisationId: c.e.orgs.school,
          responsibleName: 'Mats Holm',
          startOn: today(),
          goal: 'Ett mätbart mål',
          category: 'school',
        };
  const p = ok<{ notes: { id: string }[]; measures: { id: string }[] }>(
    await c.owner.post(`/api/plans/${c.e.plan.id}/${kind}`, body),
    200,
    `fresh ${kind}`,
  );
  const items = kind === 'entries' ? p.notes : p.measures;
  return { id: c.e.plan.id, itemId: items[items.length - 1]!.id };
}

export const planRules: Record<string, Rule> = {
  'GET /api/children/{id}/plans': { scope: 'child', allow: FULL, params: (c) => ({ id: c.e.childId }) },
  'POST /api/children/{id}/plans': {
    scope: 'child',
    allow: STAFF,
    params: (c) => ({ id: c.e.childId }),
    body: () => ({ kind: 'isip' }),
    once: true,
    phase: 8,
  },
  'GET /api/plans/{id}': { scope: 'child', allow: FULL, params: plan },
  'PATCH /api/plans/{id}': {
    scope: 'child',
    allow: LEAD,
    params: plan,
    body: async (c) => ({ version: await planVersion(c), childGoals: 'Gå ut nian.' }),
    phase: 1,
  },
  'PUT /api/plans/{id}/participants': {
    scope: 'child',
    allow: LEAD,
    params: plan,
    body: async (c) => ({ version: await planVersion(c), participants: [{ userId: c.e.ownerId }] }),
    phase: 1,
  },
  'POST /api/plans/{id}/invitations': {
    scope: 'child',
    allow: LEAD,
    params: plan,
    body: () => ({ title: 'SIP-möte', startsAt: localAt(5, 13), endsAt: localAt(5, 15), location: 'Rum 2' }),
    phase: 1,
  },
  'POST /api/plans/{id}/entries': {
    scope: 'child',
    allow: STAFF,
    params: plan,
    body: (c) => ({ kind: 'note', text: `Anteckning (${c.actor})`, category: 'school' }),
    phase: 1,
  },
  'DELETE /api/plans/{id}/entries/{itemId}': {
    scope: 'child',
    // The owning organisation's staff (social services: the social worker, who also leads).
    allow: LEAD,
    params: (c) => ({ id: c.e.plan.id, itemId: c.e.entryId }),
    fresh: (c) => freshItem(c, 'entries'),
    phase: 1,
  },
  'POST /api/plans/{id}/measures': {
    scope: 'child',
    allow: STAFF,
    params: plan,
    body: (c) => ({
      description: `Insats (${c.actor})`,
      responsibleOrganisationId: c.e.orgs.school,
      responsibleName: 'Mats Holm',
      startOn: today(),
      goal: 'Närvaro varje dag',
      category: 'school',
    }),
    phase: 1,
  },
  'PATCH /api/plans/{id}/measures/{itemId}': {
    scope: 'child',
    allow: LEAD,
    params: (c) => ({ id: c.e.plan.id, itemId: c.e.measureId }),
    body: async (c) => ({ version: await measureVersion(c), goal: 'Närvaro fyra dagar i veckan' }),
    phase: 1,
  },
  'DELETE /api/plans/{id}/measures/{itemId}': {
    scope: 'child',
    allow: LEAD,
    params: (c) => ({ id: c.e.plan.id, itemId: c.e.measureId }),
    fresh: (c) => freshItem(c, 'measures'),
    phase: 1,
  },
  'POST /api/plans/{id}/adopt': {
    scope: 'child',
    allow: LEAD,
    params: plan,
    body: async (c) => ({
      version: await planVersion(c),
      followUpOn: inDays(90),
      followUpUserId: c.e.ownerId,
      childApproval: { approved: true, note: 'Barnet sa ja på mötet.' },
      meetingWaiver: { reason: 'Barnet ville inte ha ett möte till.' },
    }),
    phase: 4,
  },
  'GET /api/plans/{id}/versions/{number}': {
    scope: 'child',
    allow: FULL,
    params: (c) => ({ id: c.e.plan.id, number: '1' }),
    phase: 5,
  },
  'GET /api/plans/{id}/versions/{number}/pdf': {
    scope: 'child',
    allow: FULL,
    params: (c) => ({ id: c.e.plan.id, number: '1' }),
    phase: 5,
  },
  'GET /api/plans/{id}/fhir': { scope: 'child', allow: FULL, params: plan, phase: 5 },
  'POST /api/plans/{id}/follow-ups': {
    scope: 'child',
    allow: LEAD,
    params: plan,
    body: async (c) => ({
      version: await planVersion(c),
      heldOn: today(),
      outcomes: [],
      summary: 'Det går bättre i skolan.',
      nextFollowUpOn: inDays(60),
      nextFollowUpUserId: c.e.ownerId,
    }),
    phase: 5,
  },
  'POST /api/plans/{id}/revise': {
    scope: 'child',
    allow: LEAD,
    params: plan,
    body: async (c) => ({ version: await planVersion(c) }),
    phase: 6,
  },
  'POST /api/plans/{id}/end': {
    scope: 'child',
    allow: LEAD,
    params: plan,
    body: async (c) => ({ version: await planVersion(c), reason: 'goals_met', note: null }),
    phase: 7,
  },
};
