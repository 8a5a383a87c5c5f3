import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginResponse } from '../../../common/schemas/auth.ts';
import { useLogin } from '../../api/auth.ts';
import { fieldIssue } from '../../components/errors.ts';
import { Field } from '../../components/Field.tsx';
import { ErrorRegion } from '../../components/Notice.tsx';
import { DemoNotice } from './DemoNotice.tsx';

interface FieldErrors {
  email?: string;
  password?: string;
}

/** First step: e-mail and password. Tells the parent which step comes next. */
export function PasswordStep({ onDone }: { onDone: (stage: LoginResponse['stage']) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    if (!email.trim()) found.email = t('login.errors.emailRequired');
    if (!password) found.password = t('login.errors.passwordRequired');
    setErrors(found);
    if (found.email) return emailRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (res) => onDone(res.stage),
        onError: (err) => {
          setErrors({
            email: fieldIssue(err, 'email') ? t('login.errors.emailInvalid') : undefined,
            password: fieldIssue(err, 'password') ? t('login.errors.passwordInvalid') : undefined,
          });
        },
      },
    );
  };

  // A field error is shown beside the field; the alert carries everything else.
  const generalError = login.error && !fieldIssue(login.error, 'email') && !fieldIssue(login.error, 'password');

  return (
    <>
      <DemoNotice
        onPick={(pickedEmail, pickedPassword) => {
          setEmail(pickedEmail);
          setPassword(pickedPassword);
          passwordRef.current?.focus();
        }}
      />
      <ErrorRegion error={generalError ? login.error : null} />
      <form className="form" onSubmit={submit} noValidate>
        <Field
          ref={emailRef}
          label={t('login.email')}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
          maxLength={254}
        />
        <Field
          ref={passwordRef}
          label={t('login.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        <button type="submit" className="button" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </>
  );
}
