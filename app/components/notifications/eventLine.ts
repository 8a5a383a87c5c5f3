import type { TFunction } from 'i18next';
import type { TimelineDetail } from '../../../common/schemas/children.ts';
import { EventType } from '../../../common/schemas/events.ts';

/** The timeline's line for a recorded event: its type, and the asylum status it set. The note never shows here. */
export function eventLine(t: TFunction, d: TimelineDetail): string {
  const type = EventType.safeParse(d.eventType);
  const base = t('notices.timeline.eventRecorded', { event: type.success ? t(`notices.eventType.${type.data}`) : '' });
  return d.asylumStatus
    ? `${base} ${t('hub.timeline.asylumNow', { status: t(`asylumStatus.${d.asylumStatus}`) })}`
    : base;
}
