import type { TFunction } from 'i18next';
import { DeadlineKind, EventType } from '../../../common/schemas/events.ts';
import type { Notification } from '../../../common/schemas/notifications.ts';

/**
 * A notice in words. The server sends a kind and keys; the sentence is made
 * here, in the reader's language. Kinds from other parts of Navet ("meeting.x")
 * are said by their own section's "<area>.notices.<x>" when it exists, else by
 * a plain "something new about <child>": a notice is never shown blank.
 */
export function noticeText(
  t: TFunction,
  exists: (key: string) => boolean,
  n: Notification,
  formatDate: (d: string) => string,
): string {
  const child = n.childName ?? t('notices.someChild');
  const type = EventType.safeParse(n.params.eventType);
  const event = type.success ? t(`notices.eventType.${type.data}`) : '';
  switch (n.kind) {
    case 'event.recorded':
      return t('notices.kind.event.recorded', { event, child });
    case 'event.escalated':
      return t('notices.kind.event.escalated', { event, child });
    case 'proposal.hub_meeting':
      return t('notices.kind.proposal.hub_meeting', { event, child });
    case 'proposal.isip':
      return t('notices.kind.proposal.isip', { event, child });
    case 'deadline.reminder': {
      const kind = DeadlineKind.safeParse(n.params.deadlineKind);
      const dueOn = typeof n.params.dueOn === 'string' ? formatDate(n.params.dueOn) : '';
      return t('notices.kind.deadline.reminder', {
        deadline: kind.success ? t(`notices.deadlineKind.${kind.data}`) : '',
        child,
        date: dueOn,
      });
    }
  }
  const [area, ...rest] = n.kind.split('.');
  const own = `${area}.notices.${rest.join('_')}`;
  // A key another section owns: typed keys cannot name it, the lookup is checked at run time.
  if (area && rest.length > 0 && exists(own)) return t(own as 'notices.kind.other', { ...n.params, child });
  return t('notices.kind.other', { child });
}
