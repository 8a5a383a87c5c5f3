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
 * A place of the client with its own words for some ids: `i18nKey` names the texts (sv and en, checked by
 * `common/errors.test.ts`). Ids a place does not list fall back to the shared texts (`errors.generic`,
 * `errors.server`).
 */
export interface ErrorPlace {
  readonly i18nKey: string;
  readonly ids: readonly ErrorId[];
}

// The first load's place; the pages' places are in `errors-shown-pages.ts`, so their lists load with them.
export const commonErrors = {
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
} as const satisfies ErrorPlace;

/** Whether the place has its own words for this id. */
export function shownBy<P extends ErrorPlace>(place: P, code: string): code is P['ids'][number] {
  return (place.ids as readonly string[]).includes(code);
}
