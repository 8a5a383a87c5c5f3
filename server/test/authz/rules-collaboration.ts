import { ALL, NOT_VOLUNTEER } from './groups.ts';
import type { Ctx, Rule } from './rules.ts';
import { ok, type Actor } from './world.ts';
import type { CollabSide } from './world-collaboration.ts';

/*
 * The collaboration's routes (the strategic and operational levels' frame).
 * Scope is the municipality: X's collaboration is tenant A's, Z's is tenant
 * B's, so every actor of A meets 404 on Z's. Reading is for every role but
 * civil society's volunteers; running it for coordinators and tenant admins;
 * the role is checked first. The draft is edited (phase 1) before parties sign it (2).
 */

const RUNNERS: readonly Actor[] = ['coordinator', 'tenant_admin'];
const side = (c: Ctx): CollabSide => c.w.collab[c.side === 'z' ? 'z' : 'x'];
const id = (c: Ctx) => ({ id: side(c).id });
const base = (c: Ctx) => `/api/collaborations/${side(c).id}`;
const read = (extra: (c: Ctx) => Record<string, string> = () => ({})): Rule => ({
  scope: 'tenant',
  allow: NOT_VOLUNTEER,
  params: (c) => ({ ...id(c), ...extra(c) }),
});

async function current<T>(c: Ctx, url: string): Promise<T> {
  return ok<T>(await side(c).runner.get(url), 200, url);
}

export const collaborationRules: Record<string, Rule> = {
  'GET /api/collaborations': { scope: 'tenant', allow: ALL },
  'POST /api/collaborations': { scope: 'tenant', allow: RUNNERS, body: (c) => ({ name: `Samverkan ${c.actor}` }) },
  'GET /api/collaborations/municipalities': { scope: 'tenant', allow: RUNNERS, query: 'q=kommun' },
  'GET /api/collaborations/{id}': read(),
  'PATCH /api/collaborations/{id}': {
    scope: 'tenant',
    allow: RUNNERS,
    params: id,
    body: async (c) => ({
      name: `Samverkan (${c.actor})`,
      version: (await current<{ version: number }>(c, base(c))).version,
    }),
  },
  'POST /api/collaborations/{id}/invitations': {
    scope: 'tenant',
    allow: RUNNERS,
    params: id,
    body: async (c) => ({ tenantId: await c.w.collab.newTenant() }),
  },
  'POST /api/collaborations/{id}/invitation/accept': {
    scope: 'tenant',
    allow: ['tenant_admin'],
    params: (c) => ({ id: side(c).invitationId }),
    fresh: async (c) => ({ id: await c.w.collab.inviteA() }),
  },
  'POST /api/collaborations/{id}/invitation/decline': {
    scope: 'tenant',
    allow: ['tenant_admin'],
    params: (c) => ({ id: side(c).invitationId }),
    fresh: async (c) => ({ id: await c.w.collab.inviteA() }),
  },
  'POST /api/collaborations/{id}/parties': {
    scope: 'tenant',
    allow: RUNNERS,
    params: id,
    body: (c) => ({ name: `Röda Korset (${c.actor})`, kind: 'civil_society' }),
  },
  'POST /api/collaborations/{id}/parties/{partyId}/end': {
    scope: 'tenant',
    allow: RUNNERS,
    params: (c) => ({ ...id(c), partyId: side(c).partyIds[1] }),
    fresh: async (c) => {
      const body = ok<{ parties: { id: string; name: string }[] }>(
        await side(c).runner.post(`${base(c)}/parties`, { name: `Att avsluta (${c.actor})`, kind: 'other' }),
        200,
        'fresh party',
      );
      return { ...id(c), partyId: body.parties.find((p) => p.name === `Att avsluta (${c.actor})`)!.id };
    },
  },
  'POST /api/collaborations/{id}/people': {
    scope: 'tenant',
    allow: RUNNERS,
    params: id,
    body: (c) => ({ role: 'coordinator', name: `Samordnare ${c.actor}` }),
  },
  'POST /api/collaborations/{id}/people/{personId}/end': {
    scope: 'tenant',
    allow: RUNNERS,
    params: (c) => ({ ...id(c), personId: side(c).personId }),
    fresh: async (c) => {
      const name = `Avslutas ${c.actor}`;
      const body = ok<{ people: { id: string; name: string }[] }>(
        await side(c).runner.post(`${base(c)}/people`, { role: 'coordinator', name }),
        200,
        'fresh person',
      );
      return { ...id(c), personId: body.people.find((p) => p.name === name)!.id };
    },
  },
  'GET /api/collaborations/{id}/candidates': { scope: 'tenant', allow: RUNNERS, params: id },
  'GET /api/collaborations/{id}/steps': read(),
  'PUT /api/collaborations/{id}/steps/{step}': {
    scope: 'tenant',
    allow: RUNNERS,
    params: (c) => ({ ...id(c), step: '2' }),
    body: async (c) => {
      const roadmap = await current<{ steps: { number: number; version: number }[] }>(c, `${base(c)}/steps`);
      return { version: roadmap.steps.find((s) => s.number === 2)!.version, status: 'in_progress', owner: c.actor };
    },
  },
  'GET /api/collaborations/{id}/decisions': read(),
  'POST /api/collaborations/{id}/decisions': {
    scope: 'tenant',
    allow: RUNNERS,
    params: id,
    body: (c) => ({
      partyId: side(c).partyIds[1],
      decidedBy: 'Regionens ledning',
      decidedOn: '2026-10-02',
      text: `Beslut (${c.actor})`,
    }),
  },
  'GET /api/collaborations/{id}/decisions/{decisionId}/document': read((c) => ({ decisionId: side(c).decisionId })),
  'GET /api/collaborations/{id}/proposals': read(),
  'POST /api/collaborations/{id}/proposals': {
    scope: 'tenant',
    allow: RUNNERS,
    params: id,
    body: (c) => ({ title: `Förslag (${c.actor})`, origin: 'other' }),
  },
  'PATCH /api/collaborations/{id}/proposals/{proposalId}': {
    scope: 'tenant',
    allow: RUNNERS,
    params: (c) => ({ ...id(c), proposalId: side(c).proposalId }),
    body: async (c) => {
      const list = await current<{ proposals: { id: string; version: number }[] }>(c, `${base(c)}/proposals`);
      return { version: list.proposals.find((p) => p.id === side(c).proposalId)!.version, owner: c.actor };
    },
  },
  'GET /api/collaborations/{id}/reviews': read(),
  'POST /api/collaborations/{id}/reviews': {
    scope: 'tenant',
    allow: RUNNERS,
    params: id,
    body: () => ({ dueOn: '2028-10-01' }),
  },
  'PUT /api/collaborations/{id}/reviews/{reviewId}': {
    scope: 'tenant',
    allow: RUNNERS,
    params: (c) => ({ ...id(c), reviewId: side(c).reviewId }),
    fresh: async (c) => {
      const list = ok<{ reviews: { id: string }[] }>(
        await side(c).runner.post(`${base(c)}/reviews`, { dueOn: '2029-01-01' }),
        201,
        'fresh review',
      );
      return { ...id(c), reviewId: list.reviews[list.reviews.length - 1]!.id };
    },
    body: () => ({ heldOn: '2026-11-01', whatWorks: 'Forumet.', whatDoesNot: 'Skolan saknas.', actions: [] }),
  },
  'GET /api/collaborations/{id}/governance': read(),
  'POST /api/collaborations/{id}/governance': {
    scope: 'tenant',
    allow: RUNNERS,
    params: id,
    body: () => ({ lang: 'sv' }),
    // The world's collaborations have a draft already: each allowed actor starts one in a new collaboration.
    fresh: async (c) => ({
      id: ok<{ id: string }>(
        await side(c).runner.post('/api/collaborations', { name: `Dokument ${c.actor}` }),
        201,
        'fresh collaboration',
      ).id,
    }),
  },
  'GET /api/collaborations/{id}/governance/versions/{number}': read(() => ({ number: '1' })),
  'GET /api/collaborations/{id}/governance/versions/{number}/pdf': read(() => ({ number: '1' })),
  'PUT /api/collaborations/{id}/governance/versions/{number}': {
    scope: 'tenant',
    allow: RUNNERS,
    params: (c) => ({ ...id(c), number: '1' }),
    body: async (c) => {
      const v = await current<{ revision: number; content: { purpose: string } }>(
        c,
        `${base(c)}/governance/versions/1`,
      );
      return { revision: v.revision, content: { ...v.content, purpose: `Syfte (${c.actor})` } };
    },
  },
  'POST /api/collaborations/{id}/governance/versions/{number}/sign-offs': {
    scope: 'tenant',
    allow: RUNNERS,
    params: (c) => ({ ...id(c), number: '1' }),
    body: async (c) => {
      const v = await current<{ revision: number; unsigned: { partyId: string }[] }>(
        c,
        `${base(c)}/governance/versions/1`,
      );
      return {
        partyId: v.unsigned[0]?.partyId ?? side(c).partyIds[0],
        signedBy: `Chef (${c.actor})`,
        revision: v.revision,
      };
    },
    phase: 2,
  },
};
