import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { meQuery, useMe, useSaveLocale } from '../../api/auth.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { changeLocale, isLocale, storedLocale, storeLocale } from '../../i18n.ts';
import { loginStateOf } from '../../session.ts';
import { EnrollStep } from './EnrollStep.tsx';
import { ForgotPasswordLink, OidcLogin } from './OidcLogin.tsx';
import { PasswordStep } from './PasswordStep.tsx';
import { TotpStep } from './TotpStep.tsx';

type Step = 'password' | 'totp' | 'enroll';

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const saveLocale = useSaveLocale();
  const { from, reason } = loginStateOf(location.state);
  const [step, setStep] = useState<Step>('password');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const me = useMe();

  const title = { password: t('login.title'), totp: t('login.totpTitle'), enroll: t('login.enrollTitle') }[step];
  useDocumentTitle(title);

  // A new step is new content: put focus on its heading so it is read out.
  useEffect(() => {
    if (step !== 'password') headingRef.current?.focus();
  }, [step]);

  /** Logged in: the device's language choice wins, else the account's; then go on. */
  const finish = async () => {
    const account = await queryClient.fetchQuery(meQuery);
    const device = storedLocale();
    if (device && device !== account.user.locale) saveLocale.mutate(device);
    if (!device && isLocale(account.user.locale)) {
      storeLocale(account.user.locale);
      await changeLocale(account.user.locale);
    }
    await navigate(from ?? '/', { replace: true });
  };

  // Already logged in (a bookmark to /login, the back button): nothing to do here.
  if (me.data && step === 'password') return <Navigate to={from ?? '/'} replace />;

  return (
    <div className="login">
      <header className="login__header">
        <p className="login__brand">{t('app.name')}</p>
        <LanguageSwitch loggedIn={false} />
      </header>
      <main id="main" className="login__main">
        <h1 ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        {step === 'password' ? <p className="login__tagline">{t('app.tagline')}</p> : null}
        {reason && step === 'password' ? (
          <div role="status">
            <Notice kind={reason === 'expired' ? 'warning' : 'success'}>
              <p>{t(`login.reason.${reason}`)}</p>
            </Notice>
          </div>
        ) : null}
        {step === 'password' ? <OidcLogin /> : null}
        {step === 'password' ? (
          <PasswordStep
            onDone={(stage) => {
              if (stage === 'done') void finish();
              else setStep(stage === 'totp' ? 'totp' : 'enroll');
            }}
          />
        ) : null}
        {step === 'password' ? <ForgotPasswordLink /> : null}
        {step === 'totp' ? <TotpStep onDone={() => void finish()} /> : null}
        {step === 'enroll' ? <EnrollStep onDone={() => void finish()} /> : null}
      </main>
    </div>
  );
}
