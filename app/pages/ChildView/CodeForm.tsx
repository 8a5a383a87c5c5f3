import { useId, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client.ts';
import { useRedeem } from '../../api/childView.ts';
import type { ChildKey, ChildT } from './childText.ts';
import { isSixDigits, normaliseCode } from './digits.ts';

/** What went wrong, in the child's words; `dead` when the link can no longer be used at all. */
function problemOf(error: unknown): { keys: ChildKey[]; dead: boolean } {
  if (!isApiError(error)) return { keys: ['page.loadError'], dead: false };
  switch (error.code) {
    case 'wrong_code':
      return { keys: ['code.errors.wrongCode'], dead: false };
    case 'validation_failed':
      return { keys: ['code.errors.format'], dead: false };
    case 'too_many_requests':
      return { keys: ['code.errors.tooManyTries'], dead: false };
    case 'child_link_used':
      return { keys: ['code.errors.linkUsed', 'code.errors.askForNew'], dead: true };
    case 'child_link_expired':
      return { keys: ['code.errors.linkExpired', 'code.errors.askForNew'], dead: true };
    case 'child_link_burnt':
      return { keys: ['code.errors.tooManyTries', 'code.errors.askForNew'], dead: true };
    default:
      // Withdrawn, unknown or malformed link: nothing the child can fix but to ask for a new one.
      if (error.status === 410 || error.status === 404 || error.status === 401)
        return { keys: ['code.errors.askForNew'], dead: true };
      return { keys: ['page.loadError'], dead: false };
  }
}

interface CodeFormProps {
  t: ChildT;
  token: string;
  onRedeemed: () => void;
}

/** The one-time code from the adult who handed over the link. Any phone's digits are accepted. */
export function CodeForm({ t, token, onRedeemed }: CodeFormProps) {
  const redeem = useRedeem();
  const [code, setCode] = useState('');
  const [formatError, setFormatError] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const problem = redeem.error ? problemOf(redeem.error) : null;
  const messages: ChildKey[] = formatError ? ['code.errors.format'] : (problem?.keys ?? []);
  const invalid = messages.length > 0 && !problem?.dead;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const normalised = normaliseCode(code);
    if (!isSixDigits(normalised)) {
      setFormatError(true);
      redeem.reset();
      inputRef.current?.focus();
      return;
    }
    setFormatError(false);
    redeem.mutate(
      { token, code: normalised },
      {
        onSuccess: onRedeemed,
        onError: () => {
          setCode('');
          inputRef.current?.focus();
        },
      },
    );
  };

  return (
    <>
      <h1 className="cv-title">{t('code.title')}</h1>
      <p className="cv-lead">{t('code.intro')}</p>
      <div role="alert" aria-live="assertive" className="cv-alert-region">
        {messages.length > 0 ? (
          <div className="cv-alert" id={`${id}-error`}>
            <span aria-hidden="true" className="cv-alert__icon">
              ⚠
            </span>
            <div>
              {messages.map((key) => (
                <p key={key}>{t(key)}</p>
              ))}
            </div>
          </div>
        ) : null}
      </div>
      {problem?.dead ? null : (
        <form className="cv-form" onSubmit={submit} noValidate>
          <label htmlFor={id} className="cv-label">
            {t('code.label')}
          </label>
          <p id={`${id}-hint`} className="cv-hint">
            {t('code.hint')}
          </p>
          <input
            ref={inputRef}
            id={id}
            className="cv-code-input"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            dir="ltr"
            maxLength={12}
            value={code}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" className="cv-button" disabled={redeem.isPending}>
            {t('code.submit')}
          </button>
        </form>
      )}
    </>
  );
}
