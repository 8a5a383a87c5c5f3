import { FULL, NOT_VOLUNTEER } from './groups.ts';
import type { Ctx, Rule } from './rules.ts';
import { inDays, ok, type Actor } from './world.ts';

/*
 * Process maps follow their collaboration (world-collaboration.ts): X's is
 * tenant A's, Z's tenant B's, so A's actors meet 404 on Z's map. Members read
 * (not volunteers, whose role is refused before any id); the coordinators,
 * the tenant admin (a runner of collaborations) and the representative
 * (A's manager) edit. Each side's map is made from the starter map on first use.
 */

const EDIT: readonly Actor[] = ['coordinator', 'tenant_admin', 'manager'];
const volunteerFirst = { volunteer: 403 };

const made = new Map<string, Promise<string>>();
const side = (c: Ctx) => c.w.collab[c.side === 'z' ? 'z' : 'x'];
const list = (c: Ctx) => `/api/collaborations/${side(c).id}/process-maps`;

function mapOf(c: Ctx): Promise<string> {
  const key = side(c).id;
  if (!made.has(key))
    made.set(
      key,
      side(c)
        .runner.post(list(c), { title: 'Asylprocessen', level: 'operational', start: 'starter' })
        .then((res) => ok<{ id: string }>(res, 201, 'process map').id),
    );
  return made.get(key)!;
}

const mapParams = async (c: Ctx) => ({ id: side(c).id, mapId: await mapOf(c) });
const url = async (c: Ctx) => `${list(c)}/${await mapOf(c)}`;
const head = async (c: Ctx) => ok<{ head: number }>(await side(c).runner.get(await url(c)), 200, 'map').head;

async function annotation(c: Ctx) {
  const detail = ok<{ annotations: { id: string }[] }>(
    await side(c).runner.post(`${await url(c)}/annotations`, {
      elementId: 'Task_FirstHub',
      kind: 'works_less_well',
      text: `Sent (${c.actor})`,
    }),
    201,
    'annotation',
  );
  return { ...(await mapParams(c)), annotationId: detail.annotations.at(-1)!.id };
}

/** A second map per side, adopted, with the placement linked: what the overlay and its children read. */
const adoptedMade = new Map<string, Promise<string>>();
function adoptedMapOf(c: Ctx): Promise<string> {
  const key = side(c).id;
  if (!adoptedMade.has(key))
    adoptedMade.set(
      key,
      (async () => {
        const runner = side(c).runner;
        const created = await runner.post(list(c), { title: 'Antagen karta', level: 'operational', start: 'starter' });
        const mapId = ok<{ id: string }>(created, 201, 'adopted map').id;
        const v1 = `${list(c)}/${mapId}/versions/1`;
        const decision = { body: 'forum', decidedBy: 'Samverkansforum', decidedOn: '2026-11-20', text: 'Antas.' };
        ok(await runner.post(`${v1}/adopt`, decision), 200, 'adoption');
        ok(
          await runner.put(`${v1}/links`, { elementId: 'Task_Placement', kind: 'child', ref: 'placement' }),
          200,
          'link',
        );
        return mapId;
      })(),
    );
  return adoptedMade.get(key)!;
}
const adoptedParams = async (c: Ctx) => ({ id: side(c).id, mapId: await adoptedMapOf(c) });

/** A link on the side's first map for each allowed actor to remove. */
async function freshLink(c: Ctx) {
  const params = { ...(await mapParams(c)), number: '1', elementId: 'Task_School' };
  const body = { elementId: 'Task_School', kind: 'meeting', ref: 'hub' };
  ok(await side(c).runner.put(`${await url(c)}/versions/1/links`, body), 200, 'link to remove');
  return params;
}

const read = (extra: Partial<Rule> = {}): Rule => ({
  scope: 'collaboration',
  allow: NOT_VOLUNTEER,
  params: mapParams,
  expect: volunteerFirst,
  ...extra,
});
const edit = (extra: Partial<Rule>): Rule => ({
  scope: 'collaboration',
  allow: EDIT,
  params: mapParams,
  expect: volunteerFirst,
  ...extra,
});

export const processMapRules: Record<string, Rule> = {
  'GET /api/collaborations/{id}/process-maps': read({ params: (c) => ({ id: side(c).id }) }),
  'POST /api/collaborations/{id}/process-maps': edit({
    params: (c) => ({ id: side(c).id }),
    body: (c) => ({ title: `Karta (${c.actor})`, level: 'strategic', start: 'starter' }),
  }),
  'GET /api/collaborations/{id}/process-maps/{mapId}': read(),
  'GET /api/collaborations/{id}/process-maps/{mapId}/versions/{number}': read({
    params: async (c) => ({ ...(await mapParams(c)), number: '1' }),
  }),
  'GET /api/collaborations/{id}/process-maps/{mapId}/versions/{number}/bpmn': read({
    params: async (c) => ({ ...(await mapParams(c)), number: '1' }),
  }),
  'GET /api/collaborations/{id}/process-maps/{mapId}/compare': read({ query: 'from=1&to=1' }),
  'POST /api/collaborations/{id}/process-maps/{mapId}/versions': edit({
    body: async (c) => ({
      baseNumber: await head(c),
      xml: ok<{ xml: string }>(await side(c).runner.get(`${await url(c)}/versions/1`), 200, 'v1').xml,
    }),
  }),
  'POST /api/collaborations/{id}/process-maps/{mapId}/versions/{number}/adopt': edit({
    params: async (c) => ({ ...(await mapParams(c)), number: '1' }),
    body: () => ({ body: 'forum', decidedBy: 'Samverkansforum', decidedOn: '2026-11-20', text: 'Antas.' }),
    once: true,
  }),
  'POST /api/collaborations/{id}/process-maps/{mapId}/workshops': edit({
    body: (c) => ({ heldOn: '2026-11-02', participants: [{ name: c.actor, party: 'Socialtjänsten' }] }),
  }),
  'POST /api/collaborations/{id}/process-maps/{mapId}/annotations': edit({
    body: () => ({ elementId: 'Task_School', kind: 'forgotten', text: 'Skolan kommer in sent.' }),
  }),
  'PATCH /api/collaborations/{id}/process-maps/{mapId}/annotations/{annotationId}': edit({
    params: annotation,
    body: () => ({ kind: 'not_done' }),
  }),
  'POST /api/collaborations/{id}/process-maps/{mapId}/annotations/{annotationId}/proposal': edit({
    params: annotation,
    fresh: annotation,
  }),
  'POST /api/collaborations/{id}/process-maps/{mapId}/annotations/{annotationId}/competence-need': edit({
    params: annotation,
    fresh: annotation,
    body: (c) => ({ ownerUserId: c.w.people.coordinator.id, dueOn: inDays(60) }),
  }),
  'PUT /api/collaborations/{id}/process-maps/{mapId}/versions/{number}/links': edit({
    params: async (c) => ({ ...(await mapParams(c)), number: '1' }),
    body: () => ({ elementId: 'Task_Placement', kind: 'child', ref: 'placement' }),
  }),
  'DELETE /api/collaborations/{id}/process-maps/{mapId}/versions/{number}/links/{elementId}': edit({
    params: freshLink,
    fresh: freshLink,
  }),
  'GET /api/collaborations/{id}/process-maps/{mapId}/conformance': read({ params: adoptedParams }),
  // Behind a figure: only readers whose own child scope holds some of the collaboration's children (X's hub
  // and the manager of its social services); the others, though they read the map, meet 404 as for a child.
  'GET /api/collaborations/{id}/process-maps/{mapId}/conformance/children': read({
    allow: FULL,
    params: adoptedParams,
    query: 'elementId=Task_Placement&figure=reached',
    expect: { ...volunteerFirst, coordinator: 404, tenant_admin: 404, ended: 404 },
  }),
};
