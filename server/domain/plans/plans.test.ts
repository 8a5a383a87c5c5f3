import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { buildOrganisation, buildTenant } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { plans } from './tables.ts';
import { buildPlanWorld, giveConsent, inDays, newPlan, paths, readPlan } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('POST /api/children/:id/plans', () => {
  it('401, 404 outside the hub, 403 for civil society and managers, 400 with field paths', async () => {
    const w = await buildPlanWorld(t);
    const url = `/api/children/${w.child.id}/plans`;
    expect((await anonymous(t.app).post(url, { kind: 'isip' })).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url, { kind: 'isip' })).statusCode).toBe(404);
    expect(
      (await w.clients.social_worker.post(`/api/children/${randomUUID()}/plans`, { kind: 'isip' })).statusCode,
    ).toBe(404);
    expect((await w.clients.volunteer.post(url, { kind: 'isip' })).statusCode).toBe(403);
    expect((await w.clients.manager.post(url, { kind: 'isip' })).statusCode).toBe(403);
    const bad = await w.clients.social_worker.post(url, { kind: 'plan', chairUserId: 'x' });
    expect(paths(bad.json())).toEqual(['body.chairUserId', 'body.kind']);
    const chair = await w.clients.social_worker.post(url, { kind: 'sip', chairUserId: w.people.volunteer.id });
    expect(paths(chair.json())).toEqual(['body.chairUserId']);
    expect(await t.database.db.select().from(plans).where(eq(plans.childId, w.child.id))).toEqual([]);
  });

  it('starts a draft with the initiator; the school may initiate; one plan at a time (409)', async () => {
    const w = await buildPlanWorld(t);
    const plan = await newPlan(w, 'sip', 'school_mentor');
    expect(plan).toMatchObject({
      kind: 'sip',
      status: 'draft',
      editable: true,
      adoptedVersion: 0,
      initiator: { userId: w.people.school_mentor.id, displayName: 'Mats Holm' },
      chair: null,
      consent: null,
      someWithheld: false,
      abilities: { edit: true, addContent: true, invite: true, adopt: true, revise: false, followUp: false, end: true },
    });
    expect(plan.missing).toEqual([
      'consentId',
      'chairUserId',
      'childParticipation',
      'measures',
      'principalMeasures',
      'otherMeasures',
      'overallResponsibleOrganisationId',
      'meetingHeld',
    ]);
    const again = await w.clients.social_worker.post(`/api/children/${w.child.id}/plans`, { kind: 'isip' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('plan_exists');
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan.created'), eq(auditLog.childId, w.child.id)));
    expect(rows).toHaveLength(1);
  });
});

describe('GET /api/children/:id/plans and /api/plans/:id', () => {
  it('401, 404 outside the hub or unknown, 403 for civil society, 400 bad id; lists and reads', async () => {
    const w = await buildPlanWorld(t);
    const plan = await newPlan(w);
    const list = `/api/children/${w.child.id}/plans`;
    const one = `/api/plans/${plan.id}`;
    for (const url of [list, one]) {
      expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
      expect((await w.clients.outsider.get(url)).statusCode).toBe(404);
      expect((await w.clients.volunteer.get(url)).statusCode).toBe(403);
    }
    expect((await w.clients.social_worker.get(`/api/plans/${randomUUID()}`)).statusCode).toBe(404);
    expect((await w.clients.social_worker.get('/api/plans/x')).statusCode).toBe(400);
    const items = (await w.clients.god_man.get(list)).json();
    expect(items).toMatchObject({
      items: [{ id: plan.id, status: 'draft', kind: 'isip' }],
      abilities: { create: false },
    });
    const read = await readPlan(w.clients.manager, plan.id);
    expect(read.abilities.edit).toBe(false);
    expect(read.childName).toBe('Amir');
  });
});

describe('PATCH /api/plans/:id', () => {
  it('401, 404, 403 for members who do not lead the plan, 400 with field paths, 409 on a stale version', async () => {
    const w = await buildPlanWorld(t);
    const plan = await newPlan(w);
    const url = `/api/plans/${plan.id}`;
    const body = { version: plan.version, childParticipation: 'took_part' };
    expect((await anonymous(t.app).patch(url, body)).statusCode).toBe(401);
    expect((await w.clients.outsider.patch(url, body)).statusCode).toBe(404);
    expect((await w.clients.school_mentor.patch(url, body)).statusCode).toBe(403);

    const foreign = await buildOrganisation(t.database.db, (await buildTenant(t.database.db)).id);
    const expired = await giveConsent(w, {
      organisationIds: [w.orgs.social.id],
      categories: ['school'],
      validFrom: inDays(-30),
      validTo: inDays(-1),
    });
    const hubOnly = await giveConsent(w, {
      organisationIds: [w.orgs.social.id],
      categories: ['school'],
      purposes: ['hub'],
    });
    for (const [patch, expected] of [
      [{ chairUserId: w.people.outsider.id }, ['body.chairUserId']],
      [{ consentId: expired.id }, ['body.consentId']],
      [{ consentId: hubOnly.id }, ['body.consentId']],
      [{ consentId: randomUUID() }, ['body.consentId']],
      [{ overallResponsibleOrganisationId: foreign.id }, ['body.overallResponsibleOrganisationId']],
      // A private provider (the HVB) is not a principal.
      [{ overallResponsibleOrganisationId: w.orgs.hvb.id }, ['body.overallResponsibleOrganisationId']],
      [{ relativesTakePart: true }, ['body.relativesTakePart']],
      [{ relativesTakePart: true, childObjectsToRelatives: true }, ['body.relativesTakePart']],
      [{ childParticipation: 'maybe', noOtherMeasures: 'yes' }, ['body.childParticipation', 'body.noOtherMeasures']],
    ] as const) {
      const res = await w.clients.social_worker.patch(url, { version: plan.version, ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(paths(res.json()), JSON.stringify(patch)).toEqual(expected);
    }
    expect((await readPlan(w.clients.social_worker, plan.id)).version).toBe(plan.version);
    const stale = await w.clients.social_worker.patch(url, { ...body, version: plan.version + 5 });
    expect(stale.statusCode).toBe(409);
  });

  it('sets the child’s part, own words in any language, relatives, part 3 and 4; audited by field name only', async () => {
    const w = await buildPlanWorld(t);
    const plan = await newPlan(w);
    const consent = await giveConsent(w, {
      organisationIds: [w.orgs.social.id, w.orgs.school.id],
      categories: ['school'],
    });
    const res = await w.clients.social_worker.patch(`/api/plans/${plan.id}`, {
      version: plan.version,
      chairUserId: w.people.god_man.id,
      consentId: consent.id,
      childParticipation: 'took_part_partly',
      childWords: 'من می‌خواهم به مدرسه بروم',
      childGoals: 'Gå i skolan varje dag',
      relativesTakePart: true,
      childObjectsToRelatives: false,
      relativesNote: 'Morbror i Umeå',
      noOtherMeasures: true,
      overallResponsibleOrganisationId: w.orgs.social.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      chair: { userId: w.people.god_man.id },
      consent: { id: consent.id, state: 'valid', forPlan: true },
      childWords: 'من می‌خواهم به مدرسه بروم',
      relativesTakePart: true,
      overallResponsibleOrganisation: { id: w.orgs.social.id, principalType: 'municipality' },
      version: plan.version + 1,
    });
    expect(p.missing).toEqual(['measures', 'principalMeasures', 'meetingHeld']);
    // The chair now leads the plan too.
    expect((await readPlan(w.clients.god_man, plan.id)).abilities.edit).toBe(true);
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan.updated'), eq(auditLog.entityId, plan.id)));
    expect(JSON.stringify(row!.detail)).not.toContain('skolan');
  });
});

describe('PUT /api/plans/:id/participants', () => {
  it('401, 404, 403, 400 with field paths; principals are summoned, others invited', async () => {
    const w = await buildPlanWorld(t);
    const plan = await newPlan(w);
    const url = `/api/plans/${plan.id}/participants`;
    const body = {
      version: plan.version,
      participants: [
        { userId: w.people.school_mentor.id },
        { userId: w.people.bup.id },
        { userId: w.people.contact_person.id },
        { name: 'Lena Tolk', organisationId: null, organisationName: 'Tolkförmedlingen' },
        { name: 'Dr Region', organisationId: w.orgs.bup.id },
      ],
    };
    expect((await anonymous(t.app).put(url, body)).statusCode).toBe(401);
    expect((await w.clients.outsider.put(url, body)).statusCode).toBe(404);
    expect((await w.clients.contact_person.put(url, body)).statusCode).toBe(403);
    const foreign = await buildOrganisation(t.database.db, (await buildTenant(t.database.db)).id);
    const bad = await w.clients.social_worker.put(url, {
      version: plan.version,
      participants: [
        { userId: w.people.volunteer.id },
        { userId: w.people.bup.id },
        { userId: w.people.bup.id },
        { name: 'X', organisationId: foreign.id },
        { name: '' },
      ],
    });
    expect(paths(bad.json())).toEqual(['body.participants.4.name']);
    const bad2 = await w.clients.social_worker.put(url, {
      version: plan.version,
      participants: [
        { userId: w.people.volunteer.id },
        { userId: w.people.bup.id },
        { userId: w.people.bup.id },
        { name: 'X', organisationId: foreign.id },
      ],
    });
    expect(paths(bad2.json())).toEqual([
      'body.participants.0.userId',
      'body.participants.2.userId',
      'body.participants.3.organisationId',
    ]);

    const res = await w.clients.social_worker.put(url, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().participants.map((p: { displayName: string; kind: string }) => [p.displayName, p.kind])).toEqual([
      ['Mats Holm', 'summons'],
      ['Bo Persson', 'summons'],
      ['Karin Berg', 'invitation'],
      ['Lena Tolk', 'invitation'],
      ['Dr Region', 'summons'],
    ]);
  });
});
