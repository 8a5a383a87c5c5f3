import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../common/schemas/audit.ts';
import { auditLog } from '../audit/tables.ts';
import { buildHubWorld } from '../domain/hub/test-world.ts';
import { anonymous, startTestApp, type TestApp } from '../test/harness.ts';
import { ACCESS_DENIED } from '../domain/audit/denied.ts';
import { isChildRoute } from './denied-log.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const deniedBy = (userId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorUserId, userId), eq(auditLog.action, ACCESS_DENIED)));

describe('a refused attempt on a child’s route is logged', () => {
  it('404 outside the hub: who tried which child id, on their own chain, and nothing of the child', async () => {
    const w = await buildHubWorld(t);
    const res = await w.clients.outsider.get(`/api/children/${w.child.id}/questions`);
    expect(res.statusCode).toBe(404);
    const rows = await deniedBy(w.people.outsider.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      chain: w.tenant.id,
      tenantId: w.tenant.id,
      organisationId: w.people.outsider.organisationId,
      entity: 'child',
      entityId: w.child.id,
      childId: w.child.id,
      detail: { status: 404, method: 'GET', route: '/api/children/:id/questions' },
    });
    // The request's own context: its id and the caller's address.
    expect(rows[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows[0]!.ip).not.toBeNull();
    expect(Object.keys(rows[0]!.detail as object).sort()).toEqual(['method', 'route', 'status']);
    expect(JSON.stringify(rows[0])).not.toContain('Amir');
  });

  it('403 for a role the route refuses, and a write refused by the role rule', async () => {
    const w = await buildHubWorld(t);
    expect((await w.clients.volunteer.get(`/api/children/${w.child.id}/timeline`)).statusCode).toBe(403);
    expect((await w.clients.school_mentor.post(`/api/children/${w.child.id}/child-links`)).statusCode).toBe(403);
    expect((await deniedBy(w.people.volunteer.id)).map((r) => r.detail)).toEqual([
      { status: 403, method: 'GET', route: '/api/children/:id/timeline' },
    ]);
    expect((await deniedBy(w.people.school_mentor.id)).map((r) => r.detail)).toEqual([
      { status: 403, method: 'POST', route: '/api/children/:id/child-links' },
    ]);
  });

  it('another municipality’s child, or an id that names no child: logged on the trier’s own chain only', async () => {
    const home = await buildHubWorld(t);
    const away = await buildHubWorld(t);
    const unknown = randomUUID();
    expect((await home.clients.social_worker.get(`/api/children/${away.child.id}`)).statusCode).toBe(404);
    expect((await home.clients.social_worker.get(`/api/children/${unknown}`)).statusCode).toBe(404);
    const rows = await deniedBy(home.people.social_worker.id);
    expect(rows.map((r) => [r.chain, r.childId])).toEqual([
      [home.tenant.id, away.child.id],
      [home.tenant.id, unknown],
    ]);
    const onAwayChain = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.chain, away.tenant.id), eq(auditLog.action, ACCESS_DENIED)));
    expect(onAwayChain).toEqual([]);
  });

  it('nothing for what is not an attempt on a child: no session, a malformed id, a success, other routes', async () => {
    const w = await buildHubWorld(t);
    // This world's people only: on PostgreSQL other files write denied attempts into the same database meanwhile.
    const mine = and(
      eq(auditLog.action, ACCESS_DENIED),
      inArray(auditLog.actorUserId, [w.people.outsider.id, w.people.social_worker.id]),
    );
    const before = await t.database.db.select().from(auditLog).where(mine);
    expect((await anonymous(t.app).get(`/api/children/${w.child.id}`)).statusCode).toBe(401);
    expect((await w.clients.outsider.get('/api/children/not-a-uuid')).statusCode).toBe(400);
    expect((await w.clients.social_worker.get(`/api/children/${w.child.id}`)).statusCode).toBe(200);
    expect((await w.clients.outsider.get(`/api/meetings/${randomUUID()}`)).statusCode).toBe(404);
    expect((await w.clients.outsider.get('/api/no-such-route')).statusCode).toBe(404);
    const after = await t.database.db.select().from(auditLog).where(mine);
    expect(after.length).toBe(before.length);
  });

  it('the managers’ log of the child and the log of the user list the attempt, with its status and route', async () => {
    const w = await buildHubWorld(t);
    const url = `/api/children/${w.child.id}/questions`;
    expect((await w.clients.outsider.get(url)).statusCode).toBe(404);
    const childLog = await w.clients.manager.get(`/api/audit/children/${w.child.id}`);
    expect(childLog.statusCode, childLog.body).toBe(200);
    const attempt = {
      action: ACCESS_DENIED,
      actorUserId: w.people.outsider.id,
      childId: w.child.id,
      denied: { status: 404, method: 'GET', route: '/api/children/:id/questions' },
    };
    expect(childLog.json<AuditPage>().items).toContainEqual(expect.objectContaining(attempt));
    const userLog = await w.clients.manager.get(`/api/audit/users/${w.people.outsider.id}`);
    expect(userLog.statusCode, userLog.body).toBe(200);
    expect(userLog.json<AuditPage>().items).toContainEqual(expect.objectContaining(attempt));
    // Only a denied attempt shows its detail; every other row says null.
    expect(
      childLog
        .json<AuditPage>()
        .items.filter((i) => i.denied !== null)
        .map((i) => i.action),
    ).toEqual([ACCESS_DENIED]);
  });

  it('the user log names a child tried only to a reader whose scope covers it; the attempt itself always shows', async () => {
    const w = await buildHubWorld(t);
    const away = await buildHubWorld(t);
    expect((await w.clients.outsider.get(`/api/children/${away.child.id}`)).statusCode).toBe(404);
    for (const url of [
      `/api/audit/users/${w.people.outsider.id}`,
      `/api/audit/users/${w.people.outsider.id}/log.csv`,
    ]) {
      const res = await w.clients.manager.get(url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toContain(ACCESS_DENIED);
      expect(res.body).not.toContain(away.child.id);
    }
    const page = (await w.clients.manager.get(`/api/audit/users/${w.people.outsider.id}`)).json<AuditPage>();
    expect(page.items.find((i) => i.action === ACCESS_DENIED)).toMatchObject({
      childId: null,
      entityId: null,
      denied: { status: 404, route: '/api/children/:id' },
    });
  });

  it('knows which routes name a child by their id', () => {
    expect(isChildRoute('/api/children/:id')).toBe(true);
    expect(isChildRoute('/api/children/:id/questions/:questionId')).toBe(true);
    expect(isChildRoute('/api/audit/children/:id/log.csv')).toBe(true);
    expect(isChildRoute('/api/children')).toBe(false);
    expect(isChildRoute('/api/children/:idx')).toBe(false);
    expect(isChildRoute('/api/meetings/:id')).toBe(false);
    expect(isChildRoute('/api/audit/users/:id')).toBe(false);
  });
});
