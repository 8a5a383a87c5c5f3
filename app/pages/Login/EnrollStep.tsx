import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useTotpConfirm, useTotpEnroll } from '../../api/auth.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { CodeForm } from './CodeForm.tsx';

/** "ABCD EFGH …": a long secret is easier to type in groups of four. */
export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

/** The tenant requires two-factor login and this user has no authenticator yet: set one up. */
export function EnrollStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const enroll = useTotpEnroll();
  const confirm = useTotpConfirm();
  const started = useRef(false);
  const { mutate: startEnroll } = enroll;

  // Ask for a secret once; a ref survives React's development double-run of effects.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    startEnroll();
  }, [startEnroll]);

  return (
    <>
      <p>{t('login.enrollIntro')}</p>
      <ErrorRegion error={enroll.error} />
      {enroll.isPending ? <Loading /> : null}
      {enroll.data ? (
        <>
          <ol className="steps">
            <li>{t('login.enrollStep1')}</li>
            <li>
              {t('login.enrollStep2')}
              <p className="secret">
                <code className="code code--secret">{groupSecret(enroll.data.secret)}</code>
              </p>
              <p className="field__hint">
                {t('login.enrollOnPhone')} <a href={enroll.data.uri}>{t('login.enrollOpenApp')}</a>
              </p>
            </li>
            <li>{t('login.enrollStep3')}</li>
          </ol>
          <CodeForm
            submitLabel={t('login.enrollConfirm')}
            pending={confirm.isPending}
            error={confirm.error}
            onSubmit={(code) => confirm.mutate({ code }, { onSuccess: onDone })}
          />
        </>
      ) : null}
    </>
  );
}
