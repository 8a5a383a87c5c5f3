import type { SharingPurpose } from '../../../common/schemas/sharing.ts';

/**
 * What a registry extract holds, table by table. Every table with a `child_id` column must be a child part or
 * named in `childCoveredElsewhere`, and every table that refers to a user must be a user part or named in
 * `userLeftOut` with its reason: `coverage.test.ts` walks the schema, so a new table cannot be forgotten.
 */
export interface Part {
  /** Section key: the PDF's heading (`records.section.<key>`) and the JSON's `sections[].key`. */
  key: string;
  table: string;
  /** The column naming the subject; for a child's sub-table, the parent it hangs from (`via`). */
  by: string;
  via?: { column: string; parent: string };
  /** Rows the sharing rule guards: a row the requester may not see is listed by category, never shown. */
  guarded?: { owner: string; category: string; purpose: SharingPurpose; only?: string };
}

export const childParts: Part[] = [
  { key: 'child', table: 'children', by: 'id' },
  { key: 'hub', table: 'hub_members', by: 'child_id' },
  { key: 'topics', table: 'topic_assignments', by: 'child_id' },
  { key: 'firstMeeting', table: 'first_meetings', by: 'child_id' },
  { key: 'checklist', table: 'checklist_outcomes', by: 'child_id' },
  {
    key: 'questions',
    table: 'hub_questions',
    by: 'child_id',
    guarded: { owner: 'owner_organisation_id', category: 'category', purpose: 'hub' },
  },
  { key: 'childLinks', table: 'child_links', by: 'child_id' },
  { key: 'plans', table: 'plans', by: 'child_id' },
  { key: 'planVersions', table: 'plan_versions', by: 'child_id' },
  {
    key: 'planEntries',
    table: 'plan_entries',
    by: 'child_id',
    guarded: { owner: 'owning_organisation_id', category: 'category', purpose: 'plan' },
  },
  {
    key: 'planMeasures',
    table: 'plan_measures',
    by: 'child_id',
    guarded: { owner: 'owning_organisation_id', category: 'category', purpose: 'plan' },
  },
  { key: 'planFollowUps', table: 'plan_follow_ups', by: 'plan_id', via: { column: 'child_id', parent: 'plans' } },
  { key: 'planParticipants', table: 'plan_participants', by: 'plan_id', via: { column: 'child_id', parent: 'plans' } },
  { key: 'planMeetings', table: 'plan_meetings', by: 'plan_id', via: { column: 'child_id', parent: 'plans' } },
  { key: 'meetings', table: 'meetings', by: 'child_id' },
  {
    key: 'meetingParticipants',
    table: 'meeting_participants',
    by: 'meeting_id',
    via: { column: 'child_id', parent: 'meetings' },
  },
  { key: 'agenda', table: 'agenda_items', by: 'meeting_id', via: { column: 'child_id', parent: 'meetings' } },
  {
    key: 'minuteAmendments',
    table: 'minute_amendments',
    by: 'meeting_id',
    via: { column: 'child_id', parent: 'meetings' },
  },
  { key: 'decisions', table: 'decisions', by: 'child_id' },
  { key: 'consents', table: 'consents', by: 'child_id' },
  {
    key: 'consentOrganisations',
    table: 'consent_organisations',
    by: 'consent_id',
    via: { column: 'child_id', parent: 'consents' },
  },
  { key: 'legalShares', table: 'legal_shares', by: 'child_id' },
  {
    key: 'besked',
    table: 'besked_entries',
    by: 'child_id',
    guarded: { owner: 'owner_organisation_id', category: 'category', purpose: 'hub' },
  },
  { key: 'beskedLines', table: 'besked_lines', by: 'child_id' },
  { key: 'contradictions', table: 'besked_contradictions', by: 'child_id' },
  // The event itself is hub-wide; only its note is guarded (sharing README).
  {
    key: 'events',
    table: 'child_events',
    by: 'child_id',
    guarded: { owner: 'owner_organisation_id', category: 'category', purpose: 'hub', only: 'note' },
  },
  {
    key: 'childMessages',
    table: 'child_messages',
    by: 'child_id',
    guarded: { owner: 'owner_organisation_id', category: 'category', purpose: 'hub' },
  },
  { key: 'deadlines', table: 'child_deadlines', by: 'child_id' },
  { key: 'notices', table: 'notifications', by: 'child_id' },
  { key: 'extracts', table: 'record_extracts', by: 'child_id' },
  { key: 'legalHolds', table: 'legal_holds', by: 'child_id' },
];

/** Child tables shown otherwise than row by row, and why. */
export const childCoveredElsewhere: Record<string, string> = {
  audit_log: 'shown as the access log: who read or changed the child’s data, when, from which organisation',
  followup_facts:
    'derived monthly counts for the follow-up figures (indicator, month, met or not, hours), rebuilt from the records above; no content of its own',
  retention_anonymised: 'marks a record already anonymised for statistics: such a child has no record left to extract',
};

export const userParts: Part[] = [
  { key: 'account', table: 'users', by: 'id' },
  { key: 'memberships', table: 'memberships', by: 'user_id' },
  { key: 'sessions', table: 'sessions', by: 'user_id' },
  { key: 'loginFailures', table: 'login_failures', by: 'user_id' },
  { key: 'oidcIdentities', table: 'oidc_identities', by: 'user_id' },
  { key: 'invitations', table: 'invitations', by: 'user_id' },
  { key: 'passwordResets', table: 'password_resets', by: 'user_id' },
  { key: 'roleGrants', table: 'role_grants', by: 'user_id' },
  { key: 'hubPlaces', table: 'hub_members', by: 'user_id' },
  { key: 'notices', table: 'notifications', by: 'user_id' },
  { key: 'calendarFeeds', table: 'calendar_feeds', by: 'user_id' },
  { key: 'meetingParticipation', table: 'meeting_participants', by: 'user_id' },
  { key: 'planParticipation', table: 'plan_participants', by: 'user_id' },
  { key: 'routineReads', table: 'routine_reads', by: 'user_id' },
  { key: 'forumFeedback', table: 'forum_feedback', by: 'user_id' },
  { key: 'collaborationPlaces', table: 'collaboration_people', by: 'user_id' },
  { key: 'extracts', table: 'record_extracts', by: 'subject_user_id' },
  { key: 'training', table: 'training_attendance', by: 'user_id' },
];

const authored =
  'names the user only as author or owner of work about a child or the collaboration: that work belongs to the child’s (or the organisation’s) record, and the user’s acts on it are in "own actions" from the audit log';

/** Tables that refer to a user but are not part of the user's extract, and why. */
export const userLeftOut: Record<string, string> = Object.fromEntries(
  [
    'agenda_items',
    'competence_needs',
    'followup_targets',
    'knowledge_articles',
    'process_map_annotations',
    'process_map_links',
    'process_map_versions',
    'process_map_workshops',
    'process_maps',
    'review_samples',
    'review_schedules',
    'training_sessions',
    'agreements',
    'barriers',
    'besked_contradictions',
    'besked_lines',
    'checklist_outcomes',
    'child_messages',
    'child_events',
    'child_links',
    'collaboration_decisions',
    'collaboration_proposals',
    'collaboration_reviews',
    'collaboration_steps',
    'collaboration_tenants',
    'collaborations',
    'consents',
    'decisions',
    'evaluations',
    'forum_questions',
    'governance_sign_offs',
    'governance_versions',
    'hub_questions',
    'legal_shares',
    'meeting_series',
    'meetings',
    'minute_amendments',
    'notice_settings',
    'plan_entries',
    'plan_follow_ups',
    'plan_measures',
    'plan_versions',
    'plans',
    'routine_versions',
    'routines',
  ].map((t) => [t, authored]),
);

/** Columns never written to an extract: secrets and hashes that prove nothing to the person, and stored files. */
export const secretColumns: ReadonlySet<string> = new Set([
  'password_hash',
  'totp_secret',
  'totp_last_step',
  'token_hash',
  'code_hash',
  'session_hash',
  'csrf_token',
  'file',
  'document_bytes',
  // A session's id is the hash of its cookie.
  'sessions.id',
]);
