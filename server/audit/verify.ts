import { asc, eq, gt, and } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { auditHeads, auditLog } from './tables.ts';
import { GENESIS, auditHash } from './hash.ts';

export interface ChainReport {
  chain: string;
  rows: number;
  ok: boolean;
  /** The first broken link: the seq where the chain stops being provable. */
  brokenAt?: { seq: number; id: number | null; reason: string };
}

const PAGE = 5000;

/**
 * Walks every chain from its start and checks sequence numbers, links and
 * hashes. Altering a row breaks its hash; deleting or reordering breaks the
 * sequence or the link; deleting the newest rows disagrees with the head.
 */
export async function verifyAudit(db: Db): Promise<ChainReport[]> {
  const heads = await db.select().from(auditHeads).orderBy(asc(auditHeads.chain));
  const reports: ChainReport[] = [];
  for (const head of heads) reports.push(await verifyChain(db, head.chain, head.seq, head.hash));
  return reports;
}

async function verifyChain(db: Db, chain: string, headSeq: number, headHash: string): Promise<ChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let rows = 0;
  let lastId = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.chain, chain), gt(auditLog.id, lastId)))
      .orderBy(asc(auditLog.id))
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
      if (auditHash(row) !== row.hash) return broken('row content does not match its hash (row altered)');
      prevHash = row.hash;
      expectedSeq++;
      lastId = row.id;
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
