import { eq } from 'drizzle-orm';
import type { AuditPage, LogReview, LogReviewBody } from '../../../common/schemas/audit.ts';
import { auditLog } from '../../audit/tables.ts';
import { audit } from '../../audit/write.ts';
import { hasRole, type Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { childOfTenant, findVisible } from '../children/repo.ts';
import { authorize } from './policy.ts';
import * as repo from './repo.ts';
import { identifiableChildren, reviewableUser, withoutForeignChildren } from './user-scope.ts';

/** A tenant admin may review any child of the tenant; a manager the children in their scope. */
export async function reviewableChild(tx: Db, actor: Actor, childId: string): Promise<boolean> {
  if (hasRole(actor, 'tenant_admin')) return childOfTenant(tx, actor.tenantId, childId);
  return (await findVisible(tx, actor, childId)) !== null;
}

function toPage(rows: Awaited<ReturnType<typeof repo.pageOfLog>>, limit: number): AuditPage {
  return {
    items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    next: rows.length === limit ? (rows.at(-1)?.id ?? null) : null,
  };
}

export async function childLog(
  deps: Deps,
  actor: Actor,
  childId: string,
  before: number | undefined,
  limit: number,
): Promise<AuditPage> {
  authorize(actor, 'readChildLog');
  return deps.db.transaction(async (tx) => {
    if (!(await reviewableChild(tx, actor, childId))) throw errors.notFound('child');
    const rows = await repo.pageOfLog(tx, actor.tenantId, eq(auditLog.childId, childId), before, limit);
    await audit(tx, { action: 'audit.read_child_log', entity: 'audit_log', childId });
    return toPage(rows, limit);
  });
}

export async function userLog(
  deps: Deps,
  actor: Actor,
  userId: string,
  before: number | undefined,
  limit: number,
): Promise<AuditPage> {
  authorize(actor, 'readUserLog');
  return deps.db.transaction(async (tx) => {
    if (!(await reviewableUser(tx, actor, userId))) throw errors.notFound('user');
    const rows = await repo.pageOfLog(tx, actor.tenantId, eq(auditLog.actorUserId, userId), before, limit);
    const shown = withoutForeignChildren(rows, await identifiableChildren(tx, actor, rows));
    await audit(tx, { action: 'audit.read_user_log', entity: 'audit_log', entityId: userId });
    return toPage(shown, limit);
  });
}

export async function recordReview(deps: Deps, actor: Actor, body: LogReviewBody): Promise<LogReview> {
  authorize(actor, 'recordReview');
  return deps.db.transaction(async (tx) => {
    const exists =
      body.subjectKind === 'child'
        ? await reviewableChild(tx, actor, body.subjectId)
        : await reviewableUser(tx, actor, body.subjectId);
    if (!exists) throw errors.notFound(body.subjectKind);
    const row = await repo.insertReview(tx, { ...body, tenantId: actor.tenantId, reviewerId: actor.userId });
    await audit(tx, {
      action: 'audit.review_recorded',
      entity: 'log_review',
      entityId: row.id,
      childId: body.subjectKind === 'child' ? body.subjectId : null,
    });
    return {
      ...row,
      subjectKind: body.subjectKind,
      reviewerName: actor.displayName,
      reviewedAt: row.reviewedAt.toISOString(),
    };
  });
}

export async function listReviews(deps: Deps, actor: Actor): Promise<LogReview[]> {
  authorize(actor, 'listReviews');
  const rows = await repo.listReviews(deps.db, actor.tenantId);
  return rows.map(({ review, reviewerName }) => ({
    ...review,
    subjectKind: review.subjectKind === 'child' || review.subjectKind === 'sample' ? review.subjectKind : 'user',
    reviewerName,
    reviewedAt: review.reviewedAt.toISOString(),
  }));
}
