import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Role, roles } from '../../../common/roles.ts';
import type { AdminUser } from '../../../common/schemas/tenancy.ts';
import { useOrganisations, useUsers, type UserFilters } from '../../api/admin.ts';
import { useUnlockAccount } from '../../api/login-throttle.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { errorText } from '../../components/errors.ts';
import { Field, SelectField } from '../../components/Field.tsx';
import { useFormatDateTime } from '../../components/format.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { UserStatus, useActiveRoles } from './UserStatus.tsx';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Filters live in the address, so the back button and a shared link keep them. */
function filtersOf(params: URLSearchParams): UserFilters {
  const page = Number(params.get('page'));
  const org = params.get('organisationId') ?? '';
  return {
    q: params.get('q')?.trim() || undefined,
    role: Role.safeParse(params.get('role')).data,
    organisationId: uuid.test(org) ? org : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function paramsOf(f: UserFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.q) out.q = f.q;
  if (f.role) out.role = f.role;
  if (f.organisationId) out.organisationId = f.organisationId;
  if (f.page && f.page !== 1) out.page = String(f.page);
  return out;
}

/** Unlock, offered only on an account the sign-in throttle has locked; confirmed first. */
function Unlock({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const unlock = useUnlockAccount(user.id);
  if (!user.lockedUntil) return null;
  return (
    <>
      <ConfirmDialog
        trigger={t('everyday.users.unlock', { name: user.displayName })}
        triggerClassName="button button--secondary"
        title={t('loginThrottle.unlockTitle', { name: user.displayName })}
        body={t('loginThrottle.unlockBody')}
        confirm={t('loginThrottle.unlock')}
        onConfirm={() => unlock.mutate()}
      />
      {unlock.error ? <p className="field__error">{errorText(t, unlock.error)}</p> : null}
    </>
  );
}

/** The tenant's users as a table: search by name or e-mail, filter by role and organisation, unlock. */
export function UsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const users = useUsers(filters);
  const organisations = useOrganisations();
  const formatDateTime = useFormatDateTime();
  const [search, setSearch] = useState(filters.q ?? '');
  const [role, setRole] = useState<string>(filters.role ?? '');
  const [org, setOrg] = useState<string>(filters.organisationId ?? '');
  const activeRoles = useActiveRoles();
  useDocumentTitle(t('admin.usersTitle'));
  const filtered = Boolean(filters.q || filters.role || filters.organisationId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(
      paramsOf({ q: search.trim() || undefined, role: Role.safeParse(role).data, organisationId: org || undefined }),
    );
  };
  const clear = () => {
    setSearch('');
    setRole('');
    setOrg('');
    setParams({});
  };

  const data = users.data;
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/admin">{t('admin.back')}</Link>
      </p>
      <h1>{t('admin.usersTitle')}</h1>
      <p>
        <Link to="/admin/users/new" className="button">
          {t('admin.newUser')}
        </Link>
      </p>
      <form role="search" className="filters" onSubmit={submit} aria-label={t('everyday.users.filtersLabel')}>
        <Field
          label={t('admin.searchUsers')}
          type="search"
          name="q"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          maxLength={200}
        />
        <SelectField
          label={t('everyday.users.roleFilter')}
          name="role"
          value={role}
          onChange={setRole}
          options={[
            { value: '', label: t('children.all') },
            ...roles.map((r) => ({ value: r, label: t(`role.${r}`) })),
          ]}
        />
        <SelectField
          label={t('everyday.users.organisationFilter')}
          name="organisationId"
          value={org}
          onChange={setOrg}
          options={[
            { value: '', label: t('children.all') },
            ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <div className="filters__actions">
          <button type="submit" className="button">
            {t('children.apply')}
          </button>
          {filtered ? (
            <button type="button" className="button button--secondary" onClick={clear}>
              {t('children.clear')}
            </button>
          ) : null}
        </div>
      </form>
      <ErrorRegion error={users.error ?? organisations.error} />
      {users.isPending ? <Loading /> : null}
      <section aria-labelledby="users-heading" aria-busy={users.isFetching}>
        <h2 id="users-heading" className="results-heading">
          {t('admin.usersResults')}
        </h2>
        <p role="status" className="results-count">
          {data ? t('admin.userCount', { count: data.total }) : ''}
        </p>
        {data && data.total === 0 ? (
          <p className="empty">{filtered ? t('everyday.users.noneFiltered') : t('admin.noUsers')}</p>
        ) : null}
        {data && data.items.length > 0 ? (
          <div className="table-scroll" role="region" aria-labelledby="users-caption" tabIndex={0}>
            <table className="table">
              <caption id="users-caption" className="visually-hidden">
                {t('everyday.users.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('everyday.users.name')}</th>
                  <th scope="col">{t('admin.email')}</th>
                  <th scope="col">{t('admin.roles')}</th>
                  <th scope="col">{t('admin.statusLabel')}</th>
                  <th scope="col">{t('everyday.users.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((user) => (
                  <tr key={user.id}>
                    <th scope="row">
                      <Link to={`/admin/users/${user.id}`}>{user.displayName}</Link>
                    </th>
                    <td className="break">{user.email}</td>
                    <td>
                      {activeRoles(user).length > 0 ? (
                        <ul className="link-list">
                          {activeRoles(user).map((r) => (
                            <li key={r}>{r}</li>
                          ))}
                        </ul>
                      ) : (
                        t('admin.noRoles')
                      )}
                    </td>
                    <td>
                      <UserStatus user={user} />
                      {user.lockedUntil && !user.disabledAt ? (
                        <span className="results-count">
                          {' '}
                          {t('everyday.users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      <Unlock user={user} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {data ? (
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={(next) => setParams(paramsOf({ ...filters, page: next }))}
          />
        ) : null}
      </section>
    </div>
  );
}
