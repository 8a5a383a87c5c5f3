import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { buildChild, buildWorld } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

async function world() {
  const w = await buildWorld(t.app, t.database.db, ['social_worker', 'manager']);
  const child = await buildChild(t.database.db, {
    tenantId: w.tenant.id,
    hub: [{ user: w.people.social_worker, hubRole: 'social_worker' }],
  });
  return { ...w, child };
}

const review = (subjectId: string, over: Record<string, unknown> = {}) => ({
  subjectKind: 'child',
  subjectId,
  periodFrom: '2025-01-01',
  periodTo: '2025-03-31',
  findings: 'Inga anmärkningar.',
  ...over,
});

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();

describe('POST /api/audit/reviews', () => {
  it('401 without a session', async () => {
    const w = await world();
    expect((await anonymous(t.app).post('/api/audit/reviews', review(w.child.id))).statusCode).toBe(401);
  });

  it('403 for a social worker', async () => {
    const w = await world();
    expect((await w.clients.social_worker.post('/api/audit/reviews', review(w.child.id))).statusCode).toBe(403);
  });

  it('404 for a child or user of another tenant', async () => {
    const w = await world();
    const other = await world();
    const child = await w.clients.manager.post('/api/audit/reviews', review(other.child.id));
    expect(child.statusCode).toBe(404);
    const user = await w.clients.manager.post(
      '/api/audit/reviews',
      review(other.people.social_worker.id, { subjectKind: 'user' }),
    );
    expect(user.statusCode).toBe(404);
  });

  it('400 at body.periodTo when the period ends before it starts', async () => {
    const w = await world();
    const res = await w.clients.manager.post(
      '/api/audit/reviews',
      review(w.child.id, { periodFrom: '2025-04-01', periodTo: '2025-03-31' }),
    );
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual(['body.periodTo']);
  });

  it('400 with field paths on other bad input', async () => {
    const w = await world();
    const res = await w.clients.manager.post(
      '/api/audit/reviews',
      review('nope', { subjectKind: 'team', periodFrom: '2025-02-30', findings: '   ' }),
    );
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual(['body.findings', 'body.periodFrom', 'body.subjectId', 'body.subjectKind']);
  });

  it('records the review with the reviewer; audited', async () => {
    const w = await world();
    const res = await w.clients.manager.post('/api/audit/reviews', review(w.child.id));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      subjectKind: 'child',
      subjectId: w.child.id,
      periodFrom: '2025-01-01',
      periodTo: '2025-03-31',
      reviewerId: w.people.manager.id,
      reviewerName: 'Test manager',
    });
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'audit.review_recorded')));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.childId).toBe(w.child.id);
  });

  it('a review of a user’s log', async () => {
    const w = await world();
    const res = await w.clients.manager.post(
      '/api/audit/reviews',
      review(w.people.social_worker.id, { subjectKind: 'user' }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ subjectKind: 'user', subjectId: w.people.social_worker.id });
  });
});

describe('GET /api/audit/reviews', () => {
  it('401 without a session, 403 for a social worker', async () => {
    const w = await world();
    expect((await anonymous(t.app).get('/api/audit/reviews')).statusCode).toBe(401);
    expect((await w.clients.social_worker.get('/api/audit/reviews')).statusCode).toBe(403);
  });

  it("lists my tenant's reviews, never another tenant's", async () => {
    const w = await world();
    const other = await world();
    const mine = (await w.clients.manager.post('/api/audit/reviews', review(w.child.id))).json();
    const theirs = (await other.clients.manager.post('/api/audit/reviews', review(other.child.id))).json();
    const res = await w.clients.manager.get('/api/audit/reviews');
    expect(res.statusCode).toBe(200);
    const ids = res.json().map((r: { id: string }) => r.id);
    expect(ids).toEqual([mine.id]);
    expect(ids).not.toContain(theirs.id);
  });
});
