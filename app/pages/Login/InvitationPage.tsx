import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAcceptInvitation, useInvitationInfo, useLinkInvitation } from '../../api/identity.ts';
import { Loading, Notice } from '../../components/Notice.tsx';
import { NewPasswordForm } from './NewPasswordForm.tsx';
import { PublicFrame, tokenFromHash, useIdentityErrorText } from './PublicFrame.tsx';

/** An invitation link: the invitee chooses a password or links their organisation's login. */
export function InvitationPage() {
  const { t } = useTranslation();
  const errorText = useIdentityErrorText();
  const token = tokenFromHash(useLocation().hash);
  const info = useInvitationInfo(token);
  const accept = useAcceptInvitation();
  const link = useLinkInvitation();
  const data = info.data;

  return (
    <PublicFrame title={t('identity.invite.title')}>
      {info.isLoading ? <Loading /> : null}
      <div role="status">
        {accept.isSuccess ? (
          <Notice kind="success">
            <p>{t('identity.invite.done')}</p>
          </Notice>
        ) : null}
      </div>
      {info.error || !token ? (
        <div role="alert">
          <Notice kind="error" title={t('errors.title')}>
            <p>{token ? errorText(info.error) : t('identity.errors.link_invalid')}</p>
          </Notice>
        </div>
      ) : null}
      {data && !accept.isSuccess ? (
        <>
          <p>{t('identity.invite.intro', { name: data.displayName, tenant: data.tenantName, email: data.email })}</p>
          {data.oidc ? (
            <section aria-labelledby="invite-link-heading">
              <h2 id="invite-link-heading">{t('identity.invite.linkTitle')}</h2>
              <p>{t('identity.invite.linkIntro')}</p>
              <div role="alert">
                {link.error ? (
                  <Notice kind="error" title={t('errors.title')}>
                    <p>{errorText(link.error)}</p>
                  </Notice>
                ) : null}
              </div>
              <button
                type="button"
                className="button"
                disabled={link.isPending}
                onClick={() =>
                  link.mutate(token, {
                    onSuccess: (res) => window.location.assign(res.url),
                  })
                }
              >
                {t('identity.invite.linkButton')}
              </button>
            </section>
          ) : null}
          {data.passwordLogin ? (
            <section aria-labelledby="invite-password-heading">
              <h2 id="invite-password-heading">{t('identity.invite.choosePassword')}</h2>
              <NewPasswordForm
                label={t('identity.reset.password')}
                submitLabel={t('identity.invite.submit')}
                pending={accept.isPending}
                error={accept.error}
                onSubmit={(password) => accept.mutate({ token, password })}
              />
            </section>
          ) : (
            <p>{t('identity.invite.passwordOff')}</p>
          )}
        </>
      ) : null}
      <p>
        <Link to="/login">{t('identity.reset.toLogin')}</Link>
      </p>
    </PublicFrame>
  );
}
