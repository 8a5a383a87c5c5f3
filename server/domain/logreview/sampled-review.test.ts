import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampledReview, SampledReviewList } from '../../../common/schemas/retention.ts';
import { auditLog } from '../../audit/tables.ts';
import { buildChild, buildOrganisation, buildUser, buildWorld } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { sampledReviews } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** A social worker of the manager's organisation reads their own child, and, out of hours, a child of another. */
async function world() {
  const w = await buildWorld(t.app, t.database.db, ['manager', 'social_worker', 'tenant_admin']);
  const sw = w.people.social_worker;
  const own = await buildChild(t.database.db, { tenantId: w.tenant.id, hub: [{ user: sw, hubRole: 'social_worker' }] });
  const otherOrg = await buildOrganisation(t.database.db, w.tenant.id);
  const stranger = await buildUser(t.database.db, {
    tenantId: w.tenant.id,
    organisationId: otherOrg.id,
    role: 'social_worker',
  });
  const foreign = await buildChild(t.database.db, {
    tenantId: w.tenant.id,
    hub: [{ user: stranger, hubRole: 'social_worker' }],
  });
  const base = {
    chain: w.tenant.id,
    tenantId: w.tenant.id,
    actorUserId: sw.id,
    organisationId: w.org.id,
    entity: 'child',
  };
  const night = new Date();
  night.setUTCHours(1, 0, 0, 0);
  await t.database.db.insert(auditLog).values([
    { ...base, action: 'child.read', childId: own.id, at: new Date() },
    { ...base, action: 'child.read', childId: foreign.id, at: night },
    {
      ...base,
      action: 'access.denied',
      childId: foreign.id,
      at: new Date(),
      detail: { status: 404, method: 'GET', route: '/api/children/:id' },
    },
    // The stranger's rows are not the manager's to review.
    {
      ...base,
      actorUserId: stranger.id,
      organisationId: otherOrg.id,
      action: 'child.read',
      childId: foreign.id,
      at: new Date(),
    },
  ]);
  return { ...w, own, foreign, stranger };
}

describe('sampled log review', () => {
  it("draws the rule's samples of the organisation, hiding children outside the manager's scope", async () => {
    const w = await world();
    const res = await w.clients.manager.post('/api/audit/review-schedules', { everyMonths: 1 });
    expect(res.statusCode).toBe(201);
    const review = res.json<SampledReview>();
    const reasons = Object.fromEntries(review.items.map((i) => [i.reason, i]));
    expect(review.items.every((i) => i.actorName !== null)).toBe(true);
    expect(review.items).toHaveLength(3); // not the stranger's row
    expect(reasons.denied?.action).toBe('access.denied');
    expect(reasons.not_in_hub?.childId).toBeNull(); // the foreign child is not named
    expect(review.items.some((i) => i.childId === w.own.id)).toBe(true);
    expect(JSON.stringify(review)).not.toContain(w.foreign.id);
    expect(review.owners.some((o) => o.id === w.people.social_worker.id)).toBe(true);
  });

  it('needs a verdict on every row, with action, owner and due date for a follow-up, then closes as a log review', async () => {
    const w = await world();
    const review = (
      await w.clients.manager.post('/api/audit/review-schedules', { everyMonths: 1 })
    ).json<SampledReview>();
    const url = `/api/audit/sampled-reviews/${review.id}`;
    expect((await w.clients.manager.post(`${url}/close`, {})).statusCode).toBe(409);
    const [first, ...rest] = review.items;
    const bad = await w.clients.manager.put(`${url}/samples/${first!.id}`, { verdict: 'follow_up', action: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<{ issues: { path: string }[] }>()
        .issues.map((i) => i.path)
        .sort(),
    ).toEqual(['body.action', 'body.dueOn', 'body.ownerUserId']);
    const follow = {
      verdict: 'follow_up',
      action: 'Samtal om behörighet',
      ownerUserId: w.people.manager.id,
      dueOn: '2030-01-31',
    };
    expect((await w.clients.manager.put(`${url}/samples/${first!.id}`, follow)).statusCode).toBe(200);
    for (const s of rest)
      expect((await w.clients.manager.put(`${url}/samples/${s.id}`, { verdict: 'in_order' })).statusCode).toBe(200);
    const closed = await w.clients.manager.post(`${url}/close`, {});
    expect(closed.statusCode).toBe(200);
    expect(closed.json<SampledReview>().status).toBe('closed');
    const documented = (await w.clients.manager.get('/api/audit/reviews')).json<
      { subjectKind: string; subjectId: string; findings: string }[]
    >();
    const doc = documented.find((d) => d.subjectId === review.id);
    expect(doc).toMatchObject({ subjectKind: 'sample', findings: '3 sampled rows: 2 in order, 1 need follow-up.' });
    expect((await w.clients.manager.put(`${url}/samples/${first!.id}`, { verdict: 'in_order' })).statusCode).toBe(409);
  });

  it('shows an overdue review as overdue; others may not see it', async () => {
    const w = await world();
    const review = (
      await w.clients.manager.post('/api/audit/review-schedules', { everyMonths: 3 })
    ).json<SampledReview>();
    await t.database.db.update(sampledReviews).set({ dueOn: '2020-01-01' }).where(eq(sampledReviews.id, review.id));
    const list = (await w.clients.manager.get('/api/audit/sampled-reviews')).json<SampledReviewList>();
    expect(list.items.find((i) => i.id === review.id)?.overdue).toBe(true);
    expect((await w.clients.social_worker.get('/api/audit/sampled-reviews')).statusCode).toBe(403);
    expect((await anonymous(t.app).get('/api/audit/sampled-reviews')).statusCode).toBe(401);
    const other = await world();
    expect((await other.clients.manager.get(`/api/audit/sampled-reviews/${review.id}`)).statusCode).toBe(404);
    expect((await w.clients.tenant_admin.get(`/api/audit/sampled-reviews/${review.id}`)).statusCode).toBe(200);
  });
});
