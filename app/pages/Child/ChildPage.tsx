import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useChild } from '../../api/children.ts';
import { isApiError } from '../../api/client.ts';
import { AsylumStatusText, CaseStatusText, MissingCoreRoles, useHubRoleList } from '../../components/ChildValues.tsx';
import { ErrorRegion, Loading, Notice } from '../../components/Notice.tsx';
import { useSession } from '../../components/RequireSession.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ChildNotFound } from './ChildNotFound.tsx';

/** One child's summary. The hub page grows from here. */
export function ChildPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const child = useChild(id);
  const roleList = useHubRoleList();
  useDocumentTitle(child.data?.displayName ?? t('child.title'));

  // A malformed id (400) and a child outside one's scope (404) look the same to the user.
  if (isApiError(child.error) && (child.error.status === 404 || child.error.status === 400)) return <ChildNotFound />;
  if (child.isPending) return <Loading />;
  if (child.isError) {
    return (
      <div className="page">
        <h1>{t('child.title')}</h1>
        <ErrorRegion error={child.error} />
      </div>
    );
  }

  const c = child.data;
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/">{t('child.back')}</Link>
      </p>
      <h1>{c.displayName}</h1>
      <dl className="facts facts--large">
        {c.view === 'full' ? (
          <div>
            <dt>{t('child.age')}</dt>
            <dd>{c.age === null ? t('child.ageUnknown') : t('child.years', { count: c.age })}</dd>
          </div>
        ) : null}
        {c.asylumStatus ? (
          <div>
            <dt>{t('child.asylumStatus')}</dt>
            <dd>
              <AsylumStatusText status={c.asylumStatus} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('child.caseStatus')}</dt>
          <dd>
            <CaseStatusText status={c.caseStatus} />
          </dd>
        </div>
        <div>
          <dt>{t('child.myRole')}</dt>
          <dd>{c.myHubRoles.length > 0 ? roleList(c.myHubRoles) : t('child.noOwnRole')}</dd>
        </div>
      </dl>
      {c.view === 'full' ? (
        <section className="panel" aria-labelledby="core-roles-heading">
          <h2 id="core-roles-heading">{t('child.coreRolesTitle')}</h2>
          {c.missingCoreRoles.length > 0 ? (
            <>
              <MissingCoreRoles roles={c.missingCoreRoles} />
              <p>{t('child.coreRolesMissingHint')}</p>
            </>
          ) : (
            <Notice kind="success">
              <p>{t('child.coreRolesComplete')}</p>
            </Notice>
          )}
        </section>
      ) : null}
      {me.abilities.readAuditLog ? (
        <p>
          <Link to={`/children/${c.id}/audit`} className="button button--secondary">
            {t('child.auditLink')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
