import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Extract, ExtractDocument, ExtractList } from '../../../common/schemas/records.ts';
import { runDueJobs } from '../../jobs/index.ts';
import { buildChild, buildOrganisation, buildTenant, buildUser, TEST_PASSWORD } from '../../test/factories.ts';
import { login, startTestApp, type Client, type TestApp } from '../../test/harness.ts';
import { hubQuestions } from '../hub/tables.ts';
import { plans, planVersions } from '../plans/tables.ts';

let t: TestApp;
let childId: string;
let godMan: Client;
let socialWorker: Client;
let contact: Client;
let outsider: Client;
let admin: Client;
let tenantId: string;
let contactId: string;
const SECRET = 'Skolans hemliga fråga om barnets hälsa';
const SHOWN = 'Socialtjänstens fråga om boendet';
const PLAN_SECRET = 'Skolans insats för barnets hälsa i planen';
const PLAN_SHOWN = 'Socialtjänstens insats om boendet i planen';
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp();
  const tenant = await buildTenant(t.database.db);
  tenantId = tenant.id;
  const social = await buildOrganisation(t.database.db, tenant.id);
  const school = await buildOrganisation(t.database.db, tenant.id);
  const sw = await buildUser(t.database.db, { tenantId, organisationId: social.id, role: 'social_worker' });
  const gm = await buildUser(t.database.db, { tenantId, organisationId: social.id, role: 'god_man' });
  const cp = await buildUser(t.database.db, { tenantId, organisationId: social.id, role: 'contact_person' });
  const mentor = await buildUser(t.database.db, { tenantId, organisationId: school.id, role: 'school_mentor' });
  const other = await buildUser(t.database.db, { tenantId, organisationId: social.id, role: 'social_worker' });
  const adm = await buildUser(t.database.db, { tenantId, organisationId: social.id, role: 'tenant_admin' });
  contactId = cp.id;
  const child = await buildChild(t.database.db, {
    tenantId,
    name: 'Amir Registerbarn',
    hub: [
      { user: sw, hubRole: 'social_worker' },
      { user: gm, hubRole: 'god_man' },
      { user: cp, hubRole: 'contact_person' },
      { user: mentor, hubRole: 'school_mentor' },
    ],
  });
  childId = child.id;
  const question = (text: string, member: number, org: string, category: string, by: string) => ({
    tenantId,
    childId,
    text,
    ownerMemberId: child.members[member]!.id,
    dueOn: '2026-12-31',
    createdBy: by,
    ownerOrganisationId: org,
    category,
  });
  await t.database.db
    .insert(hubQuestions)
    .values([question(SECRET, 3, school.id, 'health', mentor.id), question(SHOWN, 0, social.id, 'housing', sw.id)]);
  // An adopted plan version freezes every party's measures in one document: the extract filters inside it.
  const [plan] = await t.database.db
    .insert(plans)
    .values({ tenantId, childId, kind: 'sip', initiatorId: sw.id, adoptedVersion: 1 })
    .returning();
  const measure = (text: string, org: string, category: string) => ({
    id: crypto.randomUUID(),
    text,
    owningOrganisation: { id: org, name: 'x' },
    category,
    needId: null,
  });
  await t.database.db.insert(planVersions).values({
    planId: plan!.id,
    number: 1,
    tenantId,
    childId,
    content: {
      needs: [],
      notes: [],
      measures: [measure(PLAN_SECRET, school.id, 'health'), measure(PLAN_SHOWN, social.id, 'housing')],
    } as never,
    adoptedBy: sw.id,
    childApproved: true,
    followUpOn: '2027-01-31',
    followUpUserId: sw.id,
  });
  godMan = await login(t.app, gm.email, TEST_PASSWORD);
  socialWorker = await login(t.app, sw.email, TEST_PASSWORD);
  contact = await login(t.app, cp.email, TEST_PASSWORD);
  outsider = await login(t.app, other.email, TEST_PASSWORD);
  admin = await login(t.app, adm.email, TEST_PASSWORD);
});
afterAll(() => t.close());

async function unzip(body: Buffer) {
  const files = unzipSync(new Uint8Array(body));
  const json = ExtractDocument.parse(JSON.parse(strFromU8(files['registerutdrag.json']!)));
  const dir = mkdtempSync(path.join(tmpdir(), 'extract-'));
  writeFileSync(path.join(dir, 'x.pdf'), files['registerutdrag.pdf']!);
  const pdf = execFileSync('pdftotext', ['-layout', path.join(dir, 'x.pdf'), '-'], { encoding: 'utf8' });
  return { json, pdf, raw: strFromU8(files['registerutdrag.json']!) };
}

describe('a child’s registry extract', () => {
  let extractId: string;

  it('is refused outside the hub (404), to a member who is not god man or social worker (403), on a bad id (400)', async () => {
    expect((await outsider.post(`/api/children/${childId}/extracts`)).statusCode).toBe(404);
    expect((await contact.post(`/api/children/${childId}/extracts`)).statusCode).toBe(403);
    expect((await contact.get(`/api/children/${childId}/extracts`)).statusCode).toBe(403);
    const bad = await godMan.post('/api/children/nope/extracts');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toContain('params.id');
  });

  it('is requested by the god man, recorded, and built by the job', async () => {
    const res = await godMan.post(`/api/children/${childId}/extracts`);
    expect(res.statusCode).toBe(202);
    const x = Extract.parse(res.json());
    expect(x.status).toBe('queued');
    extractId = x.id;
    expect((await godMan.get(`/api/extracts/${x.id}/download`)).statusCode).toBe(409);
    await runDueJobs(t.deps, new Date(), { tenantId });
    const ready = Extract.parse((await godMan.get(`/api/extracts/${x.id}`)).json());
    expect(ready).toMatchObject({ status: 'ready', progress: 100 });
    const list = ExtractList.parse((await godMan.get(`/api/children/${childId}/extracts`)).json());
    expect(list.items.map((i) => i.id)).toContain(x.id);
    expect((await outsider.get(`/api/extracts/${x.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/extracts/${x.id}/download`)).statusCode).toBe(404);
    expect((await contact.get(`/api/extracts/${x.id}/download`)).statusCode).toBe(403);
    // Built under the god man's sharing rule: another member who may request one gets their own, not this one.
    expect((await socialWorker.get(`/api/extracts/${x.id}`)).statusCode).toBe(404);
    expect((await socialWorker.get(`/api/extracts/${x.id}/download`)).statusCode).toBe(404);
  });

  it('holds the record, the log and the withheld parts by category, never their text (JSON and PDF)', async () => {
    const res = await godMan.get(`/api/extracts/${extractId}/download`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const { json, pdf, raw } = await unzip(res.rawPayload);
    expect(json.subjectName).toBe('Amir Registerbarn');
    const questions = json.sections.find((s) => s.key === 'questions')!;
    expect(questions.rows.map((r) => r.text)).toEqual([SHOWN]);
    expect(json.withheld).toEqual([
      expect.objectContaining({ table: 'hub_questions', category: 'health', count: 1 }),
      expect.objectContaining({ table: 'plan_versions', category: 'health', count: 1 }),
    ]);
    const version = json.sections.find((s) => s.key === 'planVersions')!.rows[0]!;
    expect(JSON.stringify(version.content)).toContain(PLAN_SHOWN);
    expect(raw).not.toContain(PLAN_SECRET);
    expect(pdf).not.toContain(PLAN_SECRET);
    expect(json.sections.find((s) => s.key === 'hub')!.rows).toHaveLength(4);
    expect(json.accesses.map((a) => a.action)).toContain('records.extract_requested');
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toMatch(/token_hash|code_hash|password_hash/);
    expect(pdf).toContain('Registerutdrag');
    expect(pdf).toContain('Amir Registerbarn');
    expect(pdf).toContain(SHOWN);
    expect(pdf).toContain('Undantagna uppgifter');
    expect(pdf).toMatch(/1 st i Frågor till barnet, kategori Hälso- och sjukvård/);
    expect(pdf).not.toContain(SECRET);
  });

  it('expires: the job deletes the file, and the download answers 410', async () => {
    await runDueJobs(t.deps, new Date(Date.now() + 8 * DAY), { tenantId });
    const x = Extract.parse((await godMan.get(`/api/extracts/${extractId}`)).json());
    expect(x.status).toBe('expired');
    const res = await godMan.get(`/api/extracts/${extractId}/download`);
    expect(res.statusCode).toBe(410);
    expect(res.json<{ error: string }>().error).toBe('extract_expired');
  });
});

describe('a user’s own extract', () => {
  it('is theirs or a tenant admin’s to ask for; another user is 403, a user of another municipality 404', async () => {
    expect((await outsider.post(`/api/users/${contactId}/extracts`)).statusCode).toBe(403);
    const own = await contact.post(`/api/users/${contactId}/extracts`);
    expect(own.statusCode).toBe(202);
    expect((await admin.post(`/api/users/${contactId}/extracts`)).statusCode).toBe(202);
    const elsewhere = await buildTenant(t.database.db);
    const org = await buildOrganisation(t.database.db, elsewhere.id);
    const stranger = await buildUser(t.database.db, {
      tenantId: elsewhere.id,
      organisationId: org.id,
      role: 'god_man',
    });
    expect((await admin.post(`/api/users/${stranger.id}/extracts`)).statusCode).toBe(404);
    expect((await admin.get(`/api/users/not-a-uuid/extracts`)).statusCode).toBe(400);
    await runDueJobs(t.deps, new Date(), { tenantId });
    const id = Extract.parse(own.json()).id;
    const res = await contact.get(`/api/extracts/${id}/download`);
    expect(res.statusCode).toBe(200);
    const { json, raw, pdf } = await unzip(res.rawPayload);
    expect(json.subject).toBe('user');
    expect(json.sections.find((s) => s.key === 'account')!.rows[0]).toMatchObject({ id: contactId });
    expect(json.sections.find((s) => s.key === 'sessions')!.rows.length).toBeGreaterThan(0);
    expect(json.accesses.map((a) => a.action)).toContain('records.extract_requested');
    expect(raw).not.toMatch(/password_hash|csrf_token|totp_secret/);
    expect(pdf).toContain('Egna åtgärder i Navet');
    const list = ExtractList.parse((await contact.get(`/api/users/${contactId}/extracts`)).json());
    expect(list.items).toHaveLength(2);
  });
});
