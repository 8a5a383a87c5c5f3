import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChildSummary, todayInSweden } from '../../../common/schemas/children.ts';
import { auditLog } from '../../audit/tables.ts';
import { buildOrganisation, buildTenant, buildWorld } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld } from '../hub/test-world.ts';
import { addDays } from './dates.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const tomorrow = () => addDays(todayInSweden(), 1);
const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();

describe('POST /api/children', () => {
  it('401 without a session', async () => {
    const res = await anonymous(t.app).post('/api/children', { displayName: 'X' });
    expect(res.statusCode).toBe(401);
  });

  it('403 for a role that does not open cases', async () => {
    const w = await buildWorld(t.app, t.database.db, ['god_man']);
    const res = await w.clients.god_man.post('/api/children', { displayName: 'X' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('forbidden');
  });

  it('400 with field paths for dates in the future and bad fields', async () => {
    const w = await buildWorld(t.app, t.database.db, ['social_worker']);
    const res = await w.clients.social_worker.post('/api/children', {
      displayName: '',
      dateOfBirth: tomorrow(),
      arrivalDate: tomorrow(),
      languages: ['Dari'],
      asylumStatus: 'maybe',
    });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual([
      'body.arrivalDate',
      'body.asylumStatus',
      'body.dateOfBirth',
      'body.displayName',
      'body.languages.0',
    ]);
  });

  it('400 across fields: arrival before birth, interpreter without a language, foreign placement', async () => {
    const w = await buildWorld(t.app, t.database.db, ['social_worker']);
    const res = await w.clients.social_worker.post('/api/children', {
      displayName: 'Amir',
      dateOfBirth: '2010-01-01',
      arrivalDate: '2009-12-31',
      interpreterNeeded: true,
    });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual(['body.arrivalDate', 'body.interpreterLanguage']);

    const otherTenant = await buildTenant(t.database.db);
    const foreign = await buildOrganisation(t.database.db, otherTenant.id);
    const res2 = await w.clients.social_worker.post('/api/children', {
      displayName: 'Amir',
      placement: { kind: 'hvb', organisationId: foreign.id },
    });
    expect(res2.statusCode).toBe(400);
    expect(paths(res2.json())).toEqual(['body.placement.organisationId']);
  });

  it('opens a case: the creator is the social worker, Navet proposes the first meeting, all audited', async () => {
    const w = await buildWorld(t.app, t.database.db, ['social_worker']);
    const res = await w.clients.social_worker.post('/api/children', {
      displayName: 'Hodan',
      dateOfBirth: '2010-07-02',
      languages: ['so'],
      interpreterNeeded: true,
      interpreterLanguage: 'so',
      arrivalDate: '2024-09-01',
      caseNumber: '87654321',
      placement: { kind: 'hvb', organisationId: w.org.id },
    });
    expect(res.statusCode).toBe(201);
    const child = res.json();
    expect(child).toMatchObject({
      view: 'full',
      version: 1,
      displayName: 'Hodan',
      caseNumber: '87654321',
      caseNumberMasked: false,
      placement: { kind: 'hvb', organisationId: w.org.id, organisationName: w.org.name },
      asylumStatus: 'in_process',
      caseStatus: 'active',
      myHubRoles: ['social_worker'],
      missingCoreRoles: ['god_man', 'contact_person'],
      flags: { missingCoreRoles: true, firstMeetingOpen: true, topicsWithoutResponsible: 9, attention: true },
      abilities: { edit: true, close: true, manageHub: true, seeCaseNumber: true, createChildLink: true },
    });

    const meeting = await w.clients.social_worker.get(`/api/children/${child.id}/first-meeting`);
    expect(meeting.json().proposedOn).toBe(addDays(todayInSweden(), 7));

    const actions = (
      await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.childId, child.id))
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['child.created', 'hub.member_added', 'hub.first_meeting_proposed']),
    );
  });
});

describe('GET /api/children/:id: who sees what', () => {
  it('the case number: in full for social worker and god man, masked for others, absent for civil society', async () => {
    const w = await buildHubWorld(t);
    const url = `/api/children/${w.child.id}`;
    for (const person of ['social_worker', 'god_man'] as const) {
      const body = (await w.clients[person].get(url)).json();
      expect(body).toMatchObject({ caseNumber: '12345678', caseNumberMasked: false });
    }
    for (const person of ['contact_person', 'school_mentor', 'manager'] as const) {
      const body = (await w.clients[person].get(url)).json();
      expect(body).toMatchObject({ view: 'full', caseNumber: '****-5678', caseNumberMasked: true });
      expect(body.abilities.seeCaseNumber).toBe(false);
    }
    const res = await w.clients.volunteer.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.json().view).toBe('narrow');
    expect(res.body).not.toContain('5678');
    expect(res.json()).not.toHaveProperty('caseNumber');
  });

  it('civil society sees only name, languages and interpreter need: nothing about the case', async () => {
    const w = await buildHubWorld(t);
    const body = (await w.clients.volunteer.get(`/api/children/${w.child.id}`)).json();
    expect(body).toEqual({
      view: 'narrow',
      id: w.child.id,
      displayName: 'Amir',
      languages: ['prs'],
      interpreterNeeded: false,
      interpreterLanguage: null,
      caseStatus: 'active',
      myHubRoles: ['civil_society'],
      age: null,
      asylumStatus: null,
      missingCoreRoles: [],
      flags: null,
      abilities: expect.any(Object),
    });
    expect(Object.values(body.abilities).every((v) => v === false)).toBe(true);
    // The summary schema reads both views, so a client may use either.
    expect(ChildSummary.safeParse(body).success).toBe(true);
  });

  it('abilities follow the hub role', async () => {
    const w = await buildHubWorld(t);
    const get = async (p: 'social_worker' | 'god_man' | 'contact_person' | 'school_mentor' | 'manager') =>
      (await w.clients[p].get(`/api/children/${w.child.id}`)).json().abilities;
    expect(await get('social_worker')).toMatchObject({ edit: true, close: true, manageHub: true, manageTopics: true });
    expect(await get('god_man')).toMatchObject({ edit: true, close: false, manageHub: false, createChildLink: true });
    expect(await get('contact_person')).toMatchObject({ edit: false, manageTopics: true, createChildLink: false });
    expect(await get('school_mentor')).toMatchObject({ edit: false, manageTopics: false, raiseQuestion: true });
    expect(await get('manager')).toMatchObject({ edit: false, readTimeline: true, raiseQuestion: false });
  });

  it('every read is audited with the view it got', async () => {
    const w = await buildHubWorld(t);
    await w.clients.volunteer.get(`/api/children/${w.child.id}`);
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.childId, w.child.id), eq(auditLog.actorUserId, w.people.volunteer.id)));
    expect(row).toMatchObject({ action: 'child.read', detail: { view: 'narrow', caseNumberInFull: false } });
  });
});

describe('PATCH /api/children/:id', () => {
  it('401, 404 outside the hub, 403 for a member who may not edit', async () => {
    const w = await buildHubWorld(t);
    const url = `/api/children/${w.child.id}`;
    expect((await anonymous(t.app).patch(url, { version: 1 })).statusCode).toBe(401);
    expect((await w.clients.outsider.patch(url, { version: 1, displayName: 'X' })).statusCode).toBe(404);
    expect((await w.clients.contact_person.patch(url, { version: 1, displayName: 'X' })).statusCode).toBe(403);
    expect((await w.clients.volunteer.patch(url, { version: 1, displayName: 'X' })).statusCode).toBe(403);
  });

  it('400 with field paths: no version, a future date, a merged cross-field rule', async () => {
    const w = await buildHubWorld(t);
    const url = `/api/children/${w.child.id}`;
    const a = await w.clients.social_worker.patch(url, { displayName: 'X', dateOfBirth: tomorrow() });
    expect(a.statusCode).toBe(400);
    expect(paths(a.json())).toEqual(['body.dateOfBirth', 'body.version']);
    // The stored date of birth is 2010-05-05: an arrival before it is impossible.
    const b = await w.clients.social_worker.patch(url, { version: 1, arrivalDate: '2009-01-01' });
    expect(b.statusCode).toBe(400);
    expect(paths(b.json())).toEqual(['body.arrivalDate']);
    expect((await w.clients.social_worker.get(url)).json().version).toBe(1);
  });

  it('updates, bumps the version and shows a new asylum status in the timeline', async () => {
    const w = await buildHubWorld(t);
    const url = `/api/children/${w.child.id}`;
    const res = await w.clients.god_man.patch(url, { version: 1, asylumStatus: 'appealed', caseNumber: '99990000' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, asylumStatus: 'appealed', caseNumber: '99990000' });
    const timeline = await w.clients.social_worker.get(`${url}/timeline`);
    expect(timeline.json().items[0]).toMatchObject({
      action: 'child.updated',
      actor: { displayName: 'Göran Ek' },
      detail: { asylumStatus: 'appealed', fields: ['asylumStatus', 'caseNumber'] },
    });
    expect(timeline.body).not.toContain('99990000');
  });

  it('two adults at once: the later write gets 409 with the current record and changes nothing', async () => {
    const w = await buildHubWorld(t);
    const url = `/api/children/${w.child.id}`;
    const first = await w.clients.social_worker.patch(url, { version: 1, displayName: 'Amir A.' });
    expect(first.statusCode).toBe(200);
    const second = await w.clients.god_man.patch(url, { version: 1, displayName: 'Amir B.' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      error: 'version_conflict',
      current: { view: 'full', version: 2, displayName: 'Amir A.', caseNumber: '12345678' },
    });
    expect((await w.clients.social_worker.get(url)).json()).toMatchObject({ version: 2, displayName: 'Amir A.' });
  });
});

describe('POST /api/children/:id/close', () => {
  it('401, 404 outside, 403 for the god man, 400 for an unknown reason', async () => {
    const w = await buildHubWorld(t);
    const url = `/api/children/${w.child.id}/close`;
    expect((await anonymous(t.app).post(url, { version: 1, reason: 'moved' })).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url, { version: 1, reason: 'moved' })).statusCode).toBe(404);
    expect((await w.clients.god_man.post(url, { version: 1, reason: 'moved' })).statusCode).toBe(403);
    const bad = await w.clients.social_worker.post(url, { version: 1, reason: 'bored' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['body.reason']);
  });

  it('closes with a reason; the record is then read-only (409 child_closed)', async () => {
    const w = await buildHubWorld(t);
    const url = `/api/children/${w.child.id}`;
    const stale = await w.clients.social_worker.post(`${url}/close`, { version: 7, reason: 'returned' });
    expect(stale.statusCode).toBe(409);
    const res = await w.clients.social_worker.post(`${url}/close`, { version: 1, reason: 'returned' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ caseStatus: 'closed', closedReason: 'returned', abilities: { edit: false } });
    const edit = await w.clients.social_worker.patch(url, { version: 2, displayName: 'X' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error).toBe('child_closed');
    const list = await w.clients.social_worker.get('/api/children?caseStatus=closed');
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([w.child.id]);
  });
});
