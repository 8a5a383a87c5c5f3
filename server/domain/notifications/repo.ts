import { and, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { notifications } from '../../notify/tables.ts';
import { visibleChildren } from '../children/scope.ts';
import { children } from '../children/tables.ts';

export type NotificationRow = typeof notifications.$inferSelect;

/**
 * Which of the actor's notices a read wants: all, the unread, those still waiting for the user (unread, or
 * urgent and not acknowledged: the start page), or some by id (one marked, or the ones just published).
 */
export type NoticeFilter = { all: true } | { unread: true } | { pending: true } | { ids: string[] };

function filterOf(f: NoticeFilter): SQL | undefined {
  if ('ids' in f) return inArray(notifications.id, f.ids);
  if ('unread' in f) return isNull(notifications.readAt);
  if ('pending' in f)
    return or(
      isNull(notifications.readAt),
      and(eq(notifications.urgency, 'immediate'), isNull(notifications.acknowledgedAt)),
    );
  return undefined;
}

/** A user sees only their own notices: every query starts from this. */
const own = (actor: Actor): SQL =>
  and(eq(notifications.userId, actor.userId), eq(notifications.tenantId, actor.tenantId))!;

/**
 * The actor's notices with the child's name where the actor still sees the child (someone who left the hub
 * keeps the notice but not the name).
 */
export async function ownNotices(tx: Db, actor: Actor, f: NoticeFilter, page?: { limit: number; offset: number }) {
  const query = tx
    .select({ n: notifications, childName: children.displayName })
    .from(notifications)
    .leftJoin(children, and(eq(children.id, notifications.childId), visibleChildren(actor)))
    .where(and(own(actor), filterOf(f)))
    // An urgent notice not yet acknowledged comes first, whatever came after it; then newest first.
    .orderBy(
      desc(sql`(${notifications.urgency} = 'immediate' and ${notifications.acknowledgedAt} is null)`),
      desc(notifications.createdAt),
      desc(notifications.id),
    );
  return page ? await query.limit(page.limit).offset(page.offset) : await query;
}

/** Notes the first delivery of these notices (a second delivery keeps the first time). */
export async function markDelivered(tx: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(notifications)
    .set({ deliveredAt: new Date() })
    .where(and(inArray(notifications.id, ids), isNull(notifications.deliveredAt)));
}

export async function countOwn(tx: Db, actor: Actor, f: NoticeFilter): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(notifications)
    .where(and(own(actor), filterOf(f)));
  return row?.n ?? 0;
}

/**
 * Marks one of the actor's notices read, or read and acknowledged, keeping the first time of each;
 * null when the notice is not the actor's.
 */
export async function markOne(tx: Db, actor: Actor, id: string, what: 'read' | 'acknowledged') {
  const [row] = await tx
    .update(notifications)
    .set({
      readAt: sql`coalesce(${notifications.readAt}, now())`,
      deliveredAt: sql`coalesce(${notifications.deliveredAt}, now())`,
      ...(what === 'acknowledged' ? { acknowledgedAt: sql`coalesce(${notifications.acknowledgedAt}, now())` } : {}),
    })
    .where(and(eq(notifications.id, id), own(actor)))
    .returning({ id: notifications.id, childId: notifications.childId });
  return row ?? null;
}

/** Marks every unread notice of the actor read; the ids marked. */
export async function markAllRead(tx: Db, actor: Actor): Promise<string[]> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: sql`now()`, deliveredAt: sql`coalesce(${notifications.deliveredAt}, now())` })
    .where(and(own(actor), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.map((r) => r.id);
}
