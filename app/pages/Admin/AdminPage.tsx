import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTenantSettings, useUpdateTenantSettings } from '../../api/admin.ts';
import { ErrorRegion, Loading, Notice } from '../../components/Notice.tsx';
import { useSession } from '../../components/RequireSession.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';

/** The tenant admin's overview: where to manage what, and the tenant's login rule. */
export function AdminPage() {
  const { t } = useTranslation();
  const me = useSession();
  useDocumentTitle(t('admin.title'));
  return (
    <div className="page">
      <h1>{t('admin.title')}</h1>
      <p className="lead">{t('admin.intro', { tenant: me.tenant.name })}</p>
      <ul className="link-list link-list--large">
        <li>
          <Link to="/admin/users">{t('admin.usersLink')}</Link>
        </li>
        <li>
          <Link to="/admin/organisations">{t('admin.organisationsLink')}</Link>
        </li>
        <li>
          <Link to="/admin/identity">{t('identity.admin.link')}</Link>
        </li>
        <li>
          <Link to="/admin/grants">{t('grants.link')}</Link>
        </li>
        <li>
          <Link to="/admin/notices">{t('noticeSettings.link')}</Link>
        </li>
        <li>
          <Link to="/admin/retention">{t('logRetention.retentionLink')}</Link>
        </li>
        {me.abilities.readAuditLog ? (
          <li>
            <Link to="/audit/reviews">{t('start.reviewsLink')}</Link>
          </li>
        ) : null}
      </ul>
      <TenantSettingsForm />
    </div>
  );
}

function TenantSettingsForm() {
  const { t } = useTranslation();
  const settings = useTenantSettings();
  const update = useUpdateTenantSettings();
  const [requireTotp, setRequireTotp] = useState<boolean | null>(null);
  const [saved, setSaved] = useState(false);
  const current = requireTotp ?? settings.data?.requireTotp ?? false;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    update.mutate({ requireTotp: current }, { onSuccess: () => setSaved(true) });
  };

  return (
    <section className="panel" aria-labelledby="login-settings-heading">
      <h2 id="login-settings-heading">{t('admin.loginTitle')}</h2>
      <ErrorRegion error={settings.error ?? update.error} />
      {settings.isPending ? <Loading /> : null}
      {settings.data ? (
        <form className="form" onSubmit={submit}>
          <div role="status">
            {saved ? (
              <Notice kind="success">
                <p>{t('admin.settingsSaved')}</p>
              </Notice>
            ) : null}
          </div>
          <div className="checkbox">
            <input
              id="require-totp"
              type="checkbox"
              checked={current}
              onChange={(e) => setRequireTotp(e.target.checked)}
              aria-describedby="require-totp-hint"
            />
            <label htmlFor="require-totp">{t('admin.requireTotp')}</label>
          </div>
          <p className="field__hint" id="require-totp-hint">
            {t('admin.requireTotpHint')}
          </p>
          <button type="submit" className="button" disabled={update.isPending}>
            {t('admin.saveSettings')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
