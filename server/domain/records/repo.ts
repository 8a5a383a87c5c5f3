import { and, desc, eq, lte, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { Role } from '../../../common/roles.ts';
import type { ExtractAccess, ExtractRow, ExtractStatus, ExtractWithheld } from '../../../common/schemas/records.ts';
import { auditLog } from '../../audit/tables.ts';
import type { Actor } from '../../context.ts';
import * as schema from '../../db/schema.ts';
import type { Db } from '../../db/connect.ts';
import { sharedWith } from '../sharing/rule.ts';
import { organisations, users } from '../tenancy/tables.ts';
import { secretColumns, type Part } from './coverage.ts';
import { recordExtracts } from './tables.ts';

/** Every table of the schema by its SQL name: the parts name tables, so the schema walk and the build agree. */
export const tablesByName: ReadonlyMap<string, PgTable> = new Map(
  (Object.values(schema) as unknown[])
    .filter((v): v is PgTable => v instanceof PgTable)
    .map((t) => [getTableConfig(t).name, t]),
);

function column(table: PgTable, name: string): PgColumn {
  const c = getTableConfig(table).columns.find((x) => x.name === name);
  if (!c) throw new Error(`${getTableConfig(table).name} has no column ${name}`);
  return c;
}

function tableOf(name: string): PgTable {
  const t = tablesByName.get(name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

/** A row as the extract writes it: SQL column names, dates as ISO text, secrets and bytes left out. */
function plain(table: string, row: Record<string, unknown>, drop: ReadonlySet<string>): ExtractRow {
  const cols = getTableConfig(tableOf(table)).columns;
  const out: ExtractRow = {};
  for (const c of cols) {
    if (secretColumns.has(c.name) || secretColumns.has(`${table}.${c.name}`) || drop.has(c.name)) continue;
    const v = row[c.name];
    out[c.name] = v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? null : (v ?? null);
  }
  return out;
}

/**
 * The rows of one part about the subject, within the tenant. A guarded part splits on the sharing rule with
 * the requester as reader: what their organisations may not see comes back only as counts by owner and
 * category (or, for `only`, the row without that column).
 */
export async function partRows(
  tx: Db,
  actor: Actor,
  part: Part,
  subjectId: string,
): Promise<{ rows: ExtractRow[]; withheld: ExtractWithheld[] }> {
  const table = tableOf(part.table);
  const cols = getTableConfig(table).columns;
  const tenant = cols.some((c) => c.name === 'tenant_id') ? eq(column(table, 'tenant_id'), actor.tenantId) : undefined;
  const subject: SQL = part.via
    ? sql`${column(table, part.by)} in (select id from ${tableOf(part.via.parent)} where ${sql.identifier(part.via.column)} = ${subjectId})`
    : eq(column(table, part.by), subjectId);
  const g = part.guarded;
  const visible = g
    ? sharedWith(
        actor,
        { childId: column(table, 'child_id'), owner: column(table, g.owner), category: column(table, g.category) },
        g.purpose,
      )
    : sql`true`;
  const selection = Object.fromEntries(cols.map((c) => [c.name, c]));
  const rows = await tx
    .select({ ...selection, visible: sql<boolean>`${visible}` })
    .from(table)
    .where(and(subject, tenant));
  const withheldBy = new Map<string, ExtractWithheld>();
  const shown: ExtractRow[] = [];
  for (const r of rows as (Record<string, unknown> & { visible: boolean })[]) {
    if (!g || r.visible) {
      shown.push(plain(part.table, r, new Set()));
      continue;
    }
    const owner = String(r[g.owner]);
    const category = String(r[g.category]);
    const k = `${owner}/${category}`;
    const w = withheldBy.get(k) ?? {
      table: part.table,
      owner,
      category,
      count: 0,
      reason: 'secrecy_other_organisation',
    };
    w.count += 1;
    withheldBy.set(k, w);
    if (g.only) shown.push(plain(part.table, r, new Set([g.only])));
  }
  return { rows: shown, withheld: [...withheldBy.values()] };
}

/** Organisation names by id, for the withheld list (an owner is named, its content is not). */
export async function organisationNames(tx: Db, tenantId: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.tenantId, tenantId));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** From the audit log: every access to the child's data, or every action of the user, oldest first. */
export async function accesses(
  tx: Db,
  tenantId: string,
  about: { childId: string } | { actorUserId: string },
): Promise<ExtractAccess[]> {
  const rows = await tx
    .select({ at: auditLog.at, action: auditLog.action, actor: users.displayName, organisation: organisations.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
    .where(
      and(
        eq(auditLog.tenantId, tenantId),
        'childId' in about ? eq(auditLog.childId, about.childId) : eq(auditLog.actorUserId, about.actorUserId),
      ),
    )
    .orderBy(auditLog.id);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

// ---- the extracts themselves --------------------------------------------------------------------------

export type ExtractRowDb = typeof recordExtracts.$inferSelect;
const listed = {
  id: recordExtracts.id,
  tenantId: recordExtracts.tenantId,
  subject: recordExtracts.subject,
  childId: recordExtracts.childId,
  subjectUserId: recordExtracts.subjectUserId,
  requestedBy: recordExtracts.requestedBy,
  requesterName: users.displayName,
  status: recordExtracts.status,
  progress: recordExtracts.progress,
  size: recordExtracts.size,
  requestedAt: recordExtracts.requestedAt,
  readyAt: recordExtracts.readyAt,
  expiresAt: recordExtracts.expiresAt,
};
export type ListedExtract = {
  [K in keyof typeof listed]: (typeof listed)[K]['_']['notNull'] extends true
    ? (typeof listed)[K]['_']['data']
    : (typeof listed)[K]['_']['data'] | null;
};

export async function insertExtract(
  tx: Db,
  values: Pick<ExtractRowDb, 'tenantId' | 'subject' | 'childId' | 'subjectUserId' | 'requestedBy'>,
): Promise<string> {
  const [row] = await tx.insert(recordExtracts).values(values).returning({ id: recordExtracts.id });
  return row!.id;
}

/** Extracts about one subject, newest first (never the file). */
export async function listExtracts(
  tx: Db,
  tenantId: string,
  about: { childId: string } | { subjectUserId: string },
): Promise<ListedExtract[]> {
  return tx
    .select(listed)
    .from(recordExtracts)
    .innerJoin(users, eq(users.id, recordExtracts.requestedBy))
    .where(
      and(
        eq(recordExtracts.tenantId, tenantId),
        'childId' in about
          ? eq(recordExtracts.childId, about.childId)
          : eq(recordExtracts.subjectUserId, about.subjectUserId),
      ),
    )
    .orderBy(desc(recordExtracts.requestedAt))
    .limit(50);
}

/** An extract by id alone: the build job, which runs outside any request. */
export async function extractById(tx: Db, id: string): Promise<ExtractRowDb | undefined> {
  const [x] = await tx.select().from(recordExtracts).where(eq(recordExtracts.id, id));
  return x;
}

export async function findExtract(tx: Db, tenantId: string, id: string): Promise<ListedExtract | undefined> {
  const [row] = await tx
    .select(listed)
    .from(recordExtracts)
    .innerJoin(users, eq(users.id, recordExtracts.requestedBy))
    .where(and(eq(recordExtracts.tenantId, tenantId), eq(recordExtracts.id, id)));
  return row;
}

export async function extractFile(tx: Db, id: string): Promise<Buffer | null> {
  const [row] = await tx.select({ file: recordExtracts.file }).from(recordExtracts).where(eq(recordExtracts.id, id));
  return row?.file ?? null;
}

export async function setExtract(
  tx: Db,
  id: string,
  values: Partial<Pick<ExtractRowDb, 'status' | 'progress' | 'file' | 'size' | 'readyAt' | 'expiresAt'>> & {
    status?: ExtractStatus;
  },
): Promise<void> {
  await tx.update(recordExtracts).set(values).where(eq(recordExtracts.id, id));
}

/** Deletes the files of extracts past their time; the record of the request stays. */
export async function expireFiles(
  tx: Db,
  now: Date,
  id: string,
): Promise<{ id: string; tenantId: string; childId: string | null }[]> {
  return tx
    .update(recordExtracts)
    .set({ status: 'expired', file: null })
    .where(and(eq(recordExtracts.id, id), eq(recordExtracts.status, 'ready'), lte(recordExtracts.expiresAt, now)))
    .returning({ id: recordExtracts.id, tenantId: recordExtracts.tenantId, childId: recordExtracts.childId });
}

/** The requester as an actor for the build job: their open memberships today. */
export async function actorFor(tx: Db, userId: string): Promise<Actor | undefined> {
  const [u] = await tx
    .select({ id: users.id, tenantId: users.tenantId, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, userId));
  if (!u) return undefined;
  const ms = await tx
    .select({ organisationId: schema.memberships.organisationId, role: schema.memberships.role })
    .from(schema.memberships)
    .where(and(eq(schema.memberships.userId, userId), sql`${schema.memberships.endedAt} is null`));
  return {
    userId: u.id,
    tenantId: u.tenantId,
    displayName: u.displayName,
    memberships: ms.map((m) => ({ organisationId: m.organisationId, role: Role.parse(m.role) })),
    sessionId: 'job',
  };
}

export async function userName(tx: Db, tenantId: string, userId: string): Promise<string | undefined> {
  const [u] = await tx
    .select({ name: users.displayName })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.tenantId, tenantId)));
  return u?.name;
}
