import { and, asc, count, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import type { ChildListQuery } from '../../../common/schemas/children.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { activeMembership, visibleChildren } from './scope.ts';
import { children, hubMembers } from './tables.ts';

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
  if (q.asylumStatus) filters.push(eq(children.asylumStatus, q.asylumStatus));
  const where = and(...filters);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(children)
      .where(where)
      .orderBy(asc(children.displayName), asc(children.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(children).where(where),
  ]);
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
