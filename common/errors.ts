import { z } from 'zod';

/**
 * Every error id the API answers with, and its one HTTP status. The server's `AppError` takes only these ids
 * (type-checked), so a new error is added here first; the client switches on the same ids (`ErrorId`), never on
 * a hand-written copy. `server/test/errors.test.ts` checks that the server uses each id with its status here.
 */
export const errorStatus = {
  // 400: the request is malformed; `validation_failed` names its fields.
  validation_failed: 400,
  invalid_json: 400,
  bad_request: 400,
  event_stream_only: 400,
  last_core_member: 400,
  mail_not_configured: 400,
  secret_key_missing: 400,
  totp_not_enrolled: 400,
  totp_not_started: 400,
  wrong_code: 400,
  // 401
  unauthenticated: 401,
  invalid_credentials: 401,
  // 403: the role or the installation does not allow it.
  forbidden: 403,
  csrf_failed: 403,
  grant_own_request: 403,
  grant_to_self: 403,
  password_login_off: 403,
  // 404: also for what lies outside the actor's scope, so its existence does not leak.
  not_found: 404,
  link_invalid: 404,
  // 409: the request is well formed but the state does not allow it; one shape (`ConflictBody`).
  version_conflict: 409,
  minutes_conflict: 409,
  stale_version: 409,
  already_adopted: 409,
  already_answered: 409,
  already_ended: 409,
  already_escalated: 409,
  already_marked: 409,
  already_member: 409,
  already_needed: 409,
  already_proposed: 409,
  already_signed: 409,
  cannot_disable_self: 409,
  child_closed: 409,
  consent_withdrawn: 409,
  draft_exists: 409,
  email_taken: 409,
  extract_not_ready: 409,
  grant_decided: 409,
  grant_pending: 409,
  invalid_transition: 409,
  last_admin: 409,
  meeting_cancelled: 409,
  meeting_closed: 409,
  meeting_not_closed: 409,
  meeting_not_started: 409,
  membership_ended: 409,
  membership_exists: 409,
  no_adult: 409,
  not_adopted: 409,
  not_current_draft: 409,
  organisation_exists: 409,
  organiser_stays: 409,
  party_ended: 409,
  person_ended: 409,
  plan_adopted: 409,
  plan_ended: 409,
  plan_exists: 409,
  plan_not_adopted: 409,
  possible_duplicate: 409,
  question_settled: 409,
  retention_below_minimum: 409,
  retention_not_proposed: 409,
  retention_stale: 409,
  review_closed: 409,
  review_held: 409,
  review_incomplete: 409,
  series_empty: 409,
  share_ended: 409,
  step_incomplete: 409,
  totp_already_enabled: 409,
  user_disabled: 409,
  version_adopted: 409,
  // 410: a link or file that was good once.
  extract_expired: 410,
  feed_revoked: 410,
  link_expired: 410,
  link_used: 410,
  child_link_revoked: 410,
  child_link_used: 410,
  child_link_burnt: 410,
  child_link_expired: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  login_throttled: 429,
  too_many_messages: 429,
  internal_error: 500,
  mail_failed: 502,
  oidc_unavailable: 502,
  pdf_font_missing: 503,
  database_unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorId = keyof typeof errorStatus;
/** The ids of `errorStatus`, as a zod enum. */
export const ErrorId = /* @__PURE__ */ z.enum(Object.keys(errorStatus) as [ErrorId, ...ErrorId[]]);
/** The ids answered with 409: what `errors.conflict` takes. */
export type ConflictId = { [K in ErrorId]: (typeof errorStatus)[K] extends 409 ? K : never }[ErrorId];

/** One error shape for every failing response of the API. */
export const ErrorBody = /* @__PURE__ */ z.object({
  /** Stable snake_case id a client can switch on. */
  error: ErrorId,
  /** Human-readable message (English; the client translates by `error`). */
  message: z.string(),
  /** Only for validation errors: which field failed and why. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The one conflict (409) shape: the error body and, for a stale write, what is stored now. */
export const conflictBody = <T extends z.ZodTypeAny>(current: T) => ErrorBody.extend({ current });
