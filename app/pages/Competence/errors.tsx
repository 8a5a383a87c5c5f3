import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { errorText, fieldIssue } from '../../components/errors.ts';
import { Notice } from '../../components/Notice.tsx';

export function competenceErrorText(t: TFunction, error: unknown): string {
  if (isApiError(error, 'stale_version')) return t('competence.errors.stale_version');
  return errorText(t, error);
}

/** A field's message when the server named it (the server's message is English; the field says "check"). */
export const fieldError = (t: TFunction, error: unknown, field: string): string | null =>
  fieldIssue(error, field) ? t('competence.errors.field') : null;

/** Always in the page, so a screen reader hears the error when it appears. */
export function CompetenceError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div role="alert" aria-live="assertive">
      {error ? (
        <Notice kind="error" title={t('errors.title')}>
          <p>{competenceErrorText(t, error)}</p>
        </Notice>
      ) : null}
    </div>
  );
}

/** A list of checkboxes in a fieldset: roles, parties, attendees. */
export function CheckList({
  legend,
  options,
  value,
  onChange,
  error,
}: {
  legend: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (v: string[]) => void;
  error?: string | null;
}) {
  const toggle = (v: string) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  return (
    <fieldset className={['fieldset', error ? 'field--invalid' : ''].join(' ').trim()}>
      <legend>{legend}</legend>
      {error ? <p className="field__error">{error}</p> : null}
      <ul className="mtg-checklist">
        {options.map((o) => (
          <li key={o.value}>
            <label>
              <input type="checkbox" checked={value.includes(o.value)} onChange={() => toggle(o.value)} /> {o.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
