import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCompleteReset, useResetCheck } from '../../api/identity.ts';
import { Loading, Notice } from '../../components/Notice.tsx';
import { NewPasswordForm } from './NewPasswordForm.tsx';
import { PublicFrame, tokenFromHash, useIdentityErrorText } from './PublicFrame.tsx';

/** The reset link's page: checks the link, then takes the new password. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const errorText = useIdentityErrorText();
  const token = tokenFromHash(useLocation().hash);
  const check = useResetCheck(token);
  const complete = useCompleteReset();

  return (
    <PublicFrame title={t('identity.reset.title')}>
      {check.isLoading ? <Loading /> : null}
      <div role="status">
        {complete.isSuccess ? (
          <Notice kind="success">
            <p>{t('identity.reset.done')}</p>
          </Notice>
        ) : null}
      </div>
      {check.error || !token ? (
        <div role="alert">
          <Notice kind="error" title={t('errors.title')}>
            <p>{token ? errorText(check.error) : t('identity.errors.link_invalid')}</p>
          </Notice>
          <p>
            <Link to="/forgot-password">{t('identity.reset.newLink')}</Link>
          </p>
        </div>
      ) : null}
      {check.isSuccess && !complete.isSuccess ? (
        <NewPasswordForm
          label={t('identity.reset.password')}
          submitLabel={t('identity.reset.submit')}
          pending={complete.isPending}
          error={complete.error}
          onSubmit={(password) => complete.mutate({ token, password })}
        />
      ) : null}
      <p>
        <Link to="/login">{t('identity.reset.toLogin')}</Link>
      </p>
    </PublicFrame>
  );
}
