import type { TFunction } from 'i18next';
import { isApiError } from '../api/client.ts';

/** Error ids the server sends that the client has its own words for. */
const knownCodes = [
  'invalid_credentials',
  'account_locked',
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
] as const;
type KnownCode = (typeof knownCodes)[number];

function isKnown(code: string): code is KnownCode {
  return (knownCodes as readonly string[]).includes(code);
}

/** The user-facing text for any error: translated by the server's error id, never its English message. */
export function errorText(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.generic');
  if (error.status === 0) return t('errors.network');
  if (error.status === 429) {
    const minutes = error.retryAfter ? Math.max(1, Math.ceil(error.retryAfter / 60)) : null;
    const base =
      error.code === 'account_locked' ? t('errors.codes.account_locked') : t('errors.codes.too_many_requests');
    return minutes ? `${base} ${t('errors.retryAfter', { count: minutes })}` : base;
  }
  if (isKnown(error.code)) return t(`errors.codes.${error.code}`);
  if (error.status >= 500) return t('errors.server');
  return t('errors.generic');
}

/** The issue for one field, if the server named it (paths look like `body.email`). */
export function fieldIssue(error: unknown, field: string): boolean {
  return isApiError(error) && error.hasIssue(field);
}
