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
import { presentNotification } from './presenter.ts';
import * as repo from './repo.ts';
import { rollupAfterWrite } from '../followup/rollup-jobs.ts';

export type { NoticeFilter } from './repo.ts';

/**
 * The actor's notices, presented. Marks them delivered, and logs the children named, as every read of child
 * data.
 */
export async function loadOwn(
  tx: Db,
  actor: Actor,
  filter: repo.NoticeFilter,
  page?: { limit: number; offset: number },
): Promise<Notification[]> {
  const rows = await repo.ownNotices(tx, actor, filter, page);
  await repo.markDelivered(
    tx,
    rows.filter((r) => !r.n.deliveredAt).map((r) => r.n.id),
  );
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
  return repo.countOwn(tx, actor, { unread: true });
}

export async function listNotifications(deps: Deps, actor: Actor, q: NotificationQuery): Promise<NotificationList> {
  return deps.db.transaction(async (tx) => {
    const filter: repo.NoticeFilter = q.unread ? { unread: true } : { all: true };
    const total = await repo.countOwn(tx, actor, filter);
    const items = await loadOwn(tx, actor, filter, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    return {
      items,
      total,
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
    const row = await repo.markOne(tx, actor, id, what);
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
    const [presented] = await loadOwn(tx, actor, { ids: [id] });
    return presented!;
  });
}

/**
 * Marks every unread notice of mine read, at once. An acknowledgement is never implied: an urgent
 * notice stays unacknowledged (and escalates) until "I have seen this" on it.
 */
export async function markAllRead(deps: Deps, actor: Actor): Promise<MarkAllRead> {
  return deps.db.transaction(async (tx) => {
    const marked = await repo.markAllRead(tx, actor);
    if (marked.length > 0)
      await audit(tx, {
        action: 'notification.all_read',
        entity: 'user',
        entityId: actor.userId,
        childId: null,
        detail: { count: marked.length },
      });
    return { marked: marked.length, unreadCount: await unreadCountOf(tx, actor) };
  });
}
