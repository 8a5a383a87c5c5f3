import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActiveHold, ActiveHoldList, RetentionRun } from '../../../common/schemas/retention.ts';
import { auditLog } from '../../audit/tables.ts';
import { buildChild, buildWorld } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { pseudonymOf } from './select.ts';
import { closedCase } from './test-data.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** A municipality with a closed case due for deletion, an open case with a case number, and one in the admin's hub. */
async function world() {
  const w = await buildWorld(t.app, t.database.db, ['tenant_admin', 'social_worker']);
  const db = t.database.db;
  const due = await closedCase(db, w.tenant.id, w.people.social_worker, { monthsAgo: 40, events: 1 });
  const caseNumber = `UM-${randomUUID().slice(0, 8)}`;
  const open = await buildChild(db, { tenantId: w.tenant.id, name: 'Öppet ärende', caseNumber });
  const own = await buildChild(db, {
    tenantId: w.tenant.id,
    name: 'I adminens nätverk',
    hub: [{ user: w.people.tenant_admin, hubRole: 'social_worker' }],
  });
  return { ...w, admin: w.clients.tenant_admin, due, open, own, caseNumber };
}

const list = async (w: Awaited<ReturnType<typeof world>>) =>
  (await w.admin.get('/api/admin/retention/holds')).json<ActiveHoldList>().items;

describe('legal holds placed by reference and listed', () => {
  it('places a hold by the dry run’s pseudonym or the case number, and lists it by pseudonym', async () => {
    const w = await world();
    expect(await list(w)).toEqual([]);

    const byPseudonym = await w.admin.post('/api/admin/retention/holds', {
      reference: pseudonymOf(w.due.id),
      reason: 'Tvist i förvaltningsrätten',
    });
    expect(byPseudonym.statusCode).toBe(201);
    const hold = byPseudonym.json<ActiveHold>();
    expect(hold).toMatchObject({
      childId: w.due.id,
      pseudonym: pseudonymOf(w.due.id),
      // The admin has no place in this child's hub: the case is named by pseudonym only.
      childName: null,
      reason: 'Tvist i förvaltningsrätten',
    });
    expect(hold.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(hold.placedByName).toBeTruthy();
    expect(Date.now() - Date.parse(hold.placedAt)).toBeLessThan(60_000);
    expect(JSON.stringify(hold)).not.toContain(w.due.displayName);

    // The code copied loosely, and the Migrationsverket case number.
    const code = pseudonymOf(w.own.id).replace('Ärende ', '').toLowerCase();
    expect(
      (await w.admin.post('/api/admin/retention/holds', { reference: ` ärende ${code} `, reason: 'IVO' })).statusCode,
    ).toBe(201);
    const byNumber = await w.admin.post('/api/admin/retention/holds', { reference: w.caseNumber, reason: 'JO' });
    expect(byNumber.statusCode).toBe(201);
    expect(byNumber.json<ActiveHold>()).toMatchObject({ childId: w.open.id, closedOn: null, childName: null });

    const items = await list(w);
    expect(items.map((i) => i.childId).sort()).toEqual([w.due.id, w.open.id, w.own.id].sort());
    // The child in the admin's own hub is named; the others are not.
    expect(items.find((i) => i.childId === w.own.id)?.childName).toBe('I adminens nätverk');
    expect(JSON.stringify(items)).not.toContain('Öppet ärende');

    // Each listed child has its own audit row of the read.
    const reads = await t.database.db
      .select({ childId: auditLog.childId })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, w.tenant.id), eq(auditLog.action, 'retention.holds_read')));
    expect(reads.map((r) => r.childId)).toEqual(expect.arrayContaining([w.due.id, w.open.id, w.own.id]));
  });

  it('refuses a missing reason or reference at the field, and an unknown case, writing nothing', async () => {
    const w = await world();
    const noReason = await w.admin.post('/api/admin/retention/holds', {
      reference: pseudonymOf(w.due.id),
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toEqual(['body.reason']);
    const empty = await w.admin.post('/api/admin/retention/holds', { reference: '', reason: '' });
    expect(empty.statusCode).toBe(400);
    expect(
      empty
        .json<{ issues: { path: string }[] }>()
        .issues.map((i) => i.path)
        .sort(),
    ).toEqual(['body.reason', 'body.reference']);
    const unknown = await w.admin.post('/api/admin/retention/holds', { reference: 'Ärende 00000000', reason: 'x' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ issues: { path: string }[] }>().issues[0]?.path).toBe('body.reference');
    // Another municipality's case is not found either.
    const other = await world();
    const foreign = await w.admin.post('/api/admin/retention/holds', {
      reference: pseudonymOf(other.due.id),
      reason: 'x',
    });
    expect(foreign.statusCode).toBe(404);
    expect(await list(w)).toEqual([]);
    expect(await list(other)).toEqual([]);
  });

  it('a lifted hold leaves the list, and the next dry run may delete the case', async () => {
    const w = await world();
    const recent = await closedCase(t.database.db, w.tenant.id, w.people.social_worker, { monthsAgo: 0 });
    for (const id of [w.due.id, recent.id])
      await w.admin.post('/api/admin/retention/holds', { reference: pseudonymOf(id), reason: 'Tvist' });
    await w.admin.delete(`/api/admin/retention/children/${recent.id}/hold`);
    await w.admin.post('/api/admin/retention/holds', { reference: pseudonymOf(recent.id), reason: 'Tvist igen' });
    const held = (await w.admin.post('/api/admin/retention/runs', {})).json<RetentionRun>();
    expect(held.cases.map((c) => c.pseudonym)).not.toContain(pseudonymOf(w.due.id));
    // The report says the case is kept by the hold; a held case whose periods have not run out is not named.
    expect(held.held.map((c) => c.pseudonym)).toEqual([pseudonymOf(w.due.id)]);

    expect((await w.admin.delete(`/api/admin/retention/children/${w.due.id}/hold`)).statusCode).toBe(204);
    expect((await list(w)).map((i) => [i.childId, i.reason])).toEqual([[recent.id, 'Tvist igen']]);
    const free = (await w.admin.post('/api/admin/retention/runs', {})).json<RetentionRun>();
    expect(free.cases.map((c) => c.pseudonym)).toContain(pseudonymOf(w.due.id));
    expect(free.held).toEqual([]);
  });

  it('only a tenant admin lists or places holds', async () => {
    const w = await world();
    const sw = w.clients.social_worker;
    expect((await sw.get('/api/admin/retention/holds')).statusCode).toBe(403);
    const placed = await sw.post('/api/admin/retention/holds', { reference: pseudonymOf(w.due.id), reason: 'x' });
    expect(placed.statusCode).toBe(403);
    expect((await anonymous(t.app).get('/api/admin/retention/holds')).statusCode).toBe(401);
    expect(await list(w)).toEqual([]);
  });
});
