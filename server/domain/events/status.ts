import type { AsylumStatus } from '../../../common/schemas/children.ts';
import type { EventType } from '../../../common/schemas/events.ts';

const afterRejection: readonly string[] = ['rejected', 'appealed', 'final'];

/**
 * The asylum status an event leads to, or the current one when the event does
 * not bear on it. A decision sets it outright; later steps move it only from a
 * state where they make sense (a "final" after a grant keeps "granted").
 */
export function statusAfter(type: EventType, current: string): AsylumStatus {
  const keep = current as AsylumStatus;
  switch (type) {
    case 'asylum_granted':
      return 'granted';
    case 'asylum_rejected':
    case 'asylum_rejected_removal':
      return 'rejected';
    case 'appeal_filed':
      return current === 'rejected' || current === 'final' ? 'appealed' : keep;
    case 'decision_final':
      return current === 'rejected' || current === 'appealed' ? 'final' : keep;
    case 'return_talk_held':
    case 'departure_date_set':
      return afterRejection.includes(current) ? 'return_in_progress' : keep;
    case 'turned_18':
      return 'turned_18';
    case 'wellbeing_changed':
    case 'school_absence':
    case 'absconded':
    case 'found':
    case 'placement_changed':
    case 'age_assessment':
      return keep;
  }
}
