import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { errorText, errorTitle, isFieldError } from '../errors.ts';
import { Notice } from '../Notice.tsx';
import { shownBy } from '../../../common/errors-shown.ts';
import { hubErrors } from '../../../common/errors-shown-pages.ts';

/** The text for an error on the child page: the hub's own words first, then the app's common ones. */
export function hubErrorText(t: TFunction, error: unknown): string {
  if (isApiError(error) && shownBy(hubErrors, error.code)) return t(`hub.errors.${error.code}`);
  return errorText(t, error);
}

/**
 * Always in the page, so a screen reader announces an error when it appears
 * (a live region added together with its text is often missed).
 */
export function HubErrorRegion({ error, id }: { error: unknown; id?: string }) {
  const { t } = useTranslation();
  return (
    <div role="alert" aria-live="assertive" id={id}>
      {error ? (
        <Notice kind={isFieldError(error) ? 'warning' : 'error'} title={errorTitle(t, error)}>
          <p>{hubErrorText(t, error)}</p>
        </Notice>
      ) : null}
    </div>
  );
}

/** A polite live region for "saved" messages; empty until there is something to say. */
export function SavedRegion({ message }: { message: string | null }) {
  return (
    <p role="status" className="hub-saved">
      {message ? (
        <>
          <span aria-hidden="true">✓ </span>
          {message}
        </>
      ) : null}
    </p>
  );
}
