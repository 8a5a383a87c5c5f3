import type { TimelineAction, TimelineDetail } from '../../../common/schemas/children.ts';

/**
 * What a timeline entry is about, which decides who sees it:
 * - `hub`: hub-wide by nature (the record, the hub's people, the first meeting, the child's links, that an
 *   event happened and the asylum status it set): every reader of the timeline sees it.
 * - `hub_question`: a hub question, guarded by the sharing rule (purpose `hub`): the entry appears only to a
 *   reader who may see that question today, judged on the question as it is now.
 *
 * A guarded kind added here needs its join and columns in `timeline.ts` (the switch there is exhaustive).
 */
export type TimelineSubject = 'hub' | 'hub_question';

export interface TimelineEntryRule {
  about: TimelineSubject;
  /** The detail keys this action may show: names, roles, kinds and dates, never the free text of an item. */
  keys: readonly (keyof TimelineDetail)[];
}

/**
 * Every action that reaches the timeline, with its decision. Typed by `TimelineAction`, so an action added to
 * `timelineActions` without a decision does not compile, and the timeline tests walk this list.
 */
export const timelineEntries = {
  'child.created': { about: 'hub', keys: [] },
  'child.updated': { about: 'hub', keys: ['fields', 'asylumStatus'] },
  'child.closed': { about: 'hub', keys: ['reason'] },
  'hub.member_added': { about: 'hub', keys: ['hubRole', 'memberName'] },
  'hub.member_ended': { about: 'hub', keys: ['hubRole', 'memberName', 'replacementName', 'lastDay'] },
  'hub.agreement_updated': { about: 'hub', keys: ['hubRole', 'memberName'] },
  'hub.topic_assigned': { about: 'hub', keys: ['topic', 'responsibleName'] },
  'hub.first_meeting_proposed': { about: 'hub', keys: ['proposedOn'] },
  'hub.first_meeting_updated': { about: 'hub', keys: ['proposedOn'] },
  // The item is a checklist key; the outcome's note never reaches the log.
  'hub.checklist_recorded': { about: 'hub', keys: ['item', 'done'] },
  'hub.question_created': { about: 'hub_question', keys: ['status', 'topic'] },
  // Never a drop reason: older rows carry one in the log, and it is the question's own text.
  'hub.question_updated': { about: 'hub_question', keys: ['status', 'fields'] },
  'child_link.created': { about: 'hub', keys: [] },
  'child_link.revoked': { about: 'hub', keys: [] },
  'child_link.redeemed': { about: 'hub', keys: [] },
  'child_link.burnt': { about: 'hub', keys: [] },
  // The event is hub-wide (sharing README); its guarded note is never in the log's detail.
  'event.recorded': { about: 'hub', keys: ['eventType', 'asylumStatus'] },
} as const satisfies Record<TimelineAction, TimelineEntryRule>;

export const actionsAbout = (about: TimelineSubject): TimelineAction[] =>
  (Object.keys(timelineEntries) as TimelineAction[]).filter((a) => timelineEntries[a].about === about);

/** The keys of a row's detail that its action may show. */
export function pickDetail(action: TimelineAction, raw: Record<string, unknown>): Record<string, unknown> {
  const keys: readonly string[] = timelineEntries[action].keys;
  return Object.fromEntries(Object.entries(raw).filter(([k]) => keys.includes(k)));
}
