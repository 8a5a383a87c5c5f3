import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildTenant } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { planMeasures } from './tables.ts';
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

describe('POST /api/plans/:id/entries and DELETE /api/plans/:id/entries/:itemId', () => {
  it('401, 404, 403 for civil society, 400 with field paths; owned by the writer’s organisation', async () => {
    const w = await buildPlanWorld(t);
    const plan = await newPlan(w);
    const url = `/api/plans/${plan.id}/entries`;
    const body = { kind: 'need', text: 'Behöver läxhjälp', category: 'school' };
    expect((await anonymous(t.app).post(url, body)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url, body)).statusCode).toBe(404);
    expect((await w.clients.volunteer.post(url, body)).statusCode).toBe(403);
    expect((await w.clients.manager.post(url, body)).statusCode).toBe(403);
    const bad = await w.clients.school_mentor.post(url, { kind: 'wish', text: '', category: 'gossip' });
    expect(paths(bad.json())).toEqual(['body.category', 'body.kind', 'body.text']);
    const notMine = await w.clients.school_mentor.post(url, { ...body, owningOrganisationId: w.orgs.social.id });
    expect(paths(notMine.json())).toEqual(['body.owningOrganisationId']);

    const res = await w.clients.school_mentor.post(url, body);
    expect(res.statusCode, res.body).toBe(200);
    const need = res.json().needs[0];
    expect(need).toMatchObject({
      text: 'Behöver läxhjälp',
      category: 'school',
      owningOrganisation: { id: w.orgs.school.id },
    });
    expect(res.json().editableItems).toEqual([need.id]);

    const del = `/api/plans/${plan.id}/entries/${need.id}`;
    expect((await anonymous(t.app).delete(del)).statusCode).toBe(401);
    expect((await w.clients.outsider.delete(del)).statusCode).toBe(404);
    // Not shared with the god man's organisation: as if it did not exist.
    expect((await w.clients.god_man.delete(del)).statusCode).toBe(404);
    expect((await w.clients.social_worker.delete(`/api/plans/${plan.id}/entries/${randomUUID()}`)).statusCode).toBe(
      404,
    );
    expect((await w.clients.social_worker.delete(`/api/plans/${plan.id}/entries/x`)).statusCode).toBe(400);
    const gone = await w.clients.school_mentor.delete(del);
    expect(gone.statusCode).toBe(200);
    expect(gone.json().needs).toEqual([]);
  });

  it('403 when a member of another organisation that sees the entry is not the plan’s lead', async () => {
    const w = await buildPlanWorld(t);
    const plan = await newPlan(w);
    const res = await w.clients.school_mentor.post(`/api/plans/${plan.id}/entries`, {
      kind: 'note',
      text: 'x',
      category: 'school',
    });
    const id = res.json().notes[0].id;
    await giveConsent(w, { organisationIds: [w.orgs.school.id, w.orgs.bup.id], categories: ['school'] });
    expect((await w.clients.bup.delete(`/api/plans/${plan.id}/entries/${id}`)).statusCode).toBe(403);
    // The plan's lead (the hub's social worker) may, when it is shared with them.
    await giveConsent(w, { organisationIds: [w.orgs.school.id, w.orgs.social.id], categories: ['school'] });
    expect((await w.clients.social_worker.delete(`/api/plans/${plan.id}/entries/${id}`)).statusCode).toBe(200);
  });
});

describe('measures', () => {
  it('POST: 401, 404, 403, 400 (no responsible organisation, another tenant’s, ending before starting); nothing stored', async () => {
    const w = await buildPlanWorld(t);
    const plan = await newPlan(w);
    const url = `/api/plans/${plan.id}/measures`;
    const body = {
      description: 'Samtal hos BUP varannan vecka',
      responsibleOrganisationId: w.orgs.bup.id,
      responsibleUserId: w.people.bup.id,
      startOn: today(),
      goal: 'Sover bättre enligt egen skattning i april',
      category: 'health',
    };
    expect((await anonymous(t.app).post(url, body)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url, body)).statusCode).toBe(404);
    expect((await w.clients.volunteer.post(url, body)).statusCode).toBe(403);
    const { responsibleOrganisationId: _, ...noOrg } = body;
    const missing = await w.clients.bup.post(url, noOrg);
    expect(missing.statusCode).toBe(400);
    expect(paths(missing.json())).toEqual(['body.responsibleOrganisationId']);
    const foreign = await buildOrganisation(t.database.db, (await buildTenant(t.database.db)).id);
    const wrong = await w.clients.bup.post(url, {
      ...body,
      responsibleOrganisationId: foreign.id,
      responsibleUserId: randomUUID(),
      needId: randomUUID(),
    });
    expect(paths(wrong.json())).toEqual(['body.needId', 'body.responsibleOrganisationId', 'body.responsibleUserId']);
    const backwards = await w.clients.bup.post(url, { ...body, startOn: inDays(10), endOn: inDays(1) });
    expect(paths(backwards.json())).toEqual(['body.endOn']);
    const noGoal = await w.clients.bup.post(url, { ...body, goal: '' });
    expect(paths(noGoal.json())).toEqual(['body.goal']);
    expect(await t.database.db.select().from(planMeasures).where(eq(planMeasures.planId, plan.id))).toEqual([]);

    const res = await w.clients.bup.post(url, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().measures[0]).toMatchObject({
      responsibleOrganisation: { id: w.orgs.bup.id, principalType: 'region' },
      responsibleUser: { displayName: 'Bo Persson' },
      status: 'planned',
      category: 'health',
      owningOrganisation: { id: w.orgs.bup.id },
    });
    // Health information of the region is not the social worker's without consent.
    expect((await readPlan(w.clients.social_worker, plan.id)).measures).toEqual([]);
  });

  it('PATCH and DELETE: 401, 404, 403 for another organisation, 400 with field paths, 409 once adopted', async () => {
    const w = await buildPlanWorld(t);
    const plan = await readyPlan(w);
    const measure = plan.measures[0]!;
    const url = `/api/plans/${plan.id}/measures/${measure.id}`;
    const v = measure.version!;
    expect((await anonymous(t.app).patch(url, { version: v, status: 'ongoing' })).statusCode).toBe(401);
    expect((await w.clients.outsider.patch(url, { version: v, status: 'ongoing' })).statusCode).toBe(404);
    expect(
      (
        await w.clients.social_worker.patch(`/api/plans/${plan.id}/measures/${randomUUID()}`, {
          version: v,
          status: 'ongoing',
        })
      ).statusCode,
    ).toBe(404);
    // The school sees the measure (consent), but it is social services' to change.
    expect((await w.clients.school_mentor.patch(url, { version: v, status: 'ongoing' })).statusCode).toBe(403);
    expect((await w.clients.school_mentor.delete(url)).statusCode).toBe(403);
    const bad = await w.clients.social_worker.patch(url, { version: v, endOn: inDays(-30), status: 'paused' });
    expect(paths(bad.json())).toEqual(['body.status']);
    const backwards = await w.clients.social_worker.patch(url, { version: v, endOn: inDays(-30) });
    expect(paths(backwards.json())).toEqual(['body.endOn']);
    const ok = await w.clients.social_worker.patch(url, { version: v, status: 'ongoing', endOn: inDays(60) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().measures[0]).toMatchObject({ version: v + 1, status: 'ongoing', endOn: inDays(60) });

    const adopted = await adoptPlan(w, ok.json());
    const locked = await w.clients.social_worker.patch(url, { version: v + 1, status: 'done' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toBe('plan_adopted');
    expect((await w.clients.social_worker.delete(url)).statusCode).toBe(409);
    expect(
      (
        await w.clients.social_worker.post(`/api/plans/${plan.id}/entries`, {
          kind: 'note',
          text: 'x',
          category: 'school',
        })
      ).statusCode,
    ).toBe(409);
    expect(adopted.measures[0]!.status).toBe('ongoing');
  });

  it('DELETE: the owner removes a measure', async () => {
    const w = await buildPlanWorld(t);
    const plan = await newPlan(w);
    const p = await addMeasure(w.clients.school_mentor, plan.id, {
      responsibleOrganisationId: w.orgs.school.id,
      category: 'school',
    });
    const res = await w.clients.school_mentor.delete(`/api/plans/${plan.id}/measures/${p.measures[0]!.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().measures).toEqual([]);
  });
});
