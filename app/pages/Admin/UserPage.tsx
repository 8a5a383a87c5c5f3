import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { needsApproval, Role } from '../../../common/roles.ts';
import type { AdminUser } from '../../../common/schemas/tenancy.ts';
import { useAddMembership, useAdminUser, useDisableUser, useEndMembership } from '../../api/admin.ts';
import { isApiError } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useFormatDate, useFormatDateTime } from '../../components/format.ts';
import { ErrorRegion, Loading, Notice } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { LoginFailures } from './LoginFailures.tsx';
import { GrantErrorRegion } from './GrantError.tsx';
import { MembershipFields, type MembershipDraft } from './MembershipFields.tsx';
import { UserStatus } from './UserStatus.tsx';

/** One user: their roles (give, end) and disabling the account. */
export function UserPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const user = useAdminUser(id);
  const formatDateTime = useFormatDateTime();
  useDocumentTitle(user.data?.displayName ?? t('admin.userTitle'));
  const justCreated = (location.state as { created?: unknown } | null)?.created === true;

  if (isApiError(user.error) && (user.error.status === 404 || user.error.status === 400)) {
    return (
      <div className="page">
        <h1>{t('admin.userNotFound')}</h1>
        <p>
          <Link to="/admin/users">{t('admin.backToUsers')}</Link>
        </p>
      </div>
    );
  }
  if (user.isPending) return <Loading />;
  if (user.isError) return <ErrorRegion error={user.error} />;

  const u = user.data;
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/admin/users">{t('admin.backToUsers')}</Link>
      </p>
      <h1>{u.displayName}</h1>
      {justCreated ? (
        <Notice kind="success">
          <p>{t('admin.userCreated')}</p>
          {u.pendingGrants.length > 0 ? <p>{t('grants.createdPending')}</p> : null}
        </Notice>
      ) : null}
      <dl className="facts facts--large">
        <div>
          <dt>{t('admin.email')}</dt>
          <dd className="break">{u.email}</dd>
        </div>
        <div>
          <dt>{t('admin.statusLabel')}</dt>
          <dd>
            <UserStatus user={u} />
          </dd>
        </div>
        <div>
          <dt>{t('admin.twoFactor')}</dt>
          <dd>{u.totpEnabled ? t('admin.twoFactorOn') : t('admin.twoFactorOff')}</dd>
        </div>
        <div>
          <dt>{t('admin.created')}</dt>
          <dd>{formatDateTime(u.createdAt)}</dd>
        </div>
      </dl>
      <Memberships user={u} />
      <LoginFailures userId={u.id} name={u.displayName} />
      {u.disabledAt ? null : <DisableUser user={u} />}
    </div>
  );
}

function Memberships({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const end = useEndMembership(user.id);
  return (
    <section aria-labelledby="roles-heading">
      <h2 id="roles-heading">{t('admin.roles')}</h2>
      <ErrorRegion error={end.error} />
      <ul className="review-list">
        {user.memberships.map((m) => (
          <li key={m.id} className="review-card membership">
            <p className="membership__text">
              <strong>{t(`role.${m.role}`)}</strong>, {m.organisationName}
              {m.endedAt ? (
                <span className="membership__ended"> – {t('admin.endedOn', { date: formatDate(m.endedAt) })}</span>
              ) : null}
            </p>
            {m.endedAt || user.disabledAt ? null : (
              <ConfirmDialog
                trigger={t('admin.endRole')}
                triggerClassName="button button--secondary"
                title={t('admin.endRoleTitle')}
                body={t('admin.endRoleBody', {
                  name: user.displayName,
                  role: t(`role.${m.role}`),
                  organisation: m.organisationName,
                })}
                confirm={t('admin.endRole')}
                onConfirm={() => end.mutate(m.id)}
              />
            )}
          </li>
        ))}
      </ul>
      <PendingGrants user={user} />
      {user.disabledAt ? null : <AddMembership userId={user.id} />}
    </section>
  );
}

/** Roles requested for the user that wait for a second admin; decided on the grants page. */
function PendingGrants({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (user.pendingGrants.length === 0) return null;
  return (
    <div className="panel" role="region" aria-labelledby="pending-grants-heading">
      <h3 id="pending-grants-heading">{t('grants.pendingTitle')}</h3>
      <ul className="review-list">
        {user.pendingGrants.map((g) => (
          <li key={g.id} className="review-card membership">
            <p className="membership__text">
              <strong>{t(`role.${g.role}`)}</strong>, {g.organisationName} –{' '}
              {t('grants.requestedBy', { name: g.requestedBy.name, time: formatDateTime(g.requestedAt) })}
            </p>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/admin/grants">{t('grants.link')}</Link>
      </p>
    </div>
  );
}

function AddMembership({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const add = useAddMembership(userId);
  const [draft, setDraft] = useState<MembershipDraft>({ organisationId: '', role: '' });
  const [errors, setErrors] = useState<{ organisationId?: string; role?: string }>({});
  const [requested, setRequested] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const role = Role.safeParse(draft.role).data;
    const found = {
      organisationId: draft.organisationId ? undefined : t('admin.errors.organisationRequired'),
      role: role ? undefined : t('admin.errors.roleRequired'),
    };
    setErrors(found);
    if (found.organisationId || !role) return;
    setRequested(false);
    add.mutate(
      { organisationId: draft.organisationId, role },
      {
        onSuccess: () => {
          setDraft({ organisationId: '', role: '' });
          setRequested(needsApproval(role));
        },
      },
    );
  };

  return (
    <div className="panel">
      <h3>{t('admin.addRole')}</h3>
      <p className="field__hint">{t('grants.addHint')}</p>
      <div role="status">
        {requested ? (
          <Notice kind="success">
            <p>{t('grants.requested')}</p>
          </Notice>
        ) : null}
      </div>
      <form className="form" onSubmit={submit} noValidate>
        <GrantErrorRegion error={add.error} />
        <MembershipFields value={draft} onChange={setDraft} errors={errors} />
        <button type="submit" className="button" disabled={add.isPending}>
          {t('admin.addRole')}
        </button>
      </form>
    </div>
  );
}

function DisableUser({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const disable = useDisableUser(user.id);
  return (
    <section className="panel panel--danger" aria-labelledby="disable-heading">
      <h2 id="disable-heading">{t('admin.disableTitle')}</h2>
      <p>{t('admin.disableIntro')}</p>
      <ErrorRegion error={disable.error} />
      <ConfirmDialog
        trigger={t('admin.disable')}
        triggerClassName="button button--danger"
        title={t('admin.disableConfirmTitle', { name: user.displayName })}
        body={t('admin.disableConfirmBody')}
        confirm={t('admin.disable')}
        onConfirm={() => disable.mutate()}
      />
    </section>
  );
}
