import { useTranslation } from 'react-i18next';
import { useTotp } from '../../api/auth.ts';
import { CodeForm } from './CodeForm.tsx';

/** Second step for a user with an authenticator: the current code. */
export function TotpStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const totp = useTotp();
  return (
    <>
      <p>{t('login.totpIntro')}</p>
      <CodeForm
        submitLabel={t('login.verify')}
        pending={totp.isPending}
        error={totp.error}
        onSubmit={(code) => totp.mutate({ code }, { onSuccess: onDone })}
      />
    </>
  );
}
