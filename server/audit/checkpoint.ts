import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, lte } from 'drizzle-orm';
import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Db } from '../db/connect.ts';
import { auditLog } from './tables.ts';

/**
 * Where a chain starts once its oldest rows were cut by retention: the seq and hash of the last row
 * deleted, and an HMAC over them with the installation's secret key (NAVET_SECRET_KEY), which the
 * database does not hold. One row per chain: a later cut replaces it. `navet audit verify` starts the
 * chain here, so a chain cut at a signed checkpoint still proves every row kept, while a checkpoint
 * written by someone without the key (to hide rows deleted by hand) fails.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  cutAt: timestamp('cut_at', { withTimezone: true, precision: 3 }).notNull(),
  mac: text('mac').notNull(),
});

export type Checkpoint = typeof auditCheckpoints.$inferSelect;

function macOf(key: string, c: Omit<Checkpoint, 'mac'>): string {
  const body = `navet-audit-checkpoint\n${c.chain}\n${c.seq}\n${c.hash}\n${c.cutAt.toISOString()}`;
  return createHmac('sha256', Buffer.from(key, 'base64')).update(body).digest('hex');
}

export function signCheckpoint(key: string, c: Omit<Checkpoint, 'mac'>): Checkpoint {
  return { ...c, mac: macOf(key, c) };
}

/** Whether the checkpoint was signed with this key. */
export function checkpointValid(key: string, c: Checkpoint): boolean {
  const expected = Buffer.from(macOf(key, c), 'hex');
  const given = Buffer.from(c.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Deletes a chain's sealed rows up to and including `seq` and stores the signed checkpoint at that row, in
 * the caller's transaction. Returns how many rows were deleted. The caller picks `seq` (the newest row old
 * enough to go); rows are cut from the start of the chain only, so the rest stays one unbroken chain.
 */
export async function cutChain(tx: Db, key: string, chain: string, seq: number, now: Date): Promise<number> {
  const [last] = await tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(and(eq(auditLog.chain, chain), eq(auditLog.seq, seq)));
  if (!last?.hash) return 0;
  const deleted = await tx
    .delete(auditLog)
    .where(and(eq(auditLog.chain, chain), lte(auditLog.seq, seq)))
    .returning({ id: auditLog.id });
  const checkpoint = signCheckpoint(key, { chain, seq, hash: last.hash, cutAt: now });
  await tx
    .insert(auditCheckpoints)
    .values(checkpoint)
    .onConflictDoUpdate({ target: auditCheckpoints.chain, set: checkpoint });
  return deleted.length;
}
