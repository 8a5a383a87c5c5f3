import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/connect.ts';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed.ts';
import { buildApp } from '../http/app.ts';
import { login } from '../test/harness.ts';
import { privateDatabase, rawQuery, type PrivateDatabase } from '../test/private-database.ts';
import { sealAudit } from './seal.ts';
import { verifyAudit, type ChainReport } from './verify.ts';
import { audit } from './write.ts';

// Tampering happens in a database of this file's own: on PostgreSQL the shared
// test database must keep intact chains for every other test file.
let priv: PrivateDatabase;
let database: Database;
beforeAll(async () => {
  priv = await privateDatabase({ migrated: true });
  database = await priv.open();
});
afterAll(async () => {
  await database?.close();
  await priv?.drop();
});

/** A fresh sealed chain of `n` rows, written in separate transactions like separate requests. */
async function chainOf(n: number): Promise<string> {
  const tenantId = randomUUID();
  for (let i = 1; i <= n; i++) {
    await database.db.transaction((tx) =>
      audit(tx, { action: 'test.event', entity: 'test', entityId: String(i), tenantId, detail: { i } }),
    );
  }
  await sealAudit(database.db);
  return tenantId;
}

async function reportFor(chain: string): Promise<ChainReport> {
  const report = (await verifyAudit(database.db)).find((r) => r.chain === chain);
  if (!report) throw new Error(`no report for chain ${chain}`);
  return report;
}

async function idOf(chain: string, seq: number): Promise<number> {
  const [row] = await rawQuery<{ id: string | number }>(
    database,
    'select id from audit_log where chain = $1 and seq = $2',
    [chain, seq],
  );
  if (!row) throw new Error(`no row ${chain}/${seq}`);
  return Number(row.id);
}

describe('verifyAudit', () => {
  it('passes on an untouched chain', async () => {
    const chain = await chainOf(5);
    expect(await reportFor(chain)).toEqual({ chain, rows: 5, ok: true });
  });

  it('reports a row altered with SQL at that row', async () => {
    const chain = await chainOf(5);
    const id = await idOf(chain, 3);
    await rawQuery(database, `update audit_log set action = 'x' where chain = $1 and seq = 3`, [chain]);
    const report = await reportFor(chain);
    expect(report.ok).toBe(false);
    expect(report.brokenAt).toMatchObject({ seq: 3, id });
    expect(report.brokenAt?.reason).toMatch(/altered/);
  });

  it('reports an altered row even when the forger recomputes its hash: the next link breaks', async () => {
    const chain = await chainOf(4);
    // A forger who rewrites the row's hash still cannot fix the next row's prev_hash without rewriting the rest.
    await rawQuery(database, `update audit_log set hash = repeat('a', 64) where chain = $1 and seq = 2`, [chain]);
    const report = await reportFor(chain);
    expect(report.ok).toBe(false);
    expect(report.brokenAt?.seq).toBe(2);
  });

  it('reports a deleted row at the gap', async () => {
    const chain = await chainOf(5);
    const next = await idOf(chain, 4);
    await rawQuery(database, 'delete from audit_log where chain = $1 and seq = 3', [chain]);
    const report = await reportFor(chain);
    expect(report.ok).toBe(false);
    expect(report.brokenAt).toMatchObject({ seq: 3, id: next });
    expect(report.brokenAt?.reason).toMatch(/expected seq 3, found 4/);
  });

  it('reports two rows whose seq were swapped at the first of them', async () => {
    const chain = await chainOf(5);
    const fourth = await idOf(chain, 4);
    // In three steps: (chain, seq) is unique, so a single swapping UPDATE is refused.
    for (const [from, to] of [
      [2, -2],
      [4, 2],
      [-2, 4],
    ])
      await rawQuery(database, 'update audit_log set seq = $3 where chain = $1 and seq = $2', [chain, from, to]);
    // The chain is walked in seal order: at seq 2 stands the old fourth row, which links to the old third.
    const report = await reportFor(chain);
    expect(report.ok).toBe(false);
    expect(report.brokenAt).toMatchObject({ seq: 2, id: fourth });
    expect(report.brokenAt?.reason).toMatch(/link to the previous row/);
  });

  it('reports a sealed row taken out of the chain (its seal cleared) at the gap', async () => {
    const chain = await chainOf(4);
    const next = await idOf(chain, 3);
    await rawQuery(
      database,
      'update audit_log set seq = null, prev_hash = null, hash = null where chain = $1 and seq = 2',
      [chain],
    );
    const report = await reportFor(chain);
    expect(report.ok).toBe(false);
    expect(report.brokenAt).toMatchObject({ seq: 2, id: next });
    expect(report.brokenAt?.reason).toMatch(/expected seq 2, found 3/);
  });

  it('reports the newest rows removed: the chain ends before its head', async () => {
    const chain = await chainOf(4);
    await rawQuery(database, 'delete from audit_log where chain = $1 and seq = 4', [chain]);
    const report = await reportFor(chain);
    expect(report.ok).toBe(false);
    expect(report.brokenAt).toMatchObject({ seq: 4, id: null });
    expect(report.brokenAt?.reason).toMatch(/head says 4/);
  });

  it('leaves other chains intact when one is broken', async () => {
    const good = await chainOf(2);
    const bad = await chainOf(2);
    await rawQuery(database, `update audit_log set entity = 'y' where chain = $1 and seq = 1`, [bad]);
    expect((await reportFor(good)).ok).toBe(true);
    expect((await reportFor(bad)).ok).toBe(false);
  });
});

describe('verifyAudit on rows written by the real API', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: database.db, kind: database.kind, config: loadConfig({ loginMaxPerMinute: 1000 }) });
  });
  afterAll(async () => app?.close());

  it('passes after logins and reads of children, then finds an altered read', async () => {
    const { tenantId } = await seedDemo(database.db);
    const client = await login(app, 'socialsekreterare@demo.navet.se', DEMO_PASSWORD);
    const list = await client.get('/api/children');
    expect(list.statusCode).toBe(200);
    const first = list.json().items[0];
    expect((await client.get(`/api/children/${first.id}`)).statusCode).toBe(200);

    await sealAudit(database.db);
    const before = await reportFor(tenantId);
    expect(before.ok).toBe(true);
    // demo.seeded, auth.login, one child.list per listed child, child.read
    expect(before.rows).toBeGreaterThanOrEqual(4);

    const [read] = await rawQuery<{ seq: string | number }>(
      database,
      `select seq from audit_log where chain = $1 and action = 'child.read'`,
      [tenantId],
    );
    const seq = Number(read?.seq);
    // Hiding who read the child's file: point the read at another child.
    await rawQuery(database, 'update audit_log set child_id = $2 where chain = $1 and seq = $3', [
      tenantId,
      randomUUID(),
      seq,
    ]);
    const after = await reportFor(tenantId);
    expect(after.ok).toBe(false);
    expect(after.brokenAt?.seq).toBe(seq);
  });
});
