import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../common/schemas/plans.ts';
import { auditLog } from '../../audit/tables.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { planMeasures, plans } from './tables.ts';
import { buildPlanWorld, paths, readPlan, today, type PlanWorld } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const url = (w: PlanWorld) => `/api/children/${w.child.id}/plans`;

function measure(w: PlanWorld, k: number) {
  return {
    description: `Stödsamtal ${k + 1}`,
    responsibleOrganisationId: w.orgs.social.id,
    responsibleUserId: w.people.social_worker.id,
    startOn: today(),
    goal: 'Närvaro fyra dagar i veckan',
    category: 'school',
  };
}

async function nothingWritten(w: PlanWorld) {
  expect(await t.database.db.select().from(plans).where(eq(plans.childId, w.child.id))).toEqual([]);
  expect(await t.database.db.select().from(planMeasures).where(eq(planMeasures.childId, w.child.id))).toEqual([]);
  const logged = await t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.childId, w.child.id), eq(auditLog.entity, 'plan')));
  expect(logged).toEqual([]);
}

describe('POST /api/children/:id/plans with measures', () => {
  it('creates the plan and its five measures in one request, each measure audited as if added alone', async () => {
    const w = await buildPlanWorld(t);
    const measures = Array.from({ length: 5 }, (_, k) => measure(w, k));
    const res = await w.clients.social_worker.post(url(w), { kind: 'isip', measures });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json<Plan>();
    expect(plan.measures.map((m) => m.description).sort()).toEqual(measures.map((m) => m.description).sort());
    expect(plan.measures[0]).toMatchObject({ status: 'planned', endOn: null, needId: null });
    const logged = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.childId, w.child.id), eq(auditLog.entityId, plan.id)));
    expect(logged.map((r) => r.action).sort()).toEqual([
      'plan.created',
      ...Array<string>(5).fill('plan.measure_added'),
    ]);
    expect((await readPlan(w.clients.social_worker, plan.id)).measures).toHaveLength(5);
  });

  it('400 with the field paths of every bad measure, and nothing half-written', async () => {
    const w = await buildPlanWorld(t);
    const measures = Array.from({ length: 5 }, (_, k) => measure(w, k));
    // Shape: caught by the route's schema.
    const shape = await w.clients.social_worker.post(url(w), {
      kind: 'isip',
      measures: measures.map((m, k) => (k === 2 ? { ...m, description: '', endOn: '2000-01-01' } : m)),
    });
    expect(shape.statusCode).toBe(400);
    expect(paths(shape.json())).toEqual(['body.measures.2.description', 'body.measures.2.endOn']);
    await nothingWritten(w);
    // Meaning: caught by the service before the plan is written, the last measure's as well as the first.
    const meaning = await w.clients.social_worker.post(url(w), {
      kind: 'isip',
      measures: measures.map((m, k) =>
        k === 1
          ? { ...m, responsibleOrganisationId: randomUUID() }
          : k === 4
            ? { ...m, responsibleUserId: randomUUID(), needId: randomUUID(), owningOrganisationId: w.orgs.school.id }
            : m,
      ),
    });
    expect(meaning.statusCode).toBe(400);
    expect(paths(meaning.json())).toEqual([
      'body.measures.1.responsibleOrganisationId',
      'body.measures.4.needId',
      'body.measures.4.owningOrganisationId',
      'body.measures.4.responsibleUserId',
    ]);
    await nothingWritten(w);
  });

  it('without measures, as before: an empty plan', async () => {
    const w = await buildPlanWorld(t);
    const res = await w.clients.social_worker.post(url(w), { kind: 'sip' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Plan>().measures).toEqual([]);
  });
});
