import type { Notification } from '../../../common/schemas/notifications.ts';
import type { NotificationRow } from './repo.ts';

type Param = string | number | boolean | null;

export function presentNotification(n: NotificationRow, childName: string | null): Notification {
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
