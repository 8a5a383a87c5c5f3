import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useUsers } from '../../api/admin.ts';
import { Field } from '../../components/Field.tsx';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { UserStatus, useActiveRoles } from './UserStatus.tsx';

/** The tenant's users, searchable, with their roles and whether they can log in. */
export function UsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() || undefined;
  const pageNumber = Number(params.get('page'));
  const page = Number.isInteger(pageNumber) && pageNumber > 0 ? pageNumber : 1;
  const users = useUsers({ q, page });
  const [search, setSearch] = useState(q ?? '');
  const activeRoles = useActiveRoles();
  useDocumentTitle(t('admin.usersTitle'));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(search.trim() ? { q: search.trim() } : {});
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
      <form role="search" className="filters filters--single" onSubmit={submit} aria-label={t('admin.searchUsers')}>
        <Field
          label={t('admin.searchUsers')}
          type="search"
          name="q"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          maxLength={200}
        />
        <div className="filters__actions">
          <button type="submit" className="button">
            {t('children.apply')}
          </button>
        </div>
      </form>
      <ErrorRegion error={users.error} />
      {users.isPending ? <Loading /> : null}
      <section aria-labelledby="users-heading" aria-busy={users.isFetching}>
        <h2 id="users-heading" className="results-heading">
          {t('admin.usersResults')}
        </h2>
        <p role="status" className="results-count">
          {data ? t('admin.userCount', { count: data.total }) : ''}
        </p>
        {data && data.total === 0 ? <p className="empty">{t('admin.noUsers')}</p> : null}
        {data && data.items.length > 0 ? (
          <ul className="child-list">
            {data.items.map((user) => (
              <li key={user.id} className="child-card">
                <h3 className="child-card__name">
                  <Link to={`/admin/users/${user.id}`}>{user.displayName}</Link>
                </h3>
                <dl className="facts">
                  <div>
                    <dt>{t('admin.email')}</dt>
                    <dd className="break">{user.email}</dd>
                  </div>
                  <div>
                    <dt>{t('admin.roles')}</dt>
                    <dd>{activeRoles(user).join('; ') || t('admin.noRoles')}</dd>
                  </div>
                  <div>
                    <dt>{t('admin.statusLabel')}</dt>
                    <dd>
                      <UserStatus user={user} />
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        ) : null}
        {data ? (
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={(next) => setParams({ ...(q ? { q } : {}), page: String(next) })}
          />
        ) : null}
      </section>
    </div>
  );
}
