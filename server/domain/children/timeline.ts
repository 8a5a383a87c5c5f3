import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import {
  TimelineAction,
  TimelineDetail,
  timelineActions,
  type TimelinePage,
} from '../../../common/schemas/children.ts';
import { auditLog } from '../../audit/tables.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { users } from '../tenancy/tables.ts';
import { loadAccess } from './access.ts';
import { authorize } from './policy.ts';

/**
 * The child's history, built from the audit log: only the writes listed in
 * `timelineActions` (never reads), and of each row's detail only the keys
 * `TimelineDetail` names, so a sensitive value written to the log for the
 * auditor does not reach the hub's screen.
 */
export async function childTimeline(
  deps: Deps,
  actor: Actor,
  childId: string,
  before: number | undefined,
  limit: number,
): Promise<TimelinePage> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorize(a, 'readTimeline');
    const rows = await tx
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        actorUserId: auditLog.actorUserId,
        actorName: users.displayName,
        detail: auditLog.detail,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(
        and(
          eq(auditLog.tenantId, actor.tenantId),
          eq(auditLog.childId, childId),
          inArray(auditLog.action, [...timelineActions]),
          before ? lt(auditLog.id, before) : undefined,
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(limit);
    await audit(tx, { action: 'child.timeline_read', entity: 'child', entityId: childId, childId });
    return {
      items: rows.map((r) => {
        const raw = (r.detail ?? {}) as Record<string, unknown>;
        const detail = TimelineDetail.safeParse(raw);
        return {
          id: r.id,
          at: r.at.toISOString(),
          action: TimelineAction.parse(r.action),
          actor: r.actorUserId && r.actorName ? { userId: r.actorUserId, displayName: r.actorName } : null,
          byChild: raw.childView === true,
          detail: detail.success ? detail.data : {},
        };
      }),
      next: rows.length === limit ? (rows.at(-1)?.id ?? null) : null,
    };
  });
}
