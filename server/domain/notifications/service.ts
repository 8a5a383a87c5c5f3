import { and, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type {
  MarkAllRead,
  Notification,
  NotificationList,
  NotificationQuery,
} from '../../../common/schemas/notifications.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { notifications } from '../../notify/tables.ts';
import { visibleChildren } from '../children/scope.ts';
import { children } from '../children/tables.ts';
import { rollupAfterWrite } from '../followup/rollup-jobs.ts';

type Row = typeof notifications.$inferSelect;
type Param = string | number | boolean | null;

export function presentNotification(n: Row, childName: string | null): Notification {
  // A child the reader no longer sees (their place in the hub ended): the notice stays, but
  // nothing that leads to the child, neither its id nor the ids and link of its meetings.
  const outOfScope = n.childId !== null && childName === null;
  const params: Record<string, Param> = {};
  for (const [k, v] of Object.entries(n.params))
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v))
      if (!(outOfScope && k.endsWith('Id'))) params[k] = v as Param;
  return {
    id: n.id,
    kind: n.kind,
    urgency: n.urgency === 'immediate' ? 'immediate' : 'normal',
    childId: outOfScope ? null : n.childId,
    childName,
    params,
    link: outOfScope ? '/notifications' : n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
    acknowledgedAt: n.acknowledgedAt?.toISOString() ?? null,
  };
}

/** A user sees only their own notices: every query starts from this. */
const own = (actor: Actor): SQL =>
  and(eq(notifications.userId, actor.userId), eq(notifications.tenantId, actor.tenantId))!;

/**
 * The actor's notices with the child's name where the actor still sees the
 * child (someone who left the hub keeps the notice but not the name). Marks
 * them delivered, and logs the children named, as every read of child data.
 */
export async function loadOwn(tx: Db, actor: Actor, where: SQL | undefined, page?: { limit: number; offset: number }) {
  const query = tx
    .select({ n: notifications, childName: children.displayName })
    .from(notifications)
    .leftJoin(children, and(eq(children.id, notifications.childId), visibleChildren(actor)))
    .where(and(own(actor), where))
    // An urgent notice not yet acknowledged comes first, whatever came after it; then newest first.
    .orderBy(
      desc(sql`(${notifications.urgency} = 'immediate' and ${notifications.acknowledgedAt} is null)`),
      desc(notifications.createdAt),
      desc(notifications.id),
    );
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  const undelivered = rows.filter((r) => !r.n.deliveredAt).map((r) => r.n.id);
  if (undelivered.length > 0)
    await tx
      .update(notifications)
      .set({ deliveredAt: new Date() })
      .where(and(inArray(notifications.id, undelivered), isNull(notifications.deliveredAt)));
  const named = [...new Set(rows.filter((r) => r.childName !== null).map((r) => r.n.childId!))];
  await audit(
    tx,
    named.map((id) => ({
      action: 'notification.list',
      entity: 'child',
      entityId: id,
      childId: id,
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
    })),
  );
  return rows.map((r) => presentNotification(r.n, r.childName));
}

export async function unreadCountOf(tx: Db, actor: Actor): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(notifications)
    .where(and(own(actor), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function listNotifications(deps: Deps, actor: Actor, q: NotificationQuery): Promise<NotificationList> {
  return deps.db.transaction(async (tx) => {
    const where = q.unread ? isNull(notifications.readAt) : undefined;
    const [totalRow] = await tx
      .select({ n: count() })
      .from(notifications)
      .where(and(own(actor), where));
    const items = await loadOwn(tx, actor, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    return {
      items,
      total: totalRow?.n ?? 0,
      unreadCount: await unreadCountOf(tx, actor),
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

export async function unreadCount(deps: Deps, actor: Actor): Promise<number> {
  return deps.db.transaction((tx) => unreadCountOf(tx, actor));
}

/**
 * Read (opened) or acknowledged ("I have seen this", which stops escalation).
 * Each time is recorded once, the first time; another user's notice is 404.
 */
export async function mark(deps: Deps, actor: Actor, id: string, what: 'read' | 'acknowledged'): Promise<Notification> {
  return deps.db.transaction(async (tx) => {
    const now = sql`coalesce(${notifications.readAt}, now())`;
    const [row] = await tx
      .update(notifications)
      .set({
        readAt: now,
        deliveredAt: sql`coalesce(${notifications.deliveredAt}, now())`,
        ...(what === 'acknowledged' ? { acknowledgedAt: sql`coalesce(${notifications.acknowledgedAt}, now())` } : {}),
      })
      .where(and(eq(notifications.id, id), own(actor)))
      .returning({ id: notifications.id, childId: notifications.childId });
    if (!row) throw errors.notFound('notification');
    // The social worker's acknowledgement is the first indicator's measure.
    if (what === 'acknowledged' && row.childId) await rollupAfterWrite(tx, actor.tenantId);
    if (what === 'acknowledged')
      await audit(tx, {
        action: 'notification.acknowledged',
        entity: 'notification',
        entityId: id,
        childId: row.childId,
      });
    const [presented] = await loadOwn(tx, actor, eq(notifications.id, id));
    return presented!;
  });
}

/**
 * Marks every unread notice of mine read, at once. An acknowledgement is never implied: an urgent
 * notice stays unacknowledged (and escalates) until "I have seen this" on it.
 */
export async function markAllRead(deps: Deps, actor: Actor): Promise<MarkAllRead> {
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: sql`now()`, deliveredAt: sql`coalesce(${notifications.deliveredAt}, now())` })
      .where(and(own(actor), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (rows.length > 0)
      await audit(tx, {
        action: 'notification.all_read',
        entity: 'user',
        entityId: actor.userId,
        childId: null,
        detail: { count: rows.length },
      });
    return { marked: rows.length, unreadCount: await unreadCountOf(tx, actor) };
  });
}
