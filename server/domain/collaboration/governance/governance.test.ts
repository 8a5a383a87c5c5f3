import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildCollabWorld, paths, twoMunicipalities } from '../test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

interface Version {
  number: number;
  status: string;
  revision: number;
  content: { purpose: string; levels: { strategic: { members: string[] } } };
  signOffs: { partyName: string; signedBy: string }[];
  unsigned: { partyId: string }[];
}

/** pdftotext (poppler-utils) on a PDF held in memory. */
const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');

/** A's manager represents A's social services strategically, B's mentor B's school operationally. */
async function withRepresentatives(w: Awaited<ReturnType<typeof buildCollabWorld>>) {
  const c = await twoMunicipalities(w);
  const social = c.parties.find((p) => p.name === 'Socialtjänsten A')!;
  const school = c.parties.find((p) => p.name === 'Skolan B')!;
  await w.a.clients.coordinator.post(`/api/collaborations/${c.id}/people`, {
    role: 'strategic_representative',
    partyId: social.id,
    userId: w.a.users.manager.id,
  });
  await w.a.clients.coordinator.post(`/api/collaborations/${c.id}/people`, {
    role: 'operational_representative',
    partyId: school.id,
    userId: w.b.users.mentor.id,
  });
  return { ...c, social, school };
}

describe('the governance document', () => {
  it('is drafted from the template with the representatives; two editors at once: 409 with the current text', async () => {
    const w = await buildCollabWorld(t);
    const { id } = await withRepresentatives(w);
    const url = `/api/collaborations/${id}/governance`;
    expect((await anonymous(t.app).post(url, {})).statusCode).toBe(401);
    expect((await w.a.clients.mentor.post(url, {})).statusCode).toBe(403);
    expect((await (await buildCollabWorld(t)).a.clients.coordinator.post(url, {})).statusCode).toBe(404);
    const draft = await w.a.clients.coordinator.post(url, { lang: 'sv' });
    expect(draft.statusCode).toBe(201);
    const v = draft.json<Version>();
    expect(v).toMatchObject({ number: 1, status: 'draft', revision: 1 });
    expect(v.content.levels.strategic.members).toEqual(['manager Kommun A (test) (Socialtjänsten A)']);
    expect((await w.a.clients.coordinator.post(url, {})).json()).toMatchObject({ error: 'draft_exists' });

    const one = `${url}/versions/1`;
    const mine = { ...v.content, purpose: 'Vårt syfte.' };
    const theirs = { ...v.content, purpose: 'Deras syfte.' };
    expect((await w.b.clients.coordinator.put(one, { revision: 1, content: theirs })).statusCode).toBe(200);
    const clash = await w.a.clients.coordinator.put(one, { revision: 1, content: mine });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({
      error: 'version_conflict',
      current: { revision: 2, content: { purpose: 'Deras syfte.' } },
    });
    const bad = await w.a.clients.coordinator.put(one, {
      revision: 2,
      content: { ...mine, levels: { strategic: {} } },
    });
    expect(paths(bad.json())).toContain('body.content.levels.strategic.members');
    expect((await w.a.clients.mentor.put(one, { revision: 2, content: mine })).statusCode).toBe(403);
    expect((await w.a.clients.coordinator.put(`${url}/versions/9`, { revision: 1, content: mine })).statusCode).toBe(
      404,
    );
  });

  it('each party signs the current draft; adopted when all have; adopted is read-only; a revision is a new draft', async () => {
    const w = await buildCollabWorld(t);
    const { id, social, school } = await withRepresentatives(w);
    const url = `/api/collaborations/${id}/governance`;
    const c = w.a.clients.coordinator;
    await c.post(url, { lang: 'sv' });
    const sign = `${url}/versions/1/sign-offs`;
    expect(paths((await c.post(sign, { partyId: school.id, signedBy: '', revision: 1 })).json())).toEqual([
      'body.signedBy',
    ]);
    expect((await w.a.clients.mentor.post(sign, { partyId: school.id, signedBy: 'X', revision: 1 })).statusCode).toBe(
      403,
    );
    const first = await c.post(sign, { partyId: social.id, signedBy: 'Sara Socialchef', revision: 1 });
    expect(first.json<Version>()).toMatchObject({ status: 'draft', unsigned: [{ partyId: school.id }] });
    expect((await c.post(sign, { partyId: social.id, signedBy: 'Sara', revision: 1 })).json()).toMatchObject({
      error: 'already_signed',
    });
    // B's school signs through B: A's coordinator may not sign for it.
    expect((await c.post(sign, { partyId: school.id, signedBy: 'Rolf Rektor', revision: 1 })).statusCode).toBe(403);
    const b = w.b.clients.coordinator;
    expect((await b.post(sign, { partyId: school.id, signedBy: 'Rektor', revision: 7 })).json()).toMatchObject({
      error: 'version_conflict',
    });
    const adopted = await w.b.clients.coordinator.post(sign, {
      partyId: school.id,
      signedBy: 'Rolf Rektor',
      revision: 1,
    });
    expect(adopted.json<Version>()).toMatchObject({ status: 'adopted', unsigned: [] });
    expect(adopted.json<Version>().signOffs.map((s) => s.signedBy)).toEqual(['Sara Socialchef', 'Rolf Rektor']);
    // Nor can B take A's social services out of the collaboration.
    expect((await b.post(`/api/collaborations/${id}/parties/${social.id}/end`)).statusCode).toBe(403);
    const v = adopted.json<Version>();
    expect((await c.put(`${url}/versions/1`, { revision: 1, content: v.content })).json()).toMatchObject({
      error: 'version_adopted',
    });
    expect((await c.post(sign, { partyId: school.id, signedBy: 'X', revision: 1 })).json()).toMatchObject({
      error: 'not_current_draft',
    });

    const steps = (await c.get(`/api/collaborations/${id}/steps`)).json<{
      steps: { number: number; missing: unknown[] }[];
    }>();
    expect(steps.steps.find((s) => s.number === 6)!.missing).toEqual([]);

    const revision = await c.post(url, {});
    expect(revision.json<Version>()).toMatchObject({ number: 2, status: 'draft', unsigned: [{}, {}] });
    const gov = (await w.b.clients.mentor.get(url)).json<{ versions: { number: number; status: string }[] }>();
    expect(gov.versions).toEqual([
      { number: 2, status: 'draft', adoptedAt: null },
      { number: 1, status: 'adopted', adoptedAt: expect.any(String) },
    ]);
  });

  it('the PDF shows the three levels and each party’s sign-off', async () => {
    const w = await buildCollabWorld(t);
    const { id, social, school } = await withRepresentatives(w);
    const url = `/api/collaborations/${id}/governance`;
    const c = w.a.clients.coordinator;
    await c.post(url, { lang: 'sv' });
    await c.post(`${url}/versions/1/sign-offs`, { partyId: social.id, signedBy: 'Sara Socialchef', revision: 1 });
    const draftPdf = await c.get(`${url}/versions/1/pdf`);
    expect(draftPdf.headers['content-type']).toBe('application/pdf');
    expect(pdfText(draftPdf.rawPayload)).toContain('Skolan B: inte godkänt');
    const b = w.b.clients.coordinator;
    await b.post(`${url}/versions/1/sign-offs`, { partyId: school.id, signedBy: 'Rolf Rektor', revision: 1 });
    const text = pdfText((await w.b.clients.mentor.get(`${url}/versions/1/pdf?lang=en`)).rawPayload);
    for (const s of [
      'Strategic level',
      'Operational level',
      'Individual level',
      'Socialtjänsten A: signed by Sara Socialchef',
      'Skolan B: signed by Rolf Rektor',
    ])
      expect(text).toContain(s);
    expect((await (await buildCollabWorld(t)).a.clients.coordinator.get(`${url}/versions/1/pdf`)).statusCode).toBe(404);
    expect((await w.a.clients.volunteer.get(`${url}/versions/1/pdf`)).statusCode).toBe(403);
  });
});
