import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Missing } from '../../../common/schemas/collaboration-roadmap.ts';
import { isApiError } from '../../api/client.ts';
import { errorText, fieldIssue } from '../../components/errors.ts';
import { Notice } from '../../components/Notice.tsx';
import { shownBy } from '../../../common/errors-shown.ts';
import { collaborationErrors } from '../../../common/errors-shown-pages.ts';

export function collabErrorText(t: TFunction, error: unknown): string {
  if (isApiError(error) && shownBy(collaborationErrors, error.code))
    return t(`collaborationSetup.errors.${error.code}`);
  return errorText(t, error);
}

/** A field's message when the server named it. */
export const fieldError = (t: TFunction, error: unknown, field: string): string | null =>
  fieldIssue(error, field) ? t('collaborationSetup.errors.field') : null;

/** Always in the page, so a screen reader hears the error when it appears. */
export function CollabError({ error, missing }: { error: unknown; missing?: Missing[] }) {
  const { t } = useTranslation();
  return (
    <div role="alert" aria-live="assertive">
      {error ? (
        <Notice kind="error" title={t('errors.title')}>
          <p>{collabErrorText(t, error)}</p>
          {missing && missing.length > 0 ? (
            <ul>
              {missing.map((m, i) => (
                <li key={i}>{t(`collaborationSetup.missing.${m.what}`, { name: m.name ?? '' })}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
    </div>
  );
}
