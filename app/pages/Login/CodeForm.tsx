import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssue } from '../../components/errors.ts';
import { Field } from '../../components/Field.tsx';
import { ErrorRegion } from '../../components/Notice.tsx';

interface CodeFormProps {
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (code: string) => void;
}

/** A six-digit code from an authenticator app, checked for shape before it is sent. */
export function CodeForm({ submitLabel, pending, error, onSubmit }: CodeFormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setLocalError(t('login.errors.codeFormat'));
      inputRef.current?.focus();
      return;
    }
    setLocalError(null);
    onSubmit(digits);
  };

  // The server names `body.code` only when the code was well-formed but wrong.
  const serverFieldError = fieldIssue(error, 'code') ? t('login.errors.codeWrong') : null;
  return (
    <>
      <ErrorRegion error={error && !serverFieldError ? error : null} />
      <form className="form" onSubmit={submit} noValidate>
        <Field
          ref={inputRef}
          label={t('login.code')}
          hint={t('login.codeHint')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          className="field--code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={localError ?? serverFieldError}
        />
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}
