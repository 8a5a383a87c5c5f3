import type { Notification } from '../../../common/schemas/notifications.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { subscribe, type Subscription } from '../../notify/channel.ts';
import { NOTICES_CHANNEL } from '../../notify/index.ts';
import { loadOwn, unreadCountOf } from './service.ts';

/** One open page of a user: an SSE response, or a test's listener. */
export interface LiveSubscriber {
  actor: Actor;
  notice(n: Notification, unreadCount: number): void;
  /** Ends the page's stream when the server shuts down. */
  end?(): void;
}

export interface LiveHub {
  /** Starts pushing to this subscriber; call the returned function when the page closes. */
  add(sub: LiveSubscriber): () => void;
  start(): Promise<void>;
  /** Ends every open stream (before the server closes, which would otherwise wait for them). */
  endAll(): void;
  stop(): Promise<void>;
}

interface Published {
  userIds: string[];
  ids: string[];
}

function parse(payload: string): Published | null {
  try {
    const p = JSON.parse(payload) as Partial<Published>;
    return Array.isArray(p.userIds) && Array.isArray(p.ids) ? { userIds: p.userIds, ids: p.ids } : null;
  } catch {
    return null;
  }
}

/**
 * The pages open on this process. Every process listens on the notices
 * channel; on a commit anywhere, each process loads the new notices of the
 * users it has pages for, and pushes them. A user's notices are loaded with
 * that user's own actor, so nobody is ever pushed another user's notice.
 */
export function createLiveHub(deps: Deps): LiveHub {
  const pages = new Map<string, Set<LiveSubscriber>>();
  let subscription: Subscription | null = null;

  async function deliver(userId: string, ids: string[]): Promise<void> {
    const subs = pages.get(userId);
    const first = subs?.values().next().value;
    if (!subs || !first) return;
    const { items, unread } = await deps.db.transaction(async (tx) => ({
      items: await loadOwn(tx, first.actor, { ids }),
      unread: await unreadCountOf(tx, first.actor),
    }));
    for (const n of items.reverse()) for (const s of subs) s.notice(n, unread);
  }

  function onMessage(payload: string): void {
    const msg = parse(payload);
    if (!msg) return;
    for (const userId of new Set(msg.userIds))
      if (pages.has(userId))
        deliver(userId, msg.ids).catch((err: unknown) => console.error('live notice delivery failed:', err));
  }

  return {
    add(sub) {
      let set = pages.get(sub.actor.userId);
      if (!set) pages.set(sub.actor.userId, (set = new Set()));
      set.add(sub);
      return () => {
        set.delete(sub);
        if (set.size === 0 && pages.get(sub.actor.userId) === set) pages.delete(sub.actor.userId);
      };
    },
    async start() {
      subscription ??= await subscribe(deps, NOTICES_CHANNEL, onMessage);
    },
    endAll() {
      for (const set of pages.values()) for (const s of set) s.end?.();
    },
    async stop() {
      await subscription?.close();
      subscription = null;
      pages.clear();
    },
  };
}
