import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { buildOrganisation, buildTenant } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld, type HubWorld } from '../hub/test-world.ts';
import { giveConsent, inDays, paths, today } from '../plans/test-world.ts';
import { consents } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const url = (w: HubWorld) => `/api/children/${w.child.id}/consents`;
const body = (w: HubWorld) => ({
  givenBy: 'god_man',
  organisationIds: [w.orgs.social.id, w.orgs.school.id],
  categories: ['school', 'social_services'],
  purposes: ['plan'],
  validFrom: today(),
  validTo: inDays(365),
  form: 'oral',
});

describe('POST /api/children/:id/consents', () => {
  it('401, 404 outside the hub or for an unknown child, 403 for roles that do not record consent', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).post(url(w), body(w))).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url(w), body(w))).statusCode).toBe(404);
    expect((await w.clients.social_worker.post(`/api/children/${randomUUID()}/consents`, body(w))).statusCode).toBe(
      404,
    );
    for (const who of ['contact_person', 'school_mentor', 'volunteer', 'manager'] as const)
      expect((await w.clients[who].post(url(w), body(w))).statusCode, who).toBe(403);
  });

  it('400 with field paths: never general, never ending before it starts, only the tenant’s organisations; nothing stored', async () => {
    const w = await buildHubWorld(t);
    const general = await w.clients.social_worker.post(url(w), {
      ...body(w),
      organisationIds: [],
      categories: [],
      purposes: [],
    });
    expect(general.statusCode).toBe(400);
    expect(paths(general.json())).toEqual(['body.categories', 'body.organisationIds', 'body.purposes']);

    const backwards = await w.clients.social_worker.post(url(w), {
      ...body(w),
      validFrom: inDays(10),
      validTo: inDays(5),
    });
    expect(paths(backwards.json())).toEqual(['body.validTo']);

    const foreignTenant = await buildTenant(t.database.db);
    const foreign = await buildOrganisation(t.database.db, foreignTenant.id);
    const outside = await w.clients.social_worker.post(url(w), {
      ...body(w),
      organisationIds: [w.orgs.school.id, foreign.id],
      receivedByUserId: w.people.outsider.id,
    });
    expect(outside.statusCode).toBe(400);
    expect(paths(outside.json())).toEqual(['body.organisationIds.1', 'body.receivedByUserId']);

    const shape = await w.clients.social_worker.post(url(w), {
      ...body(w),
      givenBy: 'teacher',
      categories: ['gossip'],
      form: 'telepathy',
    });
    expect(paths(shape.json())).toEqual(['body.categories.0', 'body.form', 'body.givenBy']);
    expect(await t.database.db.select().from(consents).where(eq(consents.childId, w.child.id))).toEqual([]);
  });

  it('records an oral consent: who heard it, the organisations, state valid, audited', async () => {
    const w = await buildHubWorld(t);
    const res = await w.clients.god_man.post(url(w), { ...body(w), receivedByUserId: w.people.contact_person.id });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      givenBy: 'god_man',
      form: 'oral',
      state: 'valid',
      receivedBy: { userId: w.people.contact_person.id, displayName: 'Karin Berg' },
      recordedBy: { userId: w.people.god_man.id },
      categories: ['school', 'social_services'],
      purposes: ['plan'],
      withdrawnAt: null,
      abilities: { withdraw: true },
    });
    expect(c.organisations.map((o: { id: string }) => o.id).sort()).toEqual(
      [w.orgs.social.id, w.orgs.school.id].sort(),
    );
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.childId, w.child.id), eq(auditLog.action, 'consent.recorded')));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.entityId).toBe(c.id);
  });
});

describe('GET /api/children/:id/consents', () => {
  it('401, 404, 403 for civil society; lists newest first with each state', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).get(url(w))).statusCode).toBe(401);
    expect((await w.clients.outsider.get(url(w))).statusCode).toBe(404);
    expect((await w.clients.volunteer.get(url(w))).statusCode).toBe(403);
    expect((await w.clients.social_worker.get('/api/children/x/consents')).statusCode).toBe(400);
    const orgs = [w.orgs.social.id, w.orgs.school.id];
    await giveConsent(w, {
      organisationIds: orgs,
      categories: ['school'],
      validFrom: inDays(-30),
      validTo: inDays(-1),
    });
    await giveConsent(w, { organisationIds: orgs, categories: ['school'], validFrom: inDays(3), validTo: inDays(30) });
    await giveConsent(w, { organisationIds: orgs, categories: ['school'] });
    const list = (await w.clients.school_mentor.get(url(w))).json();
    expect(list.items.map((c: { state: string }) => c.state)).toEqual(['valid', 'not_yet_valid', 'expired']);
    expect(list.abilities).toEqual({ record: false });
    expect(list.items[0].abilities).toEqual({ withdraw: false });
    expect((await w.clients.social_worker.get(url(w))).json().abilities).toEqual({ record: true });
  });
});

describe('POST /api/consents/:id/withdraw', () => {
  it('401, 404 outside the hub or unknown, 403 outside the core three, 400 bad date, 409 twice', async () => {
    const w = await buildHubWorld(t);
    const c = await giveConsent(w, { organisationIds: [w.orgs.social.id, w.orgs.school.id], categories: ['school'] });
    const wUrl = `/api/consents/${c.id}/withdraw`;
    const ok = { withdrawnOn: today(), note: 'Amir vill inte längre.' };
    expect((await anonymous(t.app).post(wUrl, ok)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(wUrl, ok)).statusCode).toBe(404);
    expect((await w.clients.social_worker.post(`/api/consents/${randomUUID()}/withdraw`, ok)).statusCode).toBe(404);
    expect((await w.clients.school_mentor.post(wUrl, ok)).statusCode).toBe(403);
    const future = await w.clients.contact_person.post(wUrl, { withdrawnOn: inDays(2) });
    expect(paths(future.json())).toEqual(['body.withdrawnOn']);
    const before = await w.clients.contact_person.post(wUrl, { withdrawnOn: inDays(-400) });
    expect(paths(before.json())).toEqual(['body.withdrawnOn']);

    const res = await w.clients.contact_person.post(wUrl, ok);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'withdrawn',
      withdrawnOn: today(),
      withdrawnBy: { userId: w.people.contact_person.id },
      withdrawalNote: 'Amir vill inte längre.',
      abilities: { withdraw: false },
    });
    const again = await w.clients.social_worker.post(wUrl, ok);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('consent_withdrawn');
    const [row] = await t.database.db.select().from(consents).where(eq(consents.id, c.id));
    expect(row!.withdrawnBy).toBe(w.people.contact_person.id);
  });
});
