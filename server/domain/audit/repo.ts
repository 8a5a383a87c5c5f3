import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { DeniedAttempt } from '../../../common/schemas/audit.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { auditLog, logReviews } from '../../audit/tables.ts';
import { visibleChildren } from '../children/scope.ts';
import { children } from '../children/tables.ts';
import { memberships, users } from '../tenancy/tables.ts';

export async function pageOfLog(db: Db, tenantId: string, filter: SQL, before: number | undefined, limit: number) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      childId: auditLog.childId,
      actorUserId: auditLog.actorUserId,
      actorName: users.displayName,
      organisationId: auditLog.organisationId,
      requestId: auditLog.requestId,
      ip: auditLog.ip,
      // Of a row's detail only a denied attempt's status and route: other details are not the reviewer's view.
      denied: sql<DeniedAttempt | null>`case when ${auditLog.action} = 'access.denied' then ${auditLog.detail} end`,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.tenantId, tenantId), filter, before ? lt(auditLog.id, before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

export async function insertReview(db: Db, row: typeof logReviews.$inferInsert) {
  const [created] = await db.insert(logReviews).values(row).returning();
  if (!created) throw new Error('insert returned nothing');
  return created;
}

export async function listReviews(db: Db, tenantId: string) {
  return db
    .select({ review: logReviews, reviewerName: users.displayName })
    .from(logReviews)
    .innerJoin(users, eq(users.id, logReviews.reviewerId))
    .where(eq(logReviews.tenantId, tenantId))
    .orderBy(desc(logReviews.reviewedAt))
    .limit(200);
}

/** Whether the user of this tenant holds, or held, a membership in one of the organisations. */
export async function userOfOrganisations(db: Db, tenantId: string, userId: string, organisationIds: string[]) {
  if (organisationIds.length === 0) return false;
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.userId, userId),
        inArray(memberships.organisationId, organisationIds),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Which of these children the actor sees under the scope rule. */
export async function visibleChildIds(db: Db, actor: Actor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: children.id })
    .from(children)
    .where(and(inArray(children.id, ids), visibleChildren(actor)));
  return new Set(rows.map((r) => r.id));
}

/** Which of these ids are children of the municipality. */
export async function tenantChildIds(db: Db, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: children.id })
    .from(children)
    .where(and(inArray(children.id, ids), eq(children.tenantId, tenantId)));
  return new Set(rows.map((r) => r.id));
}

export async function userOfTenant(db: Db, tenantId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.tenantId, tenantId)));
  return row !== undefined;
}
