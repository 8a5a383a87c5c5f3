import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { limits } from '../../../common/limits.ts';
import { useRequestReset } from '../../api/identity.ts';
import { Field } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PublicFrame, useIdentityErrorText } from './PublicFrame.tsx';

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const errorText = useIdentityErrorText();
  const request = useRequestReset();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim()) {
      setError(t('identity.forgot.emailRequired'));
      return emailRef.current?.focus();
    }
    setError(null);
    request.mutate(email.trim());
  };

  return (
    <PublicFrame title={t('identity.forgot.title')}>
      <div role="status">
        {request.isSuccess ? (
          <Notice kind="success">
            <p>{t('identity.forgot.sent')}</p>
          </Notice>
        ) : null}
      </div>
      <div role="alert">
        {request.error ? (
          <Notice kind="error" title={t('errors.title')}>
            <p>{errorText(request.error)}</p>
          </Notice>
        ) : null}
      </div>
      {!request.isSuccess ? (
        <>
          <p>{t('identity.forgot.intro')}</p>
          <form className="form" onSubmit={submit} noValidate>
            <Field
              ref={emailRef}
              label={t('identity.forgot.email')}
              type="email"
              name="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={error}
              maxLength={limits.emailMax}
            />
            <button type="submit" className="button" disabled={request.isPending}>
              {t('identity.forgot.submit')}
            </button>
          </form>
        </>
      ) : null}
      <p>
        <Link to="/login">{t('identity.forgot.back')}</Link>
      </p>
    </PublicFrame>
  );
}
