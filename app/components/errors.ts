import type { TFunction } from 'i18next';
import { isApiError } from '../api/client.ts';
import { commonErrors, shownBy } from '../../common/errors-shown.ts';

/** The user-facing text for any error: translated by the server's error id, never its English message. */
export function errorText(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.generic');
  if (error.status === 0) return t('errors.network');
  if (error.status === 429) {
    const minutes = error.retryAfter ? Math.max(1, Math.ceil(error.retryAfter / 60)) : null;
    const base = isApiError(error, 'login_throttled')
      ? t('errors.codes.login_throttled')
      : t('errors.codes.too_many_requests');
    return minutes ? `${base} ${t('errors.retryAfter', { count: minutes })}` : base;
  }
  if (shownBy(commonErrors, error.code)) return t(`errors.codes.${error.code}`);
  if (error.status >= 500) return t('errors.server');
  return t('errors.generic');
}

/** The issue for one field, if the server named it (paths look like `body.email`). */
export function fieldIssue(error: unknown, field: string): boolean {
  return isApiError(error) && error.hasIssue(field);
}

/**
 * A 400 that names its fields is the user's to fix, not a failure: it is headed "check the fields",
 * and "something went wrong" is kept for what really failed.
 */
export function isFieldError(error: unknown): boolean {
  return isApiError(error) && error.status === 400 && error.issues.length > 0;
}

/** The heading over an error: "check the fields" for a 400 with field issues, else "something went wrong". */
export function errorTitle(t: TFunction, error: unknown): string {
  return isFieldError(error) ? t('fieldCheck.title') : t('errors.title');
}
