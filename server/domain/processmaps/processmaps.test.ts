import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SaveConflict } from '../../../common/schemas/processmaps.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildCollabWorld, paths, twoMunicipalities } from '../collaboration/test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const fixture = readFileSync(new URL('./fixtures/hand-made.bpmn', import.meta.url), 'utf8');
type Detail = {
  id: string;
  head: number;
  canEdit: boolean;
  versions: { id: string; number: number; adoption: unknown }[];
  annotations: { id: string; proposalId: string | null; competenceNeedId: string | null }[];
  workshops: unknown[];
};

async function world() {
  const w = await buildCollabWorld(t);
  const { id, parties } = await twoMunicipalities(w);
  const c = w.a.clients.coordinator;
  const res = await c.post(`/api/collaborations/${id}/process-maps`, {
    title: 'Asylprocessen',
    level: 'operational',
    start: 'starter',
  });
  expect(res.statusCode).toBe(201);
  const map = res.json<Detail>();
  return { w, id, parties, c, map, url: `/api/collaborations/${id}/process-maps/${map.id}` };
}

describe('process maps', () => {
  it('create from the starter map or an import; read by members, 404 outside, 403 for a wrong role', async () => {
    const { w, id, c, map, url } = await world();
    const list = `/api/collaborations/${id}/process-maps`;
    expect(map).toMatchObject({ head: 1, canEdit: true, versions: [{ number: 1 }] });
    expect((await anonymous(t.app).get(list)).statusCode).toBe(401);
    expect((await w.a.clients.volunteer.get(list)).statusCode).toBe(403);
    expect((await w.b.clients.mentor.get(url)).json()).toMatchObject({ id: map.id, canEdit: false });
    expect((await w.b.clients.mentor.post(list, { title: 'X', level: 'strategic', start: 'starter' })).statusCode).toBe(
      403,
    );
    const other = await buildCollabWorld(t);
    expect((await other.a.clients.coordinator.get(list)).statusCode).toBe(404);
    expect((await other.a.clients.coordinator.get(url)).statusCode).toBe(404);
    expect((await c.get(`${list}/${randomUUID()}`)).statusCode).toBe(404);
    expect(paths((await c.post(list, { title: '', level: 'town', start: 'starter' })).json())).toEqual([
      'body.level',
      'body.title',
    ]);
    expect(paths((await c.post(list, { title: 'Import', level: 'strategic', start: 'import' })).json())).toEqual([
      'body.xml',
    ]);
    const imported = await c.post(list, { title: 'Från Camunda', level: 'strategic', start: 'import', xml: fixture });
    expect(imported.statusCode).toBe(201);
    const v1 = (await c.get(`${list}/${imported.json<Detail>().id}/versions/1`)).json<{ elements: { id: string }[] }>();
    expect(v1.elements.map((e) => e.id)).toEqual(['S_Start', 'T_Meeting', 'T_Mentor', 'E_End']);
    expect((await c.get(list)).json<{ maps: unknown[] }>().maps).toHaveLength(2);
  });

  it('import refuses DOCTYPE and entities (XXE, billion laughs), not-BPMN and too large: nothing stored', async () => {
    const { id, c } = await world();
    const list = `/api/collaborations/${id}/process-maps`;
    const xxe = `<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${fixture.replace(/^<\?xml[^>]*>/, '')}`;
    const lol = `<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${fixture.replace(/^<\?xml[^>]*>/, '').replace('name="Klart"', 'name="&b;"')}`;
    for (const xml of [xxe, lol, '<a><b></a>', '<html xmlns="http://www.w3.org/1999/xhtml"/>']) {
      const res = await c.post(list, { title: 'Import', level: 'strategic', start: 'import', xml });
      expect(res.statusCode).toBe(400);
      expect(paths(res.json())).toEqual(['body.xml']);
    }
    const big = await c.post(list, {
      title: 'Stor',
      level: 'strategic',
      start: 'import',
      xml: fixture + ' '.repeat(600 * 1024),
    });
    expect(big.statusCode).toBe(413);
    expect((await c.get(list)).json<{ maps: unknown[] }>().maps).toHaveLength(1);
  });

  it('every save is a version; a stale save is kept and answered 409 with the current version; compare lists the changes', async () => {
    const { w, c, url } = await world();
    const v1 = (await c.get(`${url}/versions/1`)).json<{ xml: string }>();
    const renamed = v1.xml.replace('name="Skolstart"', 'name="Skolstart och mentor"');
    const s2 = await c.post(`${url}/versions`, { baseNumber: 1, xml: renamed, note: 'Skolan' });
    expect(s2.statusCode).toBe(201);
    expect(s2.json()).toMatchObject({ number: 2, basedOn: 1, note: 'Skolan' });
    const stale = await c.post(`${url}/versions`, {
      baseNumber: 1,
      xml: v1.xml.replace('name="Asylutredning"', 'name="Utredning"'),
    });
    expect(stale.statusCode).toBe(409);
    // The one conflict shape, and nothing beside it but `saved`: this edit, kept as a version of its own.
    expect(Object.keys(stale.json<object>()).sort()).toEqual(['current', 'error', 'message', 'saved']);
    expect(SaveConflict.strict().parse(stale.json())).toMatchObject({
      error: 'version_conflict',
      message: 'Someone saved the map since you opened it. Your edit is kept as a version of its own.',
      current: { number: 2, id: s2.json<{ id: string }>().id },
      saved: { number: 3, basedOn: 1 },
    });
    expect((await c.get(url)).json<Detail>()).toMatchObject({ head: 3 });
    const cmp = (await c.get(`${url}/compare?from=2&to=3`)).json<{
      changes: { kind: string; id: string; after: string }[];
    }>();
    expect(cmp.changes.map((ch) => `${ch.kind} ${ch.id} ${ch.after}`).sort()).toEqual([
      'renamed Task_Investigation Utredning',
      'renamed Task_School Skolstart',
    ]);
    expect(paths((await c.get(`${url}/compare?from=x&to=0`)).json())).toEqual(['query.from', 'query.to']);
    expect((await c.get(`${url}/compare?from=1&to=9`)).statusCode).toBe(404);
    expect(paths((await c.post(`${url}/versions`, { baseNumber: 0, xml: '' })).json())).toEqual([
      'body.baseNumber',
      'body.xml',
    ]);
    expect(paths((await c.post(`${url}/versions`, { baseNumber: 3, xml: '<x/>' })).json())).toEqual(['body.xml']);
    expect(paths((await c.post(`${url}/versions`, { baseNumber: 30, xml: v1.xml })).json())).toEqual([
      'body.baseNumber',
    ]);
    expect((await w.b.clients.mentor.post(`${url}/versions`, { baseNumber: 3, xml: v1.xml })).statusCode).toBe(403);
    const exp = await w.b.clients.mentor.get(`${url}/versions/2/bpmn`);
    expect(exp.statusCode).toBe(200);
    expect(exp.headers['content-type']).toContain('application/xml');
    expect(exp.body).toContain('name="Skolstart och mentor"');
    expect((await c.get(`${url}/versions/7/bpmn`)).statusCode).toBe(404);
  });

  it('a representative edits; adoption records the decision once, and steps 2 and 5 of the roadmap follow', async () => {
    const { w, id, parties, c, url } = await world();
    const steps = async () =>
      (await c.get(`/api/collaborations/${id}/steps`)).json<{
        steps: { number: number; missing: { what: string }[] }[];
      }>().steps;
    expect((await steps()).find((s) => s.number === 2)!.missing).toEqual([{ what: 'mapped_process' }]);
    expect((await steps()).find((s) => s.number === 5)!.missing).toEqual([{ what: 'adopted_map' }]);
    const rep = w.a.clients.manager;
    expect(
      (await rep.post(`${url}/workshops`, { heldOn: '2026-11-02', participants: [{ name: 'A', party: 'Skolan' }] }))
        .statusCode,
    ).toBe(403);
    const person = await c.post(`/api/collaborations/${id}/people`, {
      role: 'operational_representative',
      partyId: parties[0]!.id,
      userId: w.a.users.manager.id,
    });
    expect(person.statusCode).toBe(200);
    expect(paths((await rep.post(`${url}/workshops`, { heldOn: 'igår', participants: [] })).json())).toEqual([
      'body.heldOn',
      'body.participants',
    ]);
    const ws = await rep.post(`${url}/workshops`, {
      heldOn: '2026-11-02',
      title: 'Kartläggning',
      participants: [
        { name: 'Anna', party: 'Socialtjänsten' },
        { name: 'Omar', party: 'Skolan' },
      ],
    });
    expect(ws.statusCode).toBe(201);
    expect((await steps()).find((s) => s.number === 2)!.missing).toEqual([]);
    const decision = { body: 'forum', decidedBy: 'Samverkansforum', decidedOn: '2026-11-20', text: 'Kartan antas.' };
    expect(paths((await c.post(`${url}/versions/1/adopt`, { ...decision, body: 'board', text: '' })).json())).toEqual([
      'body.body',
      'body.text',
    ]);
    expect((await w.b.clients.mentor.post(`${url}/versions/1/adopt`, decision)).statusCode).toBe(403);
    expect((await c.post(`${url}/versions/4/adopt`, decision)).statusCode).toBe(404);
    const adopted = await c.post(`${url}/versions/1/adopt`, decision);
    expect(adopted.json()).toMatchObject({
      adoptedNumber: 1,
      versions: [{ number: 1, adoption: { body: 'forum', decidedBy: 'Samverkansforum' } }],
    });
    expect((await c.post(`${url}/versions/1/adopt`, decision)).statusCode).toBe(409);
    expect((await steps()).find((s) => s.number === 5)!.missing).toEqual([]);
  });

  it('annotations on elements; one action turns one into a development proposal, linked both ways', async () => {
    const { w, id, c, url } = await world();
    const note = { elementId: 'Task_FirstHub', kind: 'works_less_well', text: 'Första nätverksmötet blir ofta sent' };
    expect(paths((await c.post(`${url}/annotations`, { ...note, elementId: 'Nope', kind: 'meh' })).json())).toEqual([
      'body.kind',
    ]);
    expect(paths((await c.post(`${url}/annotations`, { ...note, elementId: 'Nope' })).json())).toEqual([
      'body.elementId',
    ]);
    expect((await w.b.clients.mentor.post(`${url}/annotations`, note)).statusCode).toBe(403);
    const made = (await c.post(`${url}/annotations`, note)).json<Detail>();
    expect(made.annotations).toHaveLength(1);
    const a = made.annotations[0]!;
    expect(a).toMatchObject({ proposalId: null, competenceNeedId: null });
    const lane = await c.post(`${url}/annotations`, {
      elementId: 'Lane_School',
      kind: 'competence_need',
      text: 'Sekretess i skolan',
    });
    expect(lane.statusCode).toBe(201);
    const patched = await c.patch(`${url}/annotations/${a.id}`, { kind: 'forgotten' });
    expect(patched.json<{ annotations: { kind: string }[] }>().annotations[0]!.kind).toBe('forgotten');
    expect((await c.patch(`${url}/annotations/${randomUUID()}`, { text: 'x' })).statusCode).toBe(404);
    const p = await c.post(`${url}/annotations/${a.id}/proposal`);
    expect(p.statusCode).toBe(201);
    const { proposalId } = p.json<{ proposalId: string }>();
    expect((await c.post(`${url}/annotations/${a.id}/proposal`)).statusCode).toBe(409);
    expect((await w.b.clients.mentor.post(`${url}/annotations/${a.id}/proposal`)).statusCode).toBe(403);
    expect((await c.get(url)).json<Detail>().annotations[0]!.proposalId).toBe(proposalId);
    const proposals = (await c.get(`/api/collaborations/${id}/proposals`)).json<{
      proposals: { id: string; origin: string; title: string }[];
    }>();
    expect(proposals.proposals.find((x) => x.id === proposalId)).toMatchObject({
      origin: 'process_map_gap',
      title: 'Första nätverksmötet blir ofta sent',
    });
  });
});
