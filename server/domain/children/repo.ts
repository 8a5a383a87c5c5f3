import { and, asc, count, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import type { ChildListQuery } from '../../../common/schemas/children.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { organisations } from '../tenancy/tables.ts';
import { activeMembership, fullyVisibleChildren, visibleChildren } from './scope.ts';
import { children, hubMembers } from './tables.ts';
import { inTurn } from '../../db/in-turn.ts';

export type ChildRow = typeof children.$inferSelect;
export type HubMemberRow = typeof hubMembers.$inferSelect;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The children the actor sees, filtered and paginated. Scope is part of the query. */
export async function listVisible(
  db: Db,
  actor: Actor,
  q: ChildListQuery,
): Promise<{ rows: ChildRow[]; total: number }> {
  const filters: SQL[] = [visibleChildren(actor)];
  if (q.q) filters.push(ilike(children.displayName, `%${escapeLike(q.q)}%`));
  if (q.caseStatus) filters.push(eq(children.caseStatus, q.caseStatus));
  if (q.asylumStatus) {
    // Case data: only children seen in full may match, or the filter would leak it.
    filters.push(eq(children.asylumStatus, q.asylumStatus), fullyVisibleChildren(actor));
  }
  const where = and(...filters);
  const [rows, [totalRow]] = await inTurn(
    () =>
      db
        .select()
        .from(children)
        .where(where)
        .orderBy(asc(children.displayName), asc(children.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
    () => db.select({ n: count() }).from(children).where(where),
  );
  return { rows, total: totalRow?.n ?? 0 };
}

/** One child if the actor sees it; null otherwise (the route answers 404 either way). */
export async function findVisible(db: Db, actor: Actor, id: string): Promise<ChildRow | null> {
  const [row] = await db
    .select()
    .from(children)
    .where(and(eq(children.id, id), visibleChildren(actor)));
  return row ?? null;
}

/** Open hub memberships of the given children. */
export async function activeHubMembers(db: Db, childIds: string[]): Promise<HubMemberRow[]> {
  if (childIds.length === 0) return [];
  return db
    .select()
    .from(hubMembers)
    .where(and(inArray(hubMembers.childId, childIds), activeMembership()));
}

export async function insertChild(db: Db, values: typeof children.$inferInsert): Promise<ChildRow> {
  const [row] = await db.insert(children).values(values).returning();
  if (!row) throw new Error('child insert returned nothing');
  return row;
}

/**
 * Writes only when the stored version is the one the editor read, and bumps it.
 * Null when the version was stale (or the child vanished): the caller decides.
 */
export async function updateVersioned(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof children.$inferInsert>,
): Promise<ChildRow | null> {
  const [row] = await db
    .update(children)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(children.id, id), eq(children.version, version)))
    .returning();
  return row ?? null;
}

/** Whether the child is the tenant's, whatever the reader's hub: for the tenant admin's own tools. */
export async function childOfTenant(tx: Db, tenantId: string, childId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: children.id })
    .from(children)
    .where(and(eq(children.id, childId), eq(children.tenantId, tenantId)));
  return row !== undefined;
}

export async function findTenantOrganisation(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.tenantId, tenantId)));
  return row ?? null;
}

export async function organisationName(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row?.name ?? null;
}

export async function insertHubMember(db: Db, values: typeof hubMembers.$inferInsert): Promise<HubMemberRow> {
  const [row] = await db.insert(hubMembers).values(values).returning();
  if (!row) throw new Error('hub member insert returned nothing');
  return row;
}
