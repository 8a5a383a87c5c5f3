import { z } from 'zod';
import type { ErrorId } from './errors.ts';

/** The type of an error id, for the client to name one: a misspelt id does not compile. */
export type { ErrorId };

/*
 * What the client needs of the error list, apart from it: the server's list (`errors.ts`, every id with its
 * status) stays out of the first load; only its type is shared here.
 */

/**
 * An error body as the client reads it: the id as a plain string, so a newer server's id still brings its
 * message and field issues (shown with the shared texts) instead of failing to parse.
 */
export const ReceivedError = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ReceivedError = z.infer<typeof ReceivedError>;

/**
 * The ids the client has its own words for, per place: `i18nKey` names the texts (sv and en, checked by
 * `common/errors.test.ts`). Ids not listed fall back to the shared texts (`errors.generic`, `errors.server`).
 */
export const errorsShownBy = {
  common: {
    i18nKey: 'errors.codes',
    ids: [
      'invalid_credentials',
      'login_throttled',
      'too_many_requests',
      'unauthenticated',
      'forbidden',
      'not_found',
      'csrf_failed',
      'validation_failed',
      'totp_already_enabled',
      'totp_not_enrolled',
      'totp_not_started',
      'email_taken',
      'organisation_exists',
      'last_admin',
      'membership_exists',
      'membership_ended',
      'cannot_disable_self',
      'password_login_off',
    ],
  },
  hub: {
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
  },
  plans: {
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
  },
  meetings: {
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
  },
  collaboration: {
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
  },
  grants: {
    i18nKey: 'grants.errors',
    ids: ['grant_to_self', 'grant_own_request', 'grant_pending', 'grant_decided', 'user_disabled'],
  },
  retention: {
    i18nKey: 'retention.errors',
    ids: ['retention_stale', 'retention_below_minimum', 'retention_not_proposed'],
  },
  sampledReview: {
    i18nKey: 'retention.sampled.errors',
    ids: ['review_incomplete', 'review_closed'],
  },
  identity: {
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
  },
} as const satisfies Record<string, { i18nKey: string; ids: readonly ErrorId[] }>;

export type ErrorPlace = keyof typeof errorsShownBy;
/** The ids a place has words for. */
export type ShownBy<P extends ErrorPlace> = (typeof errorsShownBy)[P]['ids'][number];

/** Whether the place has its own words for this id. */
export function shownBy<P extends ErrorPlace>(place: P, code: string): code is ShownBy<P> {
  return (errorsShownBy[place].ids as readonly string[]).includes(code);
}
