import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { auditLog, logReviews } from '../../audit/tables.ts';
import { users } from '../tenancy/tables.ts';

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
