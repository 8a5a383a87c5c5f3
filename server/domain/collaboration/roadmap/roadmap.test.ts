import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StepConflict } from '../../../../common/schemas/collaboration-roadmap.ts';
import { anonymous, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildCollabWorld, paths, tinyPdf, twoMunicipalities } from '../test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

type Step = { number: number; status: string; version: number; missing: { what: string; name?: string }[] };
const step = (body: { steps: Step[] }, n: number) => body.steps.find((s) => s.number === n)!;

describe('the seven steps', () => {
  it('a step is done only when its artefact exists: 409 lists what is missing', async () => {
    const w = await buildCollabWorld(t);
    const { id, parties } = await twoMunicipalities(w);
    const c = w.a.clients.coordinator;
    expect((await anonymous(t.app).get(`/api/collaborations/${id}/steps`)).statusCode).toBe(401);
    expect((await w.a.clients.volunteer.get(`/api/collaborations/${id}/steps`)).statusCode).toBe(403);
    const roadmap = (await w.b.clients.mentor.get(`/api/collaborations/${id}/steps`)).json<{ steps: Step[] }>();
    expect(roadmap.steps).toHaveLength(7);
    expect(
      step(roadmap, 1)
        .missing.map((m) => m.name)
        .sort(),
    ).toEqual(['Skolan B', 'Socialtjänsten A']);

    const done1 = await c.put(`/api/collaborations/${id}/steps/1`, { version: 0, status: 'done' });
    expect(done1.statusCode).toBe(409);
    // The one conflict shape, nothing beside it: what is missing is the current step's.
    expect(Object.keys(done1.json<object>()).sort()).toEqual(['current', 'error', 'message']);
    expect(StepConflict.strict().parse(done1.json())).toMatchObject({
      error: 'step_incomplete',
      message: 'The step cannot be done yet: what it must produce is missing.',
      current: {
        number: 1,
        status: 'not_started',
        version: 0,
        missing: [{ what: 'party_decision' }, { what: 'party_decision' }],
      },
    });
    expect(
      (await w.a.clients.mentor.put(`/api/collaborations/${id}/steps/1`, { version: 0, status: 'in_progress' }))
        .statusCode,
    ).toBe(403);
    const other = await buildCollabWorld(t);
    expect(
      (
        await other.a.clients.coordinator.put(`/api/collaborations/${id}/steps/1`, {
          version: 0,
          status: 'in_progress',
        })
      ).statusCode,
    ).toBe(404);

    const progress = await c.put(`/api/collaborations/${id}/steps/1`, {
      version: 0,
      status: 'in_progress',
      owner: 'Anna Samordnare',
      dueOn: '2027-03-01',
    });
    expect(progress.json()).toMatchObject({ status: 'in_progress', owner: 'Anna Samordnare', version: 1 });
    // Each municipality records its own party's decision: A's coordinator cannot record B's.
    const decide = (client: typeof c, partyId: string) =>
      client.post(`/api/collaborations/${id}/decisions`, {
        partyId,
        decidedBy: 'Socialnämnden',
        decidedOn: '2026-11-01',
        text: 'Samverkan kring ensamkommande barn är prioriterad.',
      });
    expect((await decide(c, parties[1]!.id)).statusCode).toBe(403);
    expect((await decide(c, parties[0]!.id)).statusCode).toBe(201);
    expect((await decide(w.b.clients.coordinator, parties[1]!.id)).statusCode).toBe(201);
    const stale = await c.put(`/api/collaborations/${id}/steps/1`, { version: 0, status: 'done' });
    expect(stale.statusCode).toBe(409);
    expect(Object.keys(stale.json<object>()).sort()).toEqual(['current', 'error', 'message']);
    expect(StepConflict.strict().parse(stale.json())).toMatchObject({
      error: 'version_conflict',
      message: 'Someone else changed this step since you opened it. The current step is attached.',
      current: { version: 1, missing: [] },
    });
    expect((await c.put(`/api/collaborations/${id}/steps/1`, { version: 1, status: 'done' })).json()).toMatchObject({
      status: 'done',
      owner: 'Anna Samordnare',
      missing: [],
    });
  });

  it('step 4 records a reference to a document; 400 at the field for a bad one', async () => {
    const w = await buildCollabWorld(t);
    const { id } = await twoMunicipalities(w);
    const c = w.a.clients.coordinator;
    const url = `/api/collaborations/${id}/steps/4`;
    // Done takes the competence basis itself (processmaps/annotation-links.test.ts), not a reference.
    expect((await c.put(url, { version: 0, status: 'done' })).json()).toMatchObject({
      current: { missing: [{ what: 'competence_need' }, { what: 'training' }] },
    });
    const bad = await c.put(url, { version: 0, status: 'in_progress', reference: { title: 'Karta', url: 'http://x' } });
    expect(paths(bad.json())).toEqual(['body.reference.url']);
    const none = await c.put(url, { version: 0, status: 'in_progress', reference: { title: 'Karta' } });
    expect(paths(none.json())).toEqual(['body.reference.url']);
    expect(
      paths(
        (
          await c.put(`/api/collaborations/${id}/steps/3`, {
            version: 0,
            status: 'in_progress',
            reference: { title: 'K', note: 'n' },
          })
        ).json(),
      ),
    ).toEqual(['body.reference']);
    expect(paths((await c.put(`/api/collaborations/${id}/steps/8`, { version: 0, status: 'done' })).json())).toEqual([
      'params.step',
    ]);
    const ok = await c.put(url, {
      version: 0,
      status: 'in_progress',
      reference: { title: 'Processkarta 2026', url: 'https://intranat.example/karta.pdf' },
    });
    expect(ok.json()).toMatchObject({
      status: 'in_progress',
      reference: { title: 'Processkarta 2026' },
      missing: [{ what: 'competence_need' }, { what: 'training' }],
    });
  });
});

describe('step 1: decisions', () => {
  it('records text and/or a PDF checked by its bytes; 400 for a non-PDF, 413 when too large', async () => {
    const w = await buildCollabWorld(t);
    const { id, parties } = await twoMunicipalities(w);
    const c = w.a.clients.coordinator;
    const url = `/api/collaborations/${id}/decisions`;
    const base = { partyId: parties[0]!.id, decidedBy: 'Nämnden', decidedOn: '2026-10-10' };
    expect((await anonymous(t.app).post(url, base)).statusCode).toBe(401);
    expect((await w.a.clients.mentor.post(url, { ...base, text: 'x' })).statusCode).toBe(403);
    expect(paths((await c.post(url, base)).json())).toEqual(['body.text']);
    expect(paths((await c.post(url, { ...base, partyId: randomUUID(), text: 'x' })).json())).toEqual(['body.partyId']);
    expect(paths((await c.post(url, { ...base, decidedOn: '2026-02-30', text: 'x' })).json())).toEqual([
      'body.decidedOn',
    ]);
    const notPdf = await c.post(url, {
      ...base,
      document: { filename: 'beslut.pdf', contentBase64: Buffer.from('<html>hej</html>').toString('base64') },
    });
    expect(paths(notPdf.json())).toEqual(['body.document.contentBase64']);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(701 * 1024, 32), Buffer.from('\n%%EOF')]);
    const tooBig = await c.post(url, {
      ...base,
      document: { filename: 'b.pdf', contentBase64: big.toString('base64') },
    });
    expect(tooBig.statusCode).toBe(413);
    expect((await c.get(url)).json()).toEqual({ decisions: [] });

    const ok = await c.post(url, { ...base, document: { filename: 'beslut.pdf', contentBase64: tinyPdf() } });
    expect(ok.statusCode).toBe(201);
    const [d] = ok.json<{ decisions: { id: string; document: { bytes: number } }[] }>().decisions;
    expect(d!.document.bytes).toBe(Buffer.from(tinyPdf(), 'base64').length);
    const file = await w.b.clients.mentor.get(`${url}/${d!.id}/document`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(Buffer.from(tinyPdf(), 'base64'))).toBe(true);
    const other = await buildCollabWorld(t);
    expect((await other.a.clients.coordinator.get(`${url}/${d!.id}/document`)).statusCode).toBe(404);
  });
});

describe('step 3: development proposals', () => {
  it('proposed → decided with the decision → implemented → evaluated; no skipping', async () => {
    const w = await buildCollabWorld(t);
    const { id } = await twoMunicipalities(w);
    const c = w.a.clients.coordinator;
    const url = `/api/collaborations/${id}/proposals`;
    expect(paths((await c.post(url, { title: '', origin: 'rumour' })).json())).toEqual(['body.origin', 'body.title']);
    expect((await w.a.clients.mentor.post(url, { title: 'x', origin: 'other' })).statusCode).toBe(403);
    const p = (
      await c.post(url, { title: 'Gemensam rutin vid avslag', origin: 'process_map_gap', owner: 'IFO' })
    ).json<{
      id: string;
      version: number;
    }>();
    const one = `${url}/${p.id}`;
    expect((await c.patch(one, { version: 1, status: 'implemented' })).json()).toMatchObject({
      error: 'invalid_transition',
    });
    expect(paths((await c.patch(one, { version: 1, status: 'accepted' })).json())).toEqual(['body.decision']);
    const accepted = await c.patch(one, { version: 1, status: 'accepted', decision: 'Forum 2026-11-12 §4' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', decision: 'Forum 2026-11-12 §4', version: 2 });
    expect((await c.patch(one, { version: 1, owner: 'X' })).json()).toMatchObject({
      error: 'version_conflict',
      current: { version: 2 },
    });
    await c.patch(one, { version: 2, status: 'implemented' });
    expect(paths((await c.patch(one, { version: 3, status: 'evaluated' })).json())).toEqual(['body.evaluation']);
    expect((await c.patch(one, { version: 3, status: 'evaluated', evaluation: 'Fungerar.' })).json()).toMatchObject({
      status: 'evaluated',
    });
    const list = (await w.b.clients.mentor.get(url)).json<{ proposals: { id: string }[] }>();
    expect(list.proposals.map((x) => x.id)).toEqual([p.id]);
    expect((await c.patch(`${url}/${randomUUID()}`, { version: 1, owner: 'x' })).statusCode).toBe(404);
  });
});

describe('step 7: reviews', () => {
  it('a held review records what works and what does not; its actions become proposals', async () => {
    const w = await buildCollabWorld(t);
    const { id } = await twoMunicipalities(w);
    const c = w.a.clients.coordinator;
    const url = `/api/collaborations/${id}/reviews`;
    expect((await w.a.clients.mentor.post(url, { dueOn: '2027-11-01' })).statusCode).toBe(403);
    expect(paths((await c.post(url, { dueOn: 'next year' })).json())).toEqual(['body.dueOn']);
    const planned = (await c.post(url, { dueOn: '2027-11-01' })).json<{ reviews: { id: string }[] }>();
    const r = planned.reviews[0]!.id;
    const record = {
      heldOn: '2027-11-02',
      whatWorks: 'Forumet.',
      whatDoesNot: 'Skolan saknas.',
      actions: [{ title: 'Bjud in skolan' }],
    };
    expect(paths((await c.put(`${url}/${r}`, { ...record, startRevision: true })).json())).toEqual([
      'body.startRevision',
    ]);
    const held = await c.put(`${url}/${r}`, record);
    expect(held.json()).toMatchObject({ reviews: [{ heldOn: '2027-11-02', proposalIds: [expect.any(String)] }] });
    expect((await c.put(`${url}/${r}`, record)).statusCode).toBe(409);
    const proposals = (await c.get(`/api/collaborations/${id}/proposals`)).json<{
      proposals: { origin: string; reviewId: string }[];
    }>();
    expect(proposals.proposals).toMatchObject([{ origin: 'evaluation', reviewId: r }]);
    const roadmap = (await c.get(`/api/collaborations/${id}/steps`)).json<{ steps: Step[] }>();
    expect(step(roadmap, 7).missing).toEqual([]);
    expect(step(roadmap, 3).missing).toEqual([]);
  });
});
