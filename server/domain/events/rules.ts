import { eq } from 'drizzle-orm';
import {
  eventTypes,
  RoutingRule,
  type EventType,
  type NoticeSettings,
  type RoutingRule as Rule,
} from '../../../common/schemas/events.ts';
import type { Db } from '../../db/connect.ts';
import { noticeSettings } from './tables.ts';

const core = (urgency: 'immediate' | 'normal'): Rule['notify'] => [
  { audience: 'social_worker', urgency },
  { audience: 'god_man', urgency },
  { audience: 'contact_person', urgency },
];

/** A rejection must reach the social worker at once; the rest of the core three need to know too. */
const rejection: Rule = {
  notify: [
    { audience: 'social_worker', urgency: 'immediate' },
    { audience: 'god_man', urgency: 'normal' },
    { audience: 'contact_person', urgency: 'normal' },
  ],
  escalate: true,
  propose: ['hub_meeting', 'isip'],
};

/**
 * The defaults every tenant starts from, from the guide: a rejection goes to
 * the social worker at once and escalates; a changed wellbeing gathers the hub;
 * a child who absconds concerns the manager too.
 */
export const defaultRules: Record<EventType, Rule> = {
  asylum_granted: { notify: core('normal'), escalate: false, propose: [] },
  asylum_rejected: rejection,
  asylum_rejected_removal: rejection,
  appeal_filed: { notify: core('normal'), escalate: false, propose: [] },
  decision_final: { notify: core('normal'), escalate: false, propose: [] },
  return_talk_held: { notify: core('normal'), escalate: false, propose: [] },
  departure_date_set: { notify: core('normal'), escalate: false, propose: [] },
  wellbeing_changed: {
    notify: [
      ...core('normal'),
      { audience: 'school_health', urgency: 'normal' },
      { audience: 'child_psychiatry', urgency: 'normal' },
    ],
    escalate: false,
    propose: ['hub_meeting'],
  },
  school_absence: { notify: core('normal'), escalate: false, propose: [] },
  absconded: {
    notify: [...core('immediate'), { audience: 'manager', urgency: 'immediate' }],
    escalate: false,
    propose: [],
  },
  found: { notify: [...core('normal'), { audience: 'manager', urgency: 'normal' }], escalate: false, propose: [] },
  placement_changed: {
    notify: [...core('normal'), { audience: 'school_mentor', urgency: 'normal' }],
    escalate: false,
    propose: [],
  },
  age_assessment: {
    notify: [
      { audience: 'social_worker', urgency: 'normal' },
      { audience: 'god_man', urgency: 'normal' },
    ],
    escalate: false,
    propose: [],
  },
  turned_18: { notify: core('normal'), escalate: false, propose: [] },
};

export const defaultSettings = { usesIsip: false, escalationWorkingHours: 4 } as const;

/** The tenant's rules: stored overrides on top of the defaults. A stored rule that no longer parses falls back. */
export async function effectiveSettings(tx: Db, tenantId: string): Promise<NoticeSettings> {
  const [row] = await tx.select().from(noticeSettings).where(eq(noticeSettings.tenantId, tenantId));
  const rules = {} as Record<EventType, Rule>;
  for (const type of eventTypes) {
    const stored = RoutingRule.safeParse(row?.rules[type]);
    rules[type] = stored.success ? stored.data : defaultRules[type];
  }
  return {
    usesIsip: row?.usesIsip ?? defaultSettings.usesIsip,
    escalationWorkingHours: row?.escalationWorkingHours ?? defaultSettings.escalationWorkingHours,
    rules,
  };
}
