import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentState } from '../../../common/schemas/consent.ts';
import { isApiError } from '../../api/client.ts';
import { errorText, errorTitle, isFieldError } from '../errors.ts';
import { Notice } from '../Notice.tsx';
import { shownBy } from '../../../common/errors-shown.ts';
import { planErrors } from '../../../common/errors-shown-pages.ts';

/**
 * Always in the page, so a screen reader announces an error when it appears.
 * A 400 says which parts are missing, beside each input; here only the summary.
 */
export function PlanErrorRegion({ error }: { error: unknown }) {
  const { t } = useTranslation();
  let text: string | null = null;
  if (error) {
    if (isApiError(error) && shownBy(planErrors, error.code)) text = t(`plans.errors.${error.code}`);
    else if (isApiError(error) && error.status === 400) text = t('plans.errors.validation');
    else text = errorText(t, error);
  }
  return (
    <div role="alert" aria-live="assertive">
      {text ? (
        <Notice kind={isFieldError(error) ? 'warning' : 'error'} title={errorTitle(t, error)}>
          <p>{text}</p>
        </Notice>
      ) : null}
    </div>
  );
}

/** A polite "saved" message; empty until there is something to say. */
export function Saved({ message }: { message: string | null }) {
  return (
    <p role="status" className="plan-saved">
      {message ? (
        <>
          <span aria-hidden="true">✓ </span>
          {message}
        </>
      ) : null}
    </p>
  );
}

/** A consent's state in words (and a mark), never by colour alone. */
export function ConsentStateText({ state }: { state: ConsentState }) {
  const { t } = useTranslation();
  const mark = state === 'valid' ? '✓' : '•';
  return (
    <span className={`plan-badge plan-badge--${state}`}>
      <span aria-hidden="true">{mark} </span>
      {t(`consent.state.${state}`)}
    </span>
  );
}

interface CheckboxGroupProps<V extends string> {
  legend: string;
  hint?: ReactNode;
  options: { value: V; label: string }[];
  selected: V[];
  onChange: (next: V[]) => void;
  error?: string | null;
}

/** A fieldset of checkboxes with its legend, hint and error read together. */
export function CheckboxGroup<V extends string>({
  legend,
  hint,
  options,
  selected,
  onChange,
  error,
}: CheckboxGroupProps<V>) {
  const toggle = (v: V) => onChange(selected.includes(v) ? selected.filter((s) => s !== v) : [...selected, v]);
  return (
    <fieldset className={`fieldset plan-fieldset${error ? ' field--invalid' : ''}`}>
      <legend>{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {error ? (
        <p className="field__error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      <ul className="plan-checklist">
        {options.map((o) => (
          <li key={o.value}>
            <label className="checkbox">
              <input type="checkbox" checked={selected.includes(o.value)} onChange={() => toggle(o.value)} />
              <span>{o.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The issue of one field path (e.g. `body.validTo`, `plan.consentId`) in a failed write. */
export function hasIssue(error: unknown, path: string): boolean {
  return isApiError(error) && error.issues.some((i) => i.path === path || i.path.startsWith(`${path}.`));
}
