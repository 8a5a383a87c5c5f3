import { sql, type SQL } from 'drizzle-orm';
import type { RecordType } from '../../../common/schemas/retention.ts';

/**
 * Which rows of one child each record type holds, table by table, in the order they can be deleted
 * (a row before the rows it refers to). `where` is SQL on the table aliased `t`. Every table with a
 * `child_id`, or hanging off one that has, must belong to exactly one type (README.md).
 */
export interface TableOfType {
  table: string;
  where: (childId: string) => SQL;
}

const byChild = (table: string): TableOfType => ({ table, where: (c) => sql`t.child_id = ${c}` });
const ofPlans = (table: string): TableOfType => ({
  table,
  where: (c) => sql`t.plan_id in (select id from plans where child_id = ${c})`,
});
const ofMeetings = (table: string): TableOfType => ({
  table,
  where: (c) => sql`t.meeting_id in (select id from meetings where child_id = ${c})`,
});

export const childTypes: Exclude<RecordType, 'audit' | 'sessions'>[] = [
  'plans',
  'meetings',
  'besked',
  'consents',
  'events',
  'child_links',
  'child',
];

export const TABLES: Record<(typeof childTypes)[number], TableOfType[]> = {
  plans: [
    ofPlans('plan_meetings'),
    ofPlans('plan_participants'),
    ofPlans('plan_follow_ups'),
    ofPlans('plan_measures'),
    ofPlans('plan_entries'),
    byChild('plan_versions'),
    byChild('plans'),
  ],
  meetings: [
    {
      table: 'decisions',
      where: (c) => sql`t.child_id = ${c} or t.meeting_id in (select id from meetings where child_id = ${c})`,
    },
    ofMeetings('agenda_items'),
    ofMeetings('meeting_participants'),
    ofMeetings('minute_amendments'),
    ofMeetings('plan_meetings'),
    ofMeetings('forum_feedback'),
    byChild('meetings'),
  ],
  besked: [byChild('besked_contradictions'), byChild('besked_lines'), byChild('besked_entries')],
  // A consent that a kept plan still names stays until the plan goes.
  consents: [
    byChild('legal_shares'),
    {
      table: 'consent_organisations',
      where: (c) =>
        sql`t.consent_id in (select id from consents where child_id = ${c} and id not in (select consent_id from plans where consent_id is not null))`,
    },
    {
      table: 'consents',
      where: (c) => sql`t.child_id = ${c} and t.id not in (select consent_id from plans where consent_id is not null)`,
    },
  ],
  events: [byChild('child_deadlines'), byChild('child_events'), byChild('notifications')],
  // The child's messages came through a link's session: they go with the links.
  child_links: [byChild('child_messages'), byChild('child_links')],
  // The hub, and last the record itself, which is anonymised rather than deleted (README.md).
  child: [
    byChild('checklist_outcomes'),
    byChild('first_meetings'),
    byChild('hub_questions'),
    byChild('topic_assignments'),
    byChild('record_extracts'),
    byChild('hub_members'),
    { table: 'legal_holds', where: (c) => sql`t.child_id = ${c} and t.released_at is not null` },
    { table: 'children', where: (c) => sql`t.id = ${c}` },
  ],
};

/**
 * Tables about a child, or hanging off a table above, that no record type deletes, and why: the
 * schema walk in `coverage.test.ts` fails on any other, so a new table cannot block a deletion.
 */
export const outsideTypes: Record<string, string> = {
  audit_log: 'has its own record type (audit), cut by age with a signed checkpoint',
  followup_facts:
    'the follow-up roll-up: indicator, month, met or not, hours, no content; kept so that figures already aggregated survive (the child record it joins is anonymised, not deleted)',
  retention_anonymised: 'marks the anonymised record itself, so that a later dry run passes it by',
  forum_questions: 'refers only to forum meetings of the collaboration, which never carry a child',
  routine_versions: 'refers only to forum meetings of the collaboration, which never carry a child',
};
