import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { RecordType } from '../../../common/schemas/retention.ts';

import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { visibleChildren } from '../children/scope.ts';
import { children } from '../children/tables.ts';
import { tenants, users } from '../tenancy/tables.ts';
import { DEFAULT_MONTHS } from './defaults.ts';
import { legalHolds, retentionAnonymised, retentionRuns, retentionSettings } from './tables.ts';
import { TABLES, type TableOfType } from './tables-of-type.ts';

type Rows = { rows: Record<string, unknown>[] };

/** The periods in force for a tenant: its own where set, the installation's default elsewhere. */
export async function periodsOf(
  tx: Db,
  tenantId: string,
): Promise<{ months: Record<RecordType, number>; set: Set<RecordType> }> {
  const rows = await tx.select().from(retentionSettings).where(eq(retentionSettings.tenantId, tenantId));
  const months = { ...DEFAULT_MONTHS };
  for (const r of rows) months[r.recordType] = r.months;
  return { months, set: new Set(rows.map((r) => r.recordType)) };
}

export async function savePeriod(tx: Db, tenantId: string, type: RecordType, months: number, userId: string) {
  await tx
    .insert(retentionSettings)
    .values({ tenantId, recordType: type, months, updatedBy: userId })
    .onConflictDoUpdate({
      target: [retentionSettings.tenantId, retentionSettings.recordType],
      set: { months, updatedBy: userId, updatedAt: new Date() },
    });
}

/**
 * Closed cases that retention may touch: closed, no open legal hold, not anonymised already. With `held`, the
 * closed cases an open hold keeps instead (the dry run names them as kept).
 */
export async function closedCases(tx: Db, tenantId: string, held = false) {
  return tx
    .select({ id: children.id, closedAt: children.closedAt })
    .from(children)
    .where(
      and(
        eq(children.tenantId, tenantId),
        eq(children.caseStatus, 'closed'),
        sql`${children.closedAt} is not null`,
        sql`${held ? sql`exists` : sql`not exists`} (select 1 from ${legalHolds} h where h.child_id = ${children.id} and h.released_at is null)`,
        sql`not exists (select 1 from ${retentionAnonymised} a where a.child_id = ${children.id})`,
      ),
    )
    .orderBy(children.closedAt, children.id);
}

/** Whether a child may be touched now: its case closed and no open hold (checked again by every batch). */
export async function stillDeletable(tx: Db, tenantId: string, childId: string): Promise<boolean> {
  return (await closedCases(tx, tenantId)).some((c) => c.id === childId);
}

/** A digest of each row (its whole content) of one table of a type, for one child. */
export async function rowDigests(tx: Db, spec: TableOfType, childId: string): Promise<string[]> {
  const res = (await tx.execute(
    sql`select md5(t::text) as k from ${sql.identifier(spec.table)} t where ${spec.where(childId)} order by 1`,
  )) as Rows;
  return res.rows.map((r) => String(r.k));
}

export async function deleteRows(tx: Db, spec: TableOfType, childId: string): Promise<number> {
  const res = (await tx.execute(
    sql`delete from ${sql.identifier(spec.table)} t where ${spec.where(childId)} returning 1 as x`,
  )) as Rows;
  return res.rows.length;
}

/**
 * Keeps the child record for statistics with nothing that identifies the child: the pseudonym instead of
 * the name, no date of birth, case number or languages. Placement, asylum status, arrival and closing stay.
 */
export async function anonymiseChild(tx: Db, childId: string, pseudonym: string, runId: string, tenantId: string) {
  await tx
    .update(children)
    .set({
      displayName: pseudonym,
      dateOfBirth: null,
      assessedAge: null,
      caseNumber: null,
      languages: [],
      interpreterLanguage: null,
      updatedAt: new Date(),
    })
    .where(eq(children.id, childId));
  await tx.insert(retentionAnonymised).values({ childId, tenantId, runId });
}

export { TABLES };

/**
 * The newest seq of a chain that may be cut: every row up to it is older than `cutoff`, so the chain is
 * cut from its start only. Null when none.
 */
export async function auditCutPoint(tx: Db, chain: string, cutoff: Date) {
  const res = (await tx.execute(sql`
    with first_young as (
      select coalesce(min(seq), 9223372036854775807) as s from audit_log
      where chain = ${chain} and seq is not null and at >= ${cutoff.toISOString()}::timestamptz
    )
    select a.seq::text as seq, a.hash as hash, (select count(*) from audit_log b where b.chain = ${chain} and b.seq <= a.seq)::int as n
    from audit_log a, first_young
    where a.chain = ${chain} and a.seq is not null and a.seq < first_young.s and a.at < ${cutoff.toISOString()}::timestamptz
    order by a.seq desc limit 1`)) as Rows;
  const row = res.rows[0];
  return row ? { seq: Number(row.seq), hash: String(row.hash), rows: Number(row.n) } : null;
}

export async function oldSessions(tx: Db, tenantId: string, cutoff: Date): Promise<string[]> {
  const res = (await tx.execute(sql`
    select id from sessions
    where tenant_id = ${tenantId} and coalesce(revoked_at, expires_at) < ${cutoff.toISOString()}::timestamptz
    order by id`)) as Rows;
  return res.rows.map((r) => String(r.id));
}

export async function deleteSessions(tx: Db, tenantId: string, cutoff: Date): Promise<number> {
  const res = (await tx.execute(sql`
    delete from sessions
    where tenant_id = ${tenantId} and coalesce(revoked_at, expires_at) < ${cutoff.toISOString()}::timestamptz
    returning 1 as x`)) as Rows;
  return res.rows.length;
}

export async function openHold(tx: Db, tenantId: string, childId: string) {
  const [row] = await tx
    .select({ hold: legalHolds, placedByName: users.displayName })
    .from(legalHolds)
    .leftJoin(users, eq(users.id, legalHolds.placedBy))
    .where(and(eq(legalHolds.tenantId, tenantId), eq(legalHolds.childId, childId), isNull(legalHolds.releasedAt)));
  return row ?? null;
}

export async function runs(tx: Db, tenantId: string, limit = 20) {
  return tx
    .select({ run: retentionRuns, approvedByName: users.displayName })
    .from(retentionRuns)
    .leftJoin(users, eq(users.id, retentionRuns.approvedBy))
    .where(eq(retentionRuns.tenantId, tenantId))
    .orderBy(desc(retentionRuns.createdAt))
    .limit(limit);
}

export async function run(tx: Db, tenantId: string, id: string, lock = false) {
  const q = tx
    .select()
    .from(retentionRuns)
    .where(and(eq(retentionRuns.tenantId, tenantId), eq(retentionRuns.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function staleProposals(tx: Db, tenantId: string) {
  await tx
    .update(retentionRuns)
    .set({ status: 'stale' })
    .where(and(eq(retentionRuns.tenantId, tenantId), eq(retentionRuns.status, 'proposed')));
}

export async function setHoldReason(tx: Db, holdId: string, reason: string) {
  await tx.update(legalHolds).set({ reason }).where(eq(legalHolds.id, holdId));
}

export async function insertHold(tx: Db, tenantId: string, childId: string, reason: string, userId: string) {
  await tx.insert(legalHolds).values({ tenantId, childId, reason, placedBy: userId });
}

/** The pseudonym's eight characters (`pseudonymOf` in select.ts), computed in SQL to find a case by it. */
const pseudonymCode = sql<string>`upper(substr(encode(sha256(convert_to(${children.id}::text, 'UTF8')), 'hex'), 1, 8))`;

/** The tenant's children a reference names: the pseudonym's code or the Migrationsverket case number. */
export async function childrenByReference(tx: Db, tenantId: string, code: string, reference: string) {
  const rows = await tx
    .select({ id: children.id })
    .from(children)
    .where(
      and(
        eq(children.tenantId, tenantId),
        sql`(${pseudonymCode} = ${code} or ${children.caseNumber} = ${reference})`,
        sql`not exists (select 1 from ${retentionAnonymised} a where a.child_id = ${children.id})`,
      ),
    )
    .limit(2);
  return rows.map((r) => r.id);
}

/**
 * The tenant's open holds, newest first. The child's name only where the actor's own scope rule lets them see
 * the child; elsewhere the list names the case by pseudonym, as the dry run does. One child's with `childId`.
 */
export async function openHolds(tx: Db, actor: Actor, childId?: string) {
  return tx
    .select({
      hold: legalHolds,
      placedByName: users.displayName,
      childName: sql<string | null>`case when ${visibleChildren(actor)} then ${children.displayName} end`,
      closedAt: children.closedAt,
      caseStatus: children.caseStatus,
    })
    .from(legalHolds)
    .innerJoin(children, eq(children.id, legalHolds.childId))
    .leftJoin(users, eq(users.id, legalHolds.placedBy))
    .where(
      and(
        eq(legalHolds.tenantId, actor.tenantId),
        isNull(legalHolds.releasedAt),
        childId ? eq(legalHolds.childId, childId) : undefined,
      ),
    )
    .orderBy(desc(legalHolds.placedAt), legalHolds.id);
}

/** Releases the child's open holds. */
export async function releaseHolds(tx: Db, childId: string, userId: string) {
  await tx
    .update(legalHolds)
    .set({ releasedAt: new Date(), releasedBy: userId })
    .where(and(eq(legalHolds.childId, childId), isNull(legalHolds.releasedAt)));
}

export async function markApproved(tx: Db, runId: string, userId: string) {
  await tx
    .update(retentionRuns)
    .set({ status: 'approved', approvedBy: userId, approvedAt: new Date() })
    .where(eq(retentionRuns.id, runId));
}

/** A batch done: the units deleted so far, and the run done when `finishedAt` is given. */
export async function recordProgress(tx: Db, runId: string, done: number, finishedAt: Date | null) {
  await tx
    .update(retentionRuns)
    .set({ progressDone: done, ...(finishedAt ? { status: 'done' as const, finishedAt } : {}) })
    .where(eq(retentionRuns.id, runId));
}

export async function insertRun(tx: Db, values: typeof retentionRuns.$inferInsert) {
  const [row] = await tx.insert(retentionRuns).values(values).returning();
  return row!;
}

/** Every tenant, for the daily round across tenants. */
export function allTenants(tx: Db) {
  return tx.select({ id: tenants.id }).from(tenants);
}
