import type { ErrorPlace } from './errors-shown.ts';

/*
 * The places of the pages that load on demand (see `ErrorPlace` in `errors-shown.ts`): a module of their own, so
 * their lists of ids travel with those pages and stay out of the first load. `common/errors.test.ts` checks the
 * words of every place exported here.
 */

export const hubErrors = {
  i18nKey: 'hub.errors',
  ids: [
    'already_member',
    'already_ended',
    'last_core_member',
    'child_closed',
    'version_conflict',
    'forbidden',
    'not_found',
  ],
} as const satisfies ErrorPlace;
export const planErrors = {
  i18nKey: 'plans.errors',
  ids: [
    'plan_adopted',
    'plan_ended',
    'plan_not_adopted',
    'plan_exists',
    'consent_withdrawn',
    'share_ended',
    'version_conflict',
    'child_closed',
    'pdf_font_missing',
  ],
} as const satisfies ErrorPlace;
export const meetingErrors = {
  i18nKey: 'meetings.errors',
  ids: [
    'meeting_closed',
    'meeting_cancelled',
    'meeting_not_closed',
    'minutes_conflict',
    'version_conflict',
    'organiser_stays',
    'already_marked',
    'child_closed',
    'forbidden',
    'not_found',
  ],
} as const satisfies ErrorPlace;
export const collaborationErrors = {
  i18nKey: 'collaborationSetup.errors',
  ids: [
    'version_conflict',
    'step_incomplete',
    'draft_exists',
    'version_adopted',
    'not_current_draft',
    'already_signed',
    'invalid_transition',
    'review_held',
    'payload_too_large',
  ],
} as const satisfies ErrorPlace;
export const grantErrors = {
  i18nKey: 'grants.errors',
  ids: ['grant_to_self', 'grant_own_request', 'grant_pending', 'grant_decided', 'user_disabled'],
} as const satisfies ErrorPlace;
export const retentionErrors = {
  i18nKey: 'retention.errors',
  ids: ['retention_stale', 'retention_below_minimum', 'retention_not_proposed'],
} as const satisfies ErrorPlace;
export const sampledReviewErrors = {
  i18nKey: 'retention.sampled.errors',
  ids: ['review_incomplete', 'review_closed'],
} as const satisfies ErrorPlace;
export const identityErrors = {
  i18nKey: 'identity.errors',
  ids: [
    'link_invalid',
    'link_used',
    'link_expired',
    'password_login_off',
    'mail_failed',
    'mail_not_configured',
    'oidc_unavailable',
  ],
} as const satisfies ErrorPlace;
