import type { TFunction } from 'i18next';
import { DeadlineKind, EventType } from '../../../common/schemas/events.ts';
import { MeetingKind } from '../../../common/schemas/meetings.ts';
import type { Notification } from '../../../common/schemas/notifications.ts';
import { PlanKind } from '../../../common/schemas/plans.ts';

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
  formatDateTime: (iso: string) => string,
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
      return n.params.drafted === true
        ? t('notices.kind.proposal.hub_meeting_drafted', { event, child })
        : t('notices.kind.proposal.hub_meeting', { event, child });
    case 'proposal.isip':
      return n.params.drafted === true
        ? t('notices.kind.proposal.isip_drafted', { event, child })
        : t('notices.kind.proposal.isip', { event, child });
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
  const said = meetingOrPlanText(t, n, formatDate, formatDateTime);
  if (said !== null) return said;
  const [area, ...rest] = n.kind.split('.');
  const own = `${area}.notices.${rest.join('_')}`;
  // A key another section owns: typed keys cannot name it, the lookup is checked at run time.
  if (area && rest.length > 0 && exists(own)) return t(own as 'notices.kind.other', { ...n.params, child });
  return t('notices.kind.other', { child });
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Meetings, decisions and plans: what, about whom (a forum has no child) and when. */
function meetingOrPlanText(
  t: TFunction,
  n: Notification,
  formatDate: (d: string) => string,
  formatDateTime: (iso: string) => string,
): string | null {
  const p = n.params;
  const about = n.childName ? t('notices.kind.aboutChild', { child: n.childName }) : '';
  const time = text(p.startsAt) ? formatDateTime(text(p.startsAt)) : '';
  const date = text(p.dueOn) || text(p.followUpOn);
  const meetingKind = MeetingKind.safeParse(p.meetingKind);
  const planKind = PlanKind.safeParse(p.planKind);
  const values = {
    about,
    time,
    date: date ? formatDate(date) : '',
    meeting: meetingKind.success ? t(`meetings.kind.${meetingKind.data}`) : t('notices.kind.meetingFallback'),
    plan: planKind.success ? t(`plans.kind.${planKind.data}`) : 'SIP',
  };
  switch (n.kind) {
    case 'meeting.invited':
    case 'meeting.changed':
    case 'meeting.cancelled':
    case 'decision.overdue':
    case 'question.overdue':
    case 'plan.summons':
    case 'plan.invitation':
    case 'plan.follow_up_soon':
    case 'plan.follow_up_due':
      return t(`notices.kind.${n.kind}`, values)
        .replace(/\s+,/g, ',')
        .replace(/\s{2,}/g, ' ');
    default:
      return null;
  }
}
