import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../common/limits.ts';
import { fieldIssue } from '../../components/errors.ts';
import { Field } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useIdentityErrorText } from './PublicFrame.tsx';

interface Props {
  label: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (password: string) => void;
}

/** One new password under the password policy; the server's verdict is shown at the field. */
export function NewPasswordForm({ label, submitLabel, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const errorText = useIdentityErrorText();
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const atField = fieldIssue(error, 'password');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const short = password.length < limits.passwordMin;
    setTooShort(short);
    if (short) return ref.current?.focus();
    onSubmit(password);
  };

  return (
    <>
      <div role="alert">
        {error && !atField ? (
          <Notice kind="error" title={t('errors.title')}>
            <p>{errorText(error)}</p>
          </Notice>
        ) : null}
      </div>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          ref={ref}
          label={label}
          hint={t('identity.reset.passwordHint')}
          type="password"
          name="new-password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={tooShort || atField ? t('identity.reset.passwordInvalid') : null}
          maxLength={limits.passwordMax}
        />
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}
