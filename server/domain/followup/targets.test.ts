import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { collaborations, collaborationTenants } from '../collaboration/tables.ts';
import { figuresUrl, followupWorld } from './test-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('targets', () => {
  it('the strategic level sets a target; figures show status against it and the trend; audited', async () => {
    const w = await followupWorld(t.app, t.database.db);
    const db = t.database.db;
    const [collab] = await db
      .insert(collaborations)
      .values({ name: 'Samverkan', ownerTenantId: w.tenant.id, createdBy: w.people.coordinator.id })
      .returning();
    await db
      .insert(collaborationTenants)
      .values({ collaborationId: collab!.id, tenantId: w.tenant.id, status: 'accepted' });
    // February: 5 of 10 children got a plan; March: 6 of 11.
    for (const [month, n, withPlan] of [
      ['02', 10, 5],
      ['03', 11, 6],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const c = await w.child();
        await w.rejection(c.id, new Date(`2026-${month}-10T10:00:00+01:00`));
        if (i < withPlan) await w.plan(c.id, 'active');
      }
    }
    const url = `/api/followup/collaborations/${collab!.id}/targets/rejection_with_plan`;
    expect((await (await w.as(w.people.manager)).put(url, { target: 0.5 })).statusCode).toBe(403);
    const coordinator = await w.as(w.people.coordinator);
    const bad = await coordinator.put(url, { target: 1.5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ issues: { path: string }[] }>().issues[0]!.path).toBe('body.target');
    expect((await coordinator.put(url, { target: 0.6 })).statusCode).toBe(200);

    const res = await (
      await w.as(w.people.manager)
    ).get(figuresUrl('municipality', w.tenant.id, 'rejection_with_plan', '2026-02', '2026-03'));
    const figure = res.json<{ figures: { target: number; status: string; trend: string }[] }>().figures[0]!;
    // 6/11 ≈ 0.545 is below 0.6, and better than February's 0.5.
    expect(figure).toMatchObject({ target: 0.6, status: 'not_met', trend: 'better' });

    const csv = await (
      await w.as(w.people.manager)
    ).get(
      figuresUrl('municipality', w.tenant.id, 'rejection_with_plan', '2026-02', '2026-03').replace(
        'figures?',
        'figures.csv?',
      ),
    );
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('rejection_with_plan;share;2026-03;11;11;6;0.545;;0.6;not_met;better');

    const list = await coordinator.get('/api/followup/indicators');
    expect(
      list.json<{ items: { id: string; target: number | null }[] }>().items.find((i) => i.id === 'rejection_with_plan')!
        .target,
    ).toBe(0.6);
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'followup.target_set'), eq(auditLog.entityId, collab!.id)));
    expect(rows).toHaveLength(1);
  });
});
