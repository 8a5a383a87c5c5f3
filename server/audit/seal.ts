import { asc, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { auditHeads, auditLog } from './tables.ts';
import { GENESIS, auditHash } from './hash.ts';

/** Rows sealed per transaction: big enough to keep up with any load, small enough to commit in milliseconds. */
export const SEAL_BATCH = 1000;
/** How often the sealer looks for unsealed rows: rows are chained within about this long of their commit. */
export const SEAL_INTERVAL_MS = 500;
/**
 * The advisory lock that makes the sealer one per database. Transaction-scoped:
 * a sealer holds it while it chains one batch, so a second sealer (another
 * process, `navet admin create`, a test) skips that tick instead of forking.
 */
export const SEALER_LOCK = 0x6e61766574; // "navet"

/**
 * Chains one batch of unsealed rows, in id order, onto their chains' heads.
 * Returns how many it sealed: 0 when there was nothing to do or another
 * sealer holds the lock. One code path on PostgreSQL and PGlite (where the
 * lock is uncontended: one connection serialises every transaction).
 */
export async function sealBatch(db: Db, limit = SEAL_BATCH): Promise<number> {
  return db.transaction(async (tx) => {
    const locked = (await tx.execute(sql`select pg_try_advisory_xact_lock(${SEALER_LOCK}::bigint) as ok`)) as {
      rows: { ok: boolean }[];
    };
    if (!locked.rows[0]?.ok) return 0;
    const rows = await tx.select().from(auditLog).where(isNull(auditLog.seq)).orderBy(asc(auditLog.id)).limit(limit);
    if (rows.length === 0) return 0;
    const chains = [...new Set(rows.map((r) => r.chain))];
    const heads = new Map(
      (await tx.select().from(auditHeads).where(inArray(auditHeads.chain, chains))).map((h) => [h.chain, h]),
    );
    const tips = new Map(chains.map((c) => [c, { seq: heads.get(c)?.seq ?? 0, hash: heads.get(c)?.hash ?? GENESIS }]));
    const seals = rows.map((row) => {
      const tip = tips.get(row.chain)!;
      const seq = tip.seq + 1;
      const hash = auditHash({ ...row, seq, prevHash: tip.hash });
      const seal = { id: row.id, seq, prev_hash: tip.hash, hash };
      tip.seq = seq;
      tip.hash = hash;
      return seal;
    });
    // One parameter for the whole batch: the same on node-postgres and PGlite, and far below any parameter limit.
    await tx.execute(sql`
      update audit_log as a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
      from jsonb_to_recordset(${JSON.stringify(seals)}::jsonb) as v(id bigint, seq bigint, prev_hash text, hash text)
      where a.id = v.id and a.seq is null`);
    await tx
      .insert(auditHeads)
      .values([...tips].map(([chain, tip]) => ({ chain, seq: tip.seq, hash: tip.hash })))
      .onConflictDoUpdate({ target: auditHeads.chain, set: { seq: sql`excluded.seq`, hash: sql`excluded.hash` } });
    return rows.length;
  });
}

/** Seals until nothing is left (or another sealer holds the lock). Returns how many rows it sealed. */
export async function sealAudit(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await sealBatch(db);
    total += n;
    if (n < SEAL_BATCH) return total;
  }
}

/**
 * The sealer of a server process, started beside the job runner. Every
 * process on a PostgreSQL database runs one; the advisory lock lets one of
 * them seal at a time, and the others find nothing left. `stop()` seals what
 * is left, so a clean shutdown leaves no row unsealed.
 */
export function startAuditSealer(db: Db, intervalMs = SEAL_INTERVAL_MS): { stop(): Promise<void> } {
  let stopped = false;
  let current: Promise<void> | null = null;
  const tick = (): void => {
    if (stopped || current) return;
    current = sealAudit(db)
      .then(() => undefined)
      .catch((err: unknown) => console.error('audit sealer:', err instanceof Error ? err.message : String(err)))
      .finally(() => {
        current = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
      await sealAudit(db).catch((err: unknown) =>
        console.error('audit sealer (last batch):', err instanceof Error ? err.message : String(err)),
      );
    },
  };
}
