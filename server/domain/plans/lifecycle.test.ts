import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { runDueJobs } from '../../jobs/index.ts';
import { jobs } from '../../jobs/tables.ts';
import { notifications } from '../../notify/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { ROLLUP_TENANT_JOB } from '../followup/rollup-jobs.ts';
import { morningOf } from './reminders.ts';
import { plans, planVersions } from './tables.ts';
import {
  addMeasure,
  adoptPlan,
  buildPlanWorld,
  giveConsent,
  inDays,
  newPlan,
  paths,
  readPlan,
  readyPlan,
  today,
} from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const adoptBody = (version: number, followUpUserId: string, followUpOn = inDays(90)) => ({
  version,
  followUpOn,
  followUpUserId,
  childApproval: { approved: true, note: null },
  meetingWaiver: { reason: 'Barnet ville inte ha ett möte till.' },
});

describe('POST /api/plans/:id/adopt', () => {
  it('401, 404, 403 for members who do not lead, 400 naming every missing part, nothing changed', async () => {
    const w = await buildPlanWorld(t);
    const plan = await newPlan(w);
    const url = `/api/plans/${plan.id}/adopt`;
    const body = adoptBody(plan.version, w.people.social_worker.id);
    expect((await anonymous(t.app).post(url, body)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url, body)).statusCode).toBe(404);
    expect((await w.clients.social_worker.post(`/api/plans/${randomUUID()}/adopt`, body)).statusCode).toBe(404);
    expect((await w.clients.school_mentor.post(url, body)).statusCode).toBe(403);

    // Without the four parts, consent, chair, the child's part; a follow-up before the adoption; a follow-up by an outsider.
    await addMeasure(w.clients.social_worker, plan.id, {
      responsibleOrganisationId: w.orgs.hvb.id,
      category: 'housing',
      responsibleName: null,
    });
    const fresh = await readPlan(w.clients.social_worker, plan.id);
    const res = await w.clients.social_worker.post(url, adoptBody(fresh.version, w.people.outsider.id, inDays(-1)));
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual([
      'body.followUpOn',
      'body.followUpUserId',
      'plan.chairUserId',
      'plan.childParticipation',
      'plan.consentId',
      'plan.measureResponsible',
      'plan.overallResponsibleOrganisationId',
      'plan.principalMeasures',
    ]);
    const today_ = await w.clients.social_worker.post(
      url,
      adoptBody(fresh.version, w.people.social_worker.id, today()),
    );
    expect(paths(today_.json())).toContain('body.followUpOn');
    const noApproval = await w.clients.social_worker.post(url, {
      ...adoptBody(fresh.version, w.people.social_worker.id),
      childApproval: { approved: false },
    });
    expect(paths(noApproval.json())).toEqual(['body.childApproval.approved']);
    const [row] = await t.database.db.select().from(plans).where(eq(plans.id, plan.id));
    expect(row).toMatchObject({ status: 'draft', adoptedVersion: 0, followUpOn: null });
    expect(await t.database.db.select().from(planVersions).where(eq(planVersions.planId, plan.id))).toEqual([]);
  });

  it('400 without a valid consent, also after it was withdrawn; a SIP needs both municipality and region', async () => {
    const w = await buildPlanWorld(t);
    const plan = await readyPlan(w);
    await w.clients.god_man.post(`/api/consents/${plan.consent!.id}/withdraw`, { withdrawnOn: today() });
    const res = await w.clients.social_worker.post(
      `/api/plans/${plan.id}/adopt`,
      adoptBody(plan.version, w.people.social_worker.id),
    );
    expect(paths(res.json())).toEqual(['plan.consentId']);

    const w2 = await buildPlanWorld(t);
    const sip = await readyPlan(w2);
    // The same plan as a SIP: the region's part is now missing.
    const asSip = await t.database.db.update(plans).set({ kind: 'sip' }).where(eq(plans.id, sip.id)).returning();
    const missing = await w2.clients.social_worker.post(
      `/api/plans/${sip.id}/adopt`,
      adoptBody(asSip[0]!.version, w2.people.social_worker.id),
    );
    expect(paths(missing.json())).toEqual(['plan.principalMeasures']);
    const withRegion = await addMeasure(w2.clients.bup, sip.id, {
      responsibleOrganisationId: w2.orgs.bup.id,
      category: 'health',
    });
    expect(withRegion.missing).toEqual(['meetingHeld']);
  });

  it('adopts: a read-only version with who and when, the child’s approval, follow-up reminders; content is locked', async () => {
    const w = await buildPlanWorld(t);
    const plan = await readyPlan(w);
    expect(plan.missing).toEqual(['meetingHeld']);
    const adopted = await adoptPlan(w, plan, inDays(30));
    expect(adopted).toMatchObject({
      status: 'active',
      editable: false,
      adoptedVersion: 1,
      followUpOn: inDays(30),
      followUpBy: { userId: w.people.social_worker.id },
      versions: [{ number: 1, adoptedBy: { userId: w.people.social_worker.id } }],
      abilities: { edit: false, addContent: false, adopt: false, revise: true, followUp: true, end: true },
    });
    const locked = await w.clients.social_worker.patch(`/api/plans/${plan.id}`, {
      version: adopted.version,
      childGoals: 'x',
    });
    expect(locked.statusCode).toBe(409);

    const v = await w.clients.school_mentor.get(`/api/plans/${plan.id}/versions/1`);
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({
      number: 1,
      childApproval: { approved: true },
      content: { kind: 'isip', childWords: 'Jag vill gå i skolan och spela fotboll.', noOtherMeasures: true },
    });
    expect(v.json().content.measures).toHaveLength(1);
    for (const [who, url, code] of [
      ['anonymous', `/api/plans/${plan.id}/versions/1`, 401],
      ['outsider', `/api/plans/${plan.id}/versions/1`, 404],
      ['social_worker', `/api/plans/${plan.id}/versions/2`, 404],
      ['volunteer', `/api/plans/${plan.id}/versions/1`, 403],
      ['social_worker', `/api/plans/${plan.id}/versions/zero`, 400],
    ] as const) {
      const client = who === 'anonymous' ? anonymous(t.app) : w.clients[who];
      expect((await client.get(url)).statusCode, `${who} ${url}`).toBe(code);
    }

    // A week before, the one who follows up is reminded; on the day the plan is under follow-up.
    const notices = () =>
      t.database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, w.people.social_worker.id), eq(notifications.childId, w.child.id)));
    await runDueJobs(t.deps, new Date(morningOf(inDays(22)).getTime() - 60_000), { tenantId: w.tenant.id });
    expect((await notices()).map((n) => n.kind)).toEqual([]);
    await runDueJobs(t.deps, morningOf(inDays(23)), { tenantId: w.tenant.id });
    expect((await notices()).map((n) => n.kind)).toEqual(['plan.follow_up_soon']);
    // The client says "follow-up of the I-SIP" from these.
    expect((await notices())[0]?.params).toMatchObject({ planKind: 'isip', followUpOn: inDays(30) });
    await runDueJobs(t.deps, morningOf(inDays(30)), { tenantId: w.tenant.id });
    expect((await notices()).map((n) => n.kind).sort()).toEqual(['plan.follow_up_due', 'plan.follow_up_soon']);
    expect((await readPlan(w.clients.social_worker, plan.id)).status).toBe('follow_up');
    const logged = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan.adopted'), eq(auditLog.entityId, plan.id)));
    expect(logged[0]!.detail).toMatchObject({ version: 1, consentId: plan.consent!.id });
  });
});

describe('POST /api/plans/:id/revise', () => {
  it('401, 404, 403, 409 on a draft, 400 bad body; a new version keeps the old one read-only', async () => {
    const w = await buildPlanWorld(t);
    const draft = await readyPlan(w);
    const url = `/api/plans/${draft.id}/revise`;
    expect((await anonymous(t.app).post(url, { version: 1 })).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url, { version: 1 })).statusCode).toBe(404);
    expect((await w.clients.social_worker.post(url, { version: draft.version })).statusCode).toBe(409);
    expect(paths((await w.clients.social_worker.post(url, {})).json())).toEqual(['body.version']);
    const adopted = await adoptPlan(w, draft);
    expect((await w.clients.school_mentor.post(url, { version: adopted.version })).statusCode).toBe(403);
    const revising = await w.clients.social_worker.post(url, { version: adopted.version });
    expect(revising.statusCode).toBe(200);
    expect(revising.json()).toMatchObject({ status: 'active', editable: true, adoptedVersion: 1 });
    const changed = await w.clients.social_worker.patch(`/api/plans/${draft.id}`, {
      version: revising.json().version,
      childGoals: 'Börja på gymnasiet',
    });
    expect(changed.statusCode).toBe(200);
    const v2 = await adoptPlan(w, changed.json());
    expect(v2.versions.map((v) => v.number)).toEqual([1, 2]);
    const one = (await w.clients.social_worker.get(`/api/plans/${draft.id}/versions/1`)).json();
    const two = (await w.clients.social_worker.get(`/api/plans/${draft.id}/versions/2`)).json();
    expect([one.content.childGoals, two.content.childGoals]).toEqual([null, 'Börja på gymnasiet']);
  });
});

describe('POST /api/plans/:id/follow-ups', () => {
  it('401, 404, 403, 409 before adoption, 400 with field paths; records what happened with each measure', async () => {
    const w = await buildPlanWorld(t);
    const draft = await readyPlan(w);
    const url = `/api/plans/${draft.id}/follow-ups`;
    const measureId = draft.measures[0]!.id;
    const body = (version: number) => ({
      version,
      heldOn: today(),
      outcomes: [{ measureId, status: 'done', note: 'Närvaron är nu 90 %' }],
      summary: 'Målen nåddes i skolan.',
      nextFollowUpOn: inDays(60),
      nextFollowUpUserId: w.people.god_man.id,
    });
    expect((await anonymous(t.app).post(url, body(1))).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url, body(1))).statusCode).toBe(404);
    expect((await w.clients.social_worker.post(url, body(draft.version))).statusCode).toBe(409);
    const adopted = await adoptPlan(w, draft);
    expect((await w.clients.school_mentor.post(url, body(adopted.version))).statusCode).toBe(403);
    const bad = await w.clients.social_worker.post(url, {
      ...body(adopted.version),
      heldOn: inDays(1),
      nextFollowUpOn: today(),
      nextFollowUpUserId: w.people.volunteer.id,
      outcomes: [{ measureId: randomUUID(), status: 'done', note: null }],
    });
    expect(paths(bad.json())).toEqual([
      'body.heldOn',
      'body.nextFollowUpOn',
      'body.nextFollowUpUserId',
      'body.outcomes.0.measureId',
    ]);
    const res = await w.clients.social_worker.post(url, body(adopted.version));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'active',
      followUpOn: inDays(60),
      followUpBy: { userId: w.people.god_man.id },
      followUps: [{ versionNumber: 1, summary: 'Målen nåddes i skolan.', outcomes: [{ measureId, status: 'done' }] }],
    });
    expect(res.json().measures[0].status).toBe('done');
    // The adopted version is not changed by the follow-up.
    expect(
      (await w.clients.social_worker.get(`/api/plans/${draft.id}/versions/1`)).json().content.measures[0].status,
    ).toBe('planned');
  });
});

describe('POST /api/plans/:id/end', () => {
  it('401, 404, 403, 400; the child ends the plan; a new plan may start, the old one stays as history', async () => {
    const w = await buildPlanWorld(t);
    const plan = await newPlan(w);
    const url = `/api/plans/${plan.id}/end`;
    const body = { version: plan.version, reason: 'child_ended', note: 'Amir vill inte ha en plan nu.' };
    expect((await anonymous(t.app).post(url, body)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url, body)).statusCode).toBe(404);
    expect((await w.clients.school_mentor.post(url, body)).statusCode).toBe(403);
    expect(paths((await w.clients.social_worker.post(url, { ...body, reason: 'bored' })).json())).toEqual([
      'body.reason',
    ]);
    const res = await w.clients.social_worker.post(url, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ended',
      endedReason: 'child_ended',
      abilities: { end: false, edit: false },
    });
    // The follow-up figures count plans: their municipality's roll-up is rebuilt within the minute.
    const rebuilds = await t.database.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.tenantId, w.tenant.id), eq(jobs.kind, ROLLUP_TENANT_JOB), eq(jobs.status, 'pending')));
    expect(rebuilds).toHaveLength(1);
    expect((await w.clients.social_worker.post(url, { ...body, version: res.json().version })).statusCode).toBe(409);
    await newPlan(w, 'isip');
    const list = (await w.clients.social_worker.get(`/api/children/${w.child.id}/plans`)).json();
    expect(list.items.map((p: { status: string }) => p.status)).toEqual(['draft', 'ended']);
    const consent = await giveConsent(w, { organisationIds: [w.orgs.social.id], categories: ['school'] });
    expect(consent.state).toBe('valid');
  });
});
