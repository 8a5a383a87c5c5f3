import { AsylumStatus } from '../../../common/schemas/children.ts';
import {
  DeadlineKind,
  EventSource,
  EventType,
  type ChildEvent,
  type Deadline,
} from '../../../common/schemas/events.ts';
import { InfoCategory } from '../../../common/schemas/sharing.ts';
import { isPassed, type DeadlineRow } from './deadlines.ts';
import type { childEvents } from './tables.ts';

export type EventRow = typeof childEvents.$inferSelect;

/**
 * An event as one reader sees it. The event itself is hub information; its
 * note only when the sharing rule lets the reader see it (`noteShared`),
 * otherwise the note is left out and `noteWithheld` says so. An empty note
 * withholds nothing.
 */
export function presentEvent(e: EventRow, recordedByName: string | null, noteShared: boolean): ChildEvent {
  const withheld = !noteShared && e.note !== '';
  return {
    id: e.id,
    type: EventType.parse(e.type),
    occurredOn: e.occurredOn,
    source: EventSource.parse(e.source),
    ...(withheld ? {} : { note: e.note }),
    noteWithheld: withheld,
    category: InfoCategory.parse(e.category),
    departureDate: e.departureDate,
    recordedAt: e.recordedAt.toISOString(),
    recordedBy: e.recordedBy && recordedByName ? { userId: e.recordedBy, displayName: recordedByName } : null,
    asylumStatus: e.asylumStatusAfter ? AsylumStatus.parse(e.asylumStatusAfter) : null,
  };
}

export function presentDeadline(d: DeadlineRow, childName: string, now = new Date()): Deadline {
  return {
    id: d.id,
    childId: d.childId,
    childName,
    kind: DeadlineKind.parse(d.kind),
    dueOn: d.dueOn,
    status: d.status as Deadline['status'],
    passed: isPassed(d, now),
  };
}
