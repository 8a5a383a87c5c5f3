import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Role } from '../../../common/roles.ts';
import type { IdentitySettings, IdentitySettingsBody } from '../../../common/schemas/identity.ts';
import { useIdentitySettings, useInvite, useSaveIdentitySettings } from '../../api/identity.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { fieldIssue } from '../../components/errors.ts';
import { Field } from '../../components/Field.tsx';
import { Loading, Notice } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useIdentityErrorText } from '../Login/PublicFrame.tsx';
import { MembershipFields, type MembershipDraft } from './MembershipFields.tsx';

/** The municipality's identity provider (OIDC), the password switch, and invitations by e-mail. */
export function IdentityPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('identity.admin.title'));
  const settings = useIdentitySettings();
  const errorText = useIdentityErrorText();
  return (
    <div className="page">
      <p>
        <Link to="/admin">{t('admin.back')}</Link>
      </p>
      <h1>{t('identity.admin.title')}</h1>
      <p className="lead">{t('identity.admin.intro')}</p>
      <p>
        {t('identity.admin.callback')} <code>{new URL('/api/auth/oidc/callback', window.location.origin).href}</code>
      </p>
      {settings.isPending ? <Loading /> : null}
      {settings.error ? (
        <div role="alert">
          <Notice kind="error" title={t('errors.title')}>
            <p>{errorText(settings.error)}</p>
          </Notice>
        </div>
      ) : null}
      {settings.data ? <SettingsForm current={settings.data} /> : null}
      <InviteForm />
    </div>
  );
}

type Draft = Omit<IdentitySettingsBody, 'requiredAcr' | 'clientSecret'> & { requiredAcr: string; clientSecret: string };
type TextField = 'issuer' | 'clientId' | 'clientSecret' | 'scopes' | 'requiredAcr' | 'label';

function SettingsForm({ current }: { current: IdentitySettings }) {
  const { t } = useTranslation();
  const errorText = useIdentityErrorText();
  const save = useSaveIdentitySettings();
  const [saved, setSaved] = useState(false);
  const [removeSecret, setRemoveSecret] = useState(false);
  const [draft, setDraft] = useState<Draft>({ ...current, requiredAcr: current.requiredAcr ?? '', clientSecret: '' });
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const issue = (f: string) => (fieldIssue(save.error, f) ? errorText(save.error) : null);
  const generalError =
    save.error &&
    !['issuer', 'clientId', 'clientSecret', 'scopes', 'requiredAcr', 'label', 'passwordLogin'].some((f) =>
      fieldIssue(save.error, f),
    );

  const doSave = () => {
    setSaved(false);
    save.mutate(
      {
        ...draft,
        requiredAcr: draft.requiredAcr.trim() || null,
        clientSecret: removeSecret ? '' : draft.clientSecret || null,
      },
      {
        onSuccess: () => {
          setSaved(true);
          set({ clientSecret: '' });
          setRemoveSecret(false);
        },
      },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    doSave();
  };
  const text = (name: TextField, hint?: string, type = 'text') => (
    <Field
      label={t(`identity.admin.${name}`)}
      hint={hint}
      type={type}
      name={name}
      autoComplete="off"
      value={draft[name]}
      onChange={(e) => set({ [name]: e.target.value })}
      error={issue(name)}
    />
  );
  const checkbox = (name: 'enabled' | 'passwordLogin', hint?: string) => (
    <>
      <div className="checkbox">
        <input
          id={`identity-${name}`}
          type="checkbox"
          checked={draft[name]}
          onChange={(e) => set({ [name]: e.target.checked })}
          aria-describedby={hint ? `identity-${name}-hint` : undefined}
        />
        <label htmlFor={`identity-${name}`}>{t(`identity.admin.${name}`)}</label>
      </div>
      {hint ? (
        <p className="field__hint" id={`identity-${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {issue(name) ? <p className="field__error">{issue(name)}</p> : null}
    </>
  );
  const turningPasswordsOff = current.passwordLogin && !draft.passwordLogin;

  return (
    <section className="panel" aria-labelledby="identity-settings-heading">
      <h2 id="identity-settings-heading">{t('identity.admin.title')}</h2>
      <div role="status">
        {saved ? (
          <Notice kind="success">
            <p>{t('identity.admin.saved')}</p>
          </Notice>
        ) : null}
      </div>
      <div role="alert">
        {generalError ? (
          <Notice kind="error" title={t('errors.title')}>
            <p>{errorText(save.error)}</p>
          </Notice>
        ) : null}
      </div>
      <form className="form" onSubmit={submit} noValidate>
        {checkbox('enabled')}
        {text('issuer', t('identity.admin.issuerHint'), 'url')}
        {text('clientId')}
        {text('clientSecret', t('identity.admin.clientSecretHint'), 'password')}
        {current.hasClientSecret ? (
          <div className="checkbox">
            <input
              id="identity-remove-secret"
              type="checkbox"
              checked={removeSecret}
              onChange={(e) => setRemoveSecret(e.target.checked)}
            />
            <label htmlFor="identity-remove-secret">{t('identity.admin.removeSecret')}</label>
          </div>
        ) : null}
        {text('scopes', t('identity.admin.scopesHint'))}
        {text('requiredAcr', t('identity.admin.requiredAcrHint'))}
        {text('label')}
        {checkbox('passwordLogin', t('identity.admin.passwordLoginHint'))}
        {turningPasswordsOff ? (
          <ConfirmDialog
            trigger={t('identity.admin.save')}
            title={t('identity.admin.passwordLogin')}
            body={t('identity.admin.confirmPasswordOff')}
            confirm={t('identity.admin.save')}
            onConfirm={doSave}
          />
        ) : (
          <button type="submit" className="button" disabled={save.isPending}>
            {t('identity.admin.save')}
          </button>
        )}
      </form>
    </section>
  );
}

function InviteForm() {
  const { t, i18n } = useTranslation();
  const errorText = useIdentityErrorText();
  const invite = useInvite();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [membership, setMembership] = useState<MembershipDraft>({ organisationId: '', role: '' });
  const at = (f: string) => (fieldIssue(invite.error, f) ? errorText(invite.error) : null);
  const generalError =
    invite.error &&
    !['email', 'displayName', 'memberships.0.organisationId', 'memberships.0.role'].some((f) =>
      fieldIssue(invite.error, f),
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate(
      {
        email: email.trim(),
        displayName: displayName.trim(),
        locale: i18n.language === 'en' ? 'en' : 'sv',
        memberships: [{ organisationId: membership.organisationId, role: Role.parse(membership.role) }],
      },
      {
        onSuccess: () => {
          setEmail('');
          setDisplayName('');
        },
      },
    );
  };

  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('identity.admin.inviteTitle')}</h2>
      <p>{t('identity.admin.inviteIntro')}</p>
      <div role="status">
        {invite.data ? (
          <Notice kind="success">
            <p>{t('identity.admin.invited', { email: invite.data.email })}</p>
            {invite.data.awaitingApproval > 0 ? (
              <p>{t('identity.admin.awaitingApproval', { count: invite.data.awaitingApproval })}</p>
            ) : null}
          </Notice>
        ) : null}
      </div>
      <div role="alert">
        {generalError ? (
          <Notice kind="error" title={t('errors.title')}>
            <p>{errorText(invite.error)}</p>
          </Notice>
        ) : null}
      </div>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label={t('identity.admin.displayName')}
          name="displayName"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={at('displayName')}
        />
        <Field
          label={t('identity.admin.email')}
          type="email"
          name="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={at('email')}
        />
        <MembershipFields
          value={membership}
          onChange={setMembership}
          errors={{
            organisationId: at('memberships.0.organisationId') ?? undefined,
            role: at('memberships.0.role') ?? undefined,
          }}
        />
        <button type="submit" className="button" disabled={invite.isPending}>
          {t('identity.admin.inviteSubmit')}
        </button>
      </form>
    </section>
  );
}
