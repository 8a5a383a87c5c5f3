import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { planMeasures } from './tables.ts';
import { buildPlanWorld, paths, readyPlan } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('PATCH /api/plans/:id/measures/:itemId with the measure’s version', () => {
  it('400 without a version; 409 with the measure as stored when stale, nothing written; another measure is not held up', async () => {
    const w = await buildPlanWorld(t);
    const plan = await readyPlan(w);
    const measure = plan.measures[0]!;
    expect(measure.version).toBe(1);
    const url = `/api/plans/${plan.id}/measures/${measure.id}`;

    const noVersion = await w.clients.social_worker.patch(url, { description: 'Läxhjälp' });
    expect(noVersion.statusCode).toBe(400);
    expect(paths(noVersion.json())).toEqual(['body.version']);

    // The god man's organisation is not the owner, so the social worker (the lead) writes both times.
    const first = await w.clients.social_worker.patch(url, { version: 1, description: 'Studiehandledning två dagar' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().measures[0]).toMatchObject({ description: 'Studiehandledning två dagar', version: 2 });

    const stale = await w.clients.social_worker.patch(url, { version: 1, description: 'Studiehandledning varje dag' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: 'version_conflict',
      current: { id: measure.id, description: 'Studiehandledning två dagar', version: 2 },
    });
    const [row] = await t.database.db.select().from(planMeasures).where(eq(planMeasures.id, measure.id));
    expect(row).toMatchObject({ description: 'Studiehandledning två dagar', version: 2 });
    const updates = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, plan.id), eq(auditLog.action, 'plan.measure_updated')));
    expect(updates).toHaveLength(1);

    // Saving again with the version the 409 gave replaces it knowingly.
    const again = await w.clients.social_worker.patch(url, { version: 2, description: 'Studiehandledning varje dag' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().measures[0]).toMatchObject({ description: 'Studiehandledning varje dag', version: 3 });
  });
});
