import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { OidcError } from '../../../common/schemas/identity.ts';
import { useOidcProviders } from '../../api/identity.ts';
import { Notice } from '../../components/Notice.tsx';

/**
 * Beside the password form: the municipalities' identity providers (a plain link, since the browser goes
 * to the provider and back), why the last such login was refused, and the way to a forgotten password.
 */
export function OidcLogin() {
  const { t } = useTranslation();
  const providers = useOidcProviders();
  const [params] = useSearchParams();
  const error = OidcError.safeParse(params.get('oidc_error'));
  const items = providers.data?.items ?? [];
  return (
    <>
      {/* The reason arrives with the page (the provider sent the browser back here), so it is an
          alert from the start; no empty live region beside the password form's own. */}
      {error.success ? (
        <div role="alert">
          <Notice kind="error" title={t('errors.title')}>
            <p>{t(`identity.oidcError.${error.data}`)}</p>
          </Notice>
        </div>
      ) : null}
      {items.length > 0 ? (
        <section aria-labelledby="oidc-login-heading">
          <h2 id="oidc-login-heading">{t('identity.loginTitle')}</h2>
          <ul className="link-list">
            {items.map((p) => (
              <li key={p.tenantId}>
                <a className="button button--secondary" href={`/api/auth/oidc/start?tenant=${p.tenantId}`}>
                  {t('identity.loginWith', { label: p.label, tenant: p.tenantName })}
                </a>
              </li>
            ))}
          </ul>
          <p>{t('identity.or')}</p>
        </section>
      ) : null}
    </>
  );
}

export function ForgotPasswordLink() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/forgot-password">{t('identity.forgotLink')}</Link>
    </p>
  );
}
