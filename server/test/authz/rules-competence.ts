import { ALL, NOT_VOLUNTEER } from './groups.ts';
import type { Ctx, Rule } from './rules.ts';
import { inDays, ok, type Actor } from './world.ts';
import type { CollabSide } from './world-collaboration.ts';

/*
 * The competence basis (server/domain/competence). Collaboration routes take
 * X's collaboration (tenant A's) or Z's (tenant B's): every actor of A meets
 * 404 on Z's once the role allows; reading is for every role but civil
 * society's volunteers, recording for the collaboration's runners, the role
 * first. Articles are the municipality's: its coordinators, managers and
 * admins write them, every staff member reads them.
 */

const RUNNERS: readonly Actor[] = ['coordinator', 'tenant_admin'];
const WRITERS: readonly Actor[] = ['coordinator', 'manager', 'tenant_admin'];
const side = (c: Ctx): CollabSide => c.w.collab[c.side === 'z' ? 'z' : 'x'];
const base = (c: Ctx) => `/api/collaborations/${side(c).id}/competence`;

/** Entities made once per side by the side's runner, on first use. */
const made = new Map<string, Promise<string>>();
function once(c: Ctx, what: string, make: () => Promise<string>): Promise<string> {
  const key = `${side(c).id}:${what}`;
  if (!made.has(key)) made.set(key, make());
  return made.get(key)!;
}

const topic = (c: Ctx) =>
  once(c, 'topic', async () => {
    const t = ok<{ id: string }>(
      await side(c).runner.post(`${base(c)}/topics`, { name: 'Sekretess (matris)', renewalMonths: 24 }),
      201,
      'topic',
    );
    return t.id;
  });
const session = (c: Ctx) =>
  once(c, 'session', async () => {
    const s = ok<{ id: string }>(
      await side(c).runner.post(`${base(c)}/sessions`, { topicId: await topic(c), heldOn: inDays(-1) }),
      201,
      'session',
    );
    return s.id;
  });
const runnerId = async (c: Ctx) =>
  ok<{ staff: { id: string }[] }>(await side(c).runner.get(base(c)), 200, 'overview').staff[0]!.id;
const need = (c: Ctx) =>
  once(c, 'need', async () => {
    const n = ok<{ id: string }>(
      await side(c).runner.post(`${base(c)}/needs`, {
        title: 'Sekretess i skolan',
        ownerUserId: await runnerId(c),
        dueOn: inDays(30),
      }),
      201,
      'need',
    );
    return n.id;
  });
const article = (c: Ctx) =>
  once(c, 'article', async () => {
    const a = ok<{ id: string }>(
      await side(c).runner.post('/api/knowledge', { title: 'God man', body: 'Text', lang: 'sv', reviewOn: inDays(90) }),
      201,
      'article',
    );
    return a.id;
  });

export const competenceRules: Record<string, Rule> = {
  'GET /api/collaborations/{id}/competence': {
    scope: 'tenant',
    allow: NOT_VOLUNTEER,
    params: (c) => ({ id: side(c).id }),
  },
  'POST /api/collaborations/{id}/competence/needs': {
    scope: 'tenant',
    allow: RUNNERS,
    params: (c) => ({ id: side(c).id }),
    body: (c) => ({ title: `Behov (${c.actor})`, ownerUserId: c.w.people.coordinator.id, dueOn: inDays(20) }),
  },
  'PATCH /api/collaborations/{id}/competence/needs/{needId}': {
    scope: 'tenant',
    allow: RUNNERS,
    params: async (c) => ({ id: side(c).id, needId: await need(c) }),
    body: () => ({ status: 'planned' }),
  },
  'POST /api/collaborations/{id}/competence/topics': {
    scope: 'tenant',
    allow: RUNNERS,
    params: (c) => ({ id: side(c).id }),
    body: (c) => ({ name: `Ämne (${c.actor})`, renewalMonths: 12 }),
  },
  'POST /api/collaborations/{id}/competence/sessions': {
    scope: 'tenant',
    allow: RUNNERS,
    params: (c) => ({ id: side(c).id }),
    body: async (c) => ({ topicId: await topic(c), heldOn: inDays(-2), attendeeUserIds: [c.w.people.manager.id] }),
  },
  'PUT /api/collaborations/{id}/competence/sessions/{sessionId}/attendance': {
    scope: 'tenant',
    allow: RUNNERS,
    params: async (c) => ({ id: side(c).id, sessionId: await session(c) }),
    body: (c) => ({ attendeeUserIds: [c.w.people.coordinator.id] }),
  },
  'GET /api/competence/mine': { scope: 'self', allow: ALL },
  'GET /api/knowledge': { scope: 'tenant', allow: NOT_VOLUNTEER },
  'POST /api/knowledge': {
    scope: 'tenant',
    allow: WRITERS,
    body: (c) => ({ title: `Artikel (${c.actor})`, body: 'Text', lang: 'sv', reviewOn: inDays(60) }),
  },
  'GET /api/knowledge/{articleId}': {
    scope: 'tenant',
    allow: NOT_VOLUNTEER,
    params: async (c) => ({ articleId: await article(c) }),
  },
  'PUT /api/knowledge/{articleId}': {
    scope: 'tenant',
    allow: WRITERS,
    params: async (c) => ({ articleId: await article(c) }),
    body: async (c) => {
      const id = await article(c);
      const current = ok<{ version: number }>(await side(c).runner.get(`/api/knowledge/${id}`), 200, 'article');
      return { title: `Artikel (${c.actor})`, body: 'Ny text', reviewOn: inDays(60), version: current.version };
    },
  },
  'GET /api/may-i-share/options': { scope: 'self', allow: ALL },
  'GET /api/may-i-share': {
    scope: 'self',
    allow: ALL,
    skip:
      'The question names the asker’s own organisation and a child, which a fixed query cannot: ' +
      'server/domain/competence/share-question.test.ts covers 401, 400 at the fields, 404 outside the scope and the answers.',
  },
};
