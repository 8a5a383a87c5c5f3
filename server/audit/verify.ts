import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { auditHeads, auditLog } from './tables.ts';
import { GENESIS, auditHash } from './hash.ts';
import { auditCheckpoints, checkpointValid, type Checkpoint } from './checkpoint.ts';

export interface ChainReport {
  chain: string;
  /** Sealed rows walked. */
  rows: number;
  ok: boolean;
  /** The first broken link: the seq where the chain stops being provable. */
  brokenAt?: { seq: number; id: number | null; reason: string };
  /** Rows not sealed yet; `overdue` of them are older than the limit, which fails the chain. */
  unsealed?: { rows: number; overdue: number; oldest: Date };
}

export interface VerifyOptions {
  /** A row left unsealed longer than this fails verification. The sealer takes about a second. */
  unsealedLimitMs?: number;
  now?: Date;
  /** The installation's secret key (NAVET_SECRET_KEY): needed to trust a checkpoint left by a retention cut. */
  secretKey?: string;
}

/** Default limit for unsealed rows: far beyond the sealer's second, short enough to notice a sealer that stopped. */
export const UNSEALED_LIMIT_MS = 5 * 60_000;

const PAGE = 5000;

/**
 * Walks every chain from its start (or its retention checkpoint, `checkpoint.ts`) in seal order and checks sequence numbers,
 * links and hashes. Altering a sealed row breaks its hash; deleting or
 * reordering breaks the sequence or the link; deleting the newest rows
 * disagrees with the head. Rows still waiting for the sealer are counted, and
 * fail the chain once older than the limit (a sealer that stopped, or rows
 * kept out of the chain).
 */
export async function verifyAudit(db: Db, opts: VerifyOptions = {}): Promise<ChainReport[]> {
  const limitMs = opts.unsealedLimitMs ?? UNSEALED_LIMIT_MS;
  const cutoff = new Date((opts.now ?? new Date()).getTime() - limitMs);
  const heads = await db.select().from(auditHeads).orderBy(asc(auditHeads.chain));
  const waiting = await db
    .select({
      chain: auditLog.chain,
      rows: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${auditLog.at} <= ${cutoff.toISOString()}::timestamptz))::int`,
      oldest: sql<Date>`min(${auditLog.at})`.mapWith(auditLog.at),
    })
    .from(auditLog)
    .where(isNull(auditLog.seq))
    .groupBy(auditLog.chain);
  const unsealed = new Map(waiting.map((w) => [w.chain, w]));
  const chains = [...new Set([...heads.map((h) => h.chain), ...unsealed.keys()])].sort();
  const checkpoints = new Map((await db.select().from(auditCheckpoints)).map((c) => [c.chain, c]));
  const reports: ChainReport[] = [];
  for (const chain of chains) {
    const head = heads.find((h) => h.chain === chain) ?? { seq: 0, hash: GENESIS };
    const checkpoint = checkpoints.get(chain);
    const report = checkpoint
      ? await fromCheckpoint(db, checkpoint, head, opts.secretKey)
      : await verifyChain(db, chain, head.seq, head.hash);
    const w = unsealed.get(chain);
    if (w) {
      report.unsealed = { rows: Number(w.rows), overdue: Number(w.overdue), oldest: w.oldest };
      if (report.unsealed.overdue > 0) report.ok = false;
    }
    reports.push(report);
  }
  return reports;
}

/**
 * A chain cut by retention starts after its checkpoint, which must carry the installation key's signature:
 * without the key nobody can move the start of a chain to hide rows deleted by hand.
 */
async function fromCheckpoint(
  db: Db,
  c: Checkpoint,
  head: { seq: number; hash: string },
  key: string | undefined,
): Promise<ChainReport> {
  const broken = (reason: string): ChainReport => ({
    chain: c.chain,
    rows: 0,
    ok: false,
    brokenAt: { seq: c.seq, id: null, reason },
  });
  if (!key) return broken('the chain starts at a retention checkpoint, and no NAVET_SECRET_KEY is set to check it');
  if (!checkpointValid(key, c)) return broken("the retention checkpoint is not signed with this installation's key");
  return verifyChain(db, c.chain, head.seq, head.hash, c.seq + 1, c.hash);
}

async function verifyChain(
  db: Db,
  chain: string,
  headSeq: number,
  headHash: string,
  firstSeq = 1,
  firstPrevHash = GENESIS,
): Promise<ChainReport> {
  let expectedSeq = firstSeq;
  let prevHash = firstPrevHash;
  let rows = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.chain, chain), gt(auditLog.seq, expectedSeq - 1)))
      .orderBy(asc(auditLog.seq))
      .limit(PAGE);
    for (const row of page) {
      rows++;
      const broken = (reason: string): ChainReport => ({
        chain,
        rows,
        ok: false,
        brokenAt: { seq: expectedSeq, id: row.id, reason },
      });
      if (row.seq !== expectedSeq)
        return broken(`expected seq ${expectedSeq}, found ${row.seq} (row missing or moved)`);
      if (row.prevHash !== prevHash) return broken('link to the previous row does not match');
      if (auditHash({ ...row, seq: expectedSeq, prevHash }) !== row.hash)
        return broken('row content does not match its hash (row altered)');
      prevHash = row.hash;
      expectedSeq++;
    }
    if (page.length < PAGE) break;
  }
  if (expectedSeq - 1 !== headSeq || prevHash !== headHash) {
    return {
      chain,
      rows,
      ok: false,
      brokenAt: {
        seq: expectedSeq,
        id: null,
        reason: `chain ends at seq ${expectedSeq - 1}, head says ${headSeq} (newest rows removed)`,
      },
    };
  }
  return { chain, rows, ok: true };
}
