import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { privateDatabase, rawQuery, type PrivateDatabase } from '../test/private-database.ts';
import { SEALER_LOCK, sealAudit, sealBatch } from './seal.ts';
import { verifyAudit, type ChainReport } from './verify.ts';
import { audit } from './write.ts';

// Sealing touches every chain of its database: this file has its own.
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

const onPg = Boolean(process.env.DATABASE_URL);

async function write(db: Database, tenantId: string, i: number): Promise<void> {
  await db.db.transaction((tx) => audit(tx, { action: 'test.event', entity: 'test', entityId: String(i), tenantId }));
}

async function rowsOf(chain: string) {
  const rows = await rawQuery<{ id: string | number; seq: string | number | null; entity_id: string }>(
    database,
    'select id, seq, entity_id from audit_log where chain = $1 order by id',
    [chain],
  );
  return rows.map((r) => ({ id: Number(r.id), seq: r.seq === null ? null : Number(r.seq), entityId: r.entity_id }));
}

async function reportFor(chain: string, opts?: Parameters<typeof verifyAudit>[1]): Promise<ChainReport | undefined> {
  return (await verifyAudit(database.db, opts)).find((r) => r.chain === chain);
}

describe('the audit sealer', () => {
  it('leaves a request its one insert, and chains the rows later in batches, in id order', async () => {
    await sealAudit(database.db);
    const chain = randomUUID();
    for (let i = 1; i <= 5; i++) await write(database, chain, i);
    expect((await rowsOf(chain)).every((r) => r.seq === null)).toBe(true);

    expect(await sealBatch(database.db, 2)).toBe(2);
    expect((await rowsOf(chain)).map((r) => r.seq)).toEqual([1, 2, null, null, null]);
    expect(await sealBatch(database.db, 2)).toBe(2);
    expect(await sealBatch(database.db, 2)).toBe(1);
    expect(await sealBatch(database.db, 2)).toBe(0);
    expect((await rowsOf(chain)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(await reportFor(chain)).toEqual({ chain, rows: 5, ok: true });
  });

  it('continues a chain from its head, and keeps each tenant on its own chain', async () => {
    const a = randomUUID();
    const b = randomUUID();
    await write(database, a, 1);
    await sealAudit(database.db);
    await write(database, b, 1);
    await write(database, a, 2);
    await write(database, b, 2);
    expect(await sealAudit(database.db)).toBe(3);
    expect((await rowsOf(a)).map((r) => r.seq)).toEqual([1, 2]);
    expect((await rowsOf(b)).map((r) => r.seq)).toEqual([1, 2]);
    expect((await reportFor(a))?.ok).toBe(true);
    expect((await reportFor(b))?.ok).toBe(true);
  });

  it('has verify report rows left unsealed, and fail once they are older than the limit', async () => {
    await sealAudit(database.db);
    const chain = randomUUID();
    await write(database, chain, 1);
    await sealAudit(database.db);
    await write(database, chain, 2);

    const fresh = await reportFor(chain, { unsealedLimitMs: 60_000 });
    expect(fresh).toMatchObject({ chain, rows: 1, ok: true, unsealed: { rows: 1, overdue: 0 } });
    expect(Date.now() - (fresh?.unsealed?.oldest.getTime() ?? 0)).toBeLessThan(60_000);
    const later = await reportFor(chain, { unsealedLimitMs: 60_000, now: new Date(Date.now() + 10 * 60_000) });
    expect(later).toMatchObject({ chain, rows: 1, ok: false, unsealed: { rows: 1, overdue: 1 } });
    expect(later?.brokenAt).toBeUndefined();

    await sealAudit(database.db);
    expect(await reportFor(chain, { unsealedLimitMs: 0 })).toEqual({ chain, rows: 2, ok: true });
  });

  it('reports a chain that has only unsealed rows', async () => {
    await sealAudit(database.db);
    const chain = randomUUID();
    await write(database, chain, 1);
    expect(await reportFor(chain, { unsealedLimitMs: 0 })).toMatchObject({
      chain,
      rows: 0,
      ok: false,
      unsealed: { rows: 1, overdue: 1 },
    });
    await sealAudit(database.db);
  });
});

// Concurrency needs connections of its own: PGlite has one, which serialises every transaction anyway.
describe.skipIf(!onPg)('the audit sealer on PostgreSQL', () => {
  it('lets requests of one tenant write their rows at once: no lock on the chain head', async () => {
    const chain = randomUUID();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let wrote!: () => void;
    const first = new Promise<void>((r) => (wrote = r));
    const open = database.db.transaction(async (tx) => {
      await audit(tx, { action: 'test.event', entity: 'test', entityId: 'slow', tenantId: chain });
      wrote();
      await held;
    });
    await first;
    // Before the sealer, this waited on the head row's lock until the first transaction ended.
    const second = write(database, chain, 2).then(() => 'committed');
    const timeout = new Promise<string>((r) => setTimeout(() => r('waited'), 3000));
    expect(await Promise.race([second, timeout])).toBe('committed');
    release();
    await open;
    await sealAudit(database.db);
    expect((await reportFor(chain))?.ok).toBe(true);
  });

  it('chains in seal order: a row that commits late goes after the rows sealed before it', async () => {
    await sealAudit(database.db);
    const chain = randomUUID();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let wrote!: () => void;
    const first = new Promise<void>((r) => (wrote = r));
    const late = database.db.transaction(async (tx) => {
      await audit(tx, { action: 'test.event', entity: 'test', entityId: 'late', tenantId: chain });
      wrote();
      await held;
    });
    await first;
    await write(database, chain, 2);
    expect(await sealAudit(database.db)).toBe(1);
    release();
    await late;
    expect(await sealAudit(database.db)).toBe(1);
    const rows = await rowsOf(chain);
    expect(rows.map((r) => [r.entityId, r.seq])).toEqual([
      ['late', 2],
      ['2', 1],
    ]);
    expect(await reportFor(chain)).toEqual({ chain, rows: 2, ok: true });
  });

  it('seals nothing while another sealer holds the lock', async () => {
    await sealAudit(database.db);
    const chain = randomUUID();
    await write(database, chain, 1);
    const other = await database.pool!.connect();
    try {
      await other.query('begin');
      await other.query('select pg_advisory_xact_lock($1::bigint)', [SEALER_LOCK]);
      expect(await sealBatch(database.db)).toBe(0);
      expect((await rowsOf(chain))[0]?.seq).toBeNull();
    } finally {
      await other.query('rollback');
      other.release();
    }
    expect(await sealBatch(database.db)).toBe(1);
  });

  it('lets two sealers race without a gap or a fork', async () => {
    await sealAudit(database.db);
    const second = await priv.open();
    try {
      const chain = randomUUID();
      let writing = true;
      let sealed = 0;
      const sealer = async (d: Database) => {
        while (writing) {
          const n = await sealBatch(d.db, 7);
          sealed += n;
        }
      };
      const sealers = [sealer(database), sealer(second), sealer(database), sealer(second)];
      const writers = [0, 1, 2, 3].map(async (w) => {
        for (let i = 0; i < 15; i++) await write(w % 2 ? second : database, chain, w * 100 + i);
      });
      await Promise.all(writers);
      writing = false;
      await Promise.all(sealers);
      const rest = await sealAudit(second.db);
      sealed += rest;
      const rows = await rowsOf(chain);
      expect(rows).toHaveLength(60);
      expect(sealed).toBe(60);
      expect(rows.map((r) => r.seq).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(
        Array.from({ length: 60 }, (_, i) => i + 1),
      );
      expect(await reportFor(chain, { unsealedLimitMs: 0 })).toEqual({ chain, rows: 60, ok: true });
    } finally {
      await second.close();
    }
  });
});
