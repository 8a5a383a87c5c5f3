import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChild, buildOrganisation, buildTenant, buildUser } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { touchPlan } from './repo.ts';
import { plans } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe("a plan's version when its items change", () => {
  it('goes up once per change when two changes overlap (on PostgreSQL the second waits on the first row lock)', async () => {
    const db = t.database.db;
    const tenant = await buildTenant(db);
    const org = await buildOrganisation(db, tenant.id);
    const user = await buildUser(db, { tenantId: tenant.id, organisationId: org.id, role: 'social_worker' });
    const child = await buildChild(db, { tenantId: tenant.id });
    const [plan] = await db
      .insert(plans)
      .values({ tenantId: tenant.id, childId: child.id, kind: 'sip', initiatorId: user.id })
      .returning();
    let firstTouched!: () => void;
    const touched = new Promise<void>((resolve) => (firstTouched = resolve));
    const first = db.transaction(async (tx) => {
      await touchPlan(tx, plan!.id);
      firstTouched();
      // Hold the row until the second change has read it (on a read-then-write, it reads the old version).
      await new Promise((resolve) => setTimeout(resolve, 150));
    });
    await touched;
    const second = db.transaction(async (tx) => touchPlan(tx, plan!.id));
    await Promise.all([first, second]);
    const [row] = await db.select({ version: plans.version }).from(plans).where(eq(plans.id, plan!.id));
    expect(row!.version).toBe(plan!.version + 2);
  });
});
