import type { RecordType } from '../../../common/schemas/retention.ts';

/*
 * The installation's starting points, in months after the case was closed (audit rows and sessions: after
 * the row's own time). They are not law: each municipality's tenant admin sets its own periods from its
 * records-management plan (dokumenthanteringsplan), and the README says so. The minimums are the floor an
 * admin cannot go below in Navet; the audit minimum keeps the log at least five years, as health care does.
 */
export const DEFAULT_MONTHS: Record<RecordType, number> = {
  child: 60,
  plans: 60,
  meetings: 60,
  besked: 24,
  consents: 60,
  events: 24,
  child_links: 1,
  audit: 60,
  sessions: 12,
};

export const MINIMUM_MONTHS: Record<RecordType, number> = {
  child: 12,
  plans: 12,
  meetings: 12,
  besked: 6,
  consents: 12,
  events: 6,
  child_links: 0,
  audit: 60,
  sessions: 1,
};
