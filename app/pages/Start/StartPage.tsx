import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../components/RequireSession.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { startSections } from '../../session.ts';
import { NewChildLink } from '../Children/NewChildLink.tsx';
import { CoordinatorStart } from '../Collaboration/CoordinatorStart.tsx';
import { ChildrenList } from './ChildrenList.tsx';
import { ReviewOverdue } from '../Audit/ReviewOverdue.tsx';
import { ManagerStart, StaffStart } from './StaffStart.tsx';
import { TodayPanel } from './TodayPanel.tsx';

/** The first page after login; what it holds follows the user's roles. */
export function StartPage() {
  const { t } = useTranslation();
  const me = useSession();
  const sections = startSections(me);
  const showChildren = sections.hub || sections.manager;
  const title = showChildren
    ? sections.hub
      ? t('start.myChildren')
      : t('start.staffChildren')
    : t('start.welcome', { name: me.user.displayName });
  useDocumentTitle(title);

  return (
    <div className="page">
      <h1>{title}</h1>
      <NewChildLink />
      <TodayPanel staff={sections.hub} />
      {sections.manager ? (
        <p className="lead">
          {t('start.managerIntro')}{' '}
          {me.abilities.readAuditLog ? <Link to="/audit/reviews">{t('start.reviewsLink')}</Link> : null}
        </p>
      ) : null}
      {sections.manager && me.abilities.readAuditLog ? <ReviewOverdue /> : null}
      {showChildren ? <ChildrenList /> : null}
      <ManagerStart />
      <StaffStart />
      {sections.coordinator || sections.admin ? <CoordinatorStart /> : null}
      {sections.admin ? (
        <section className="panel" aria-labelledby="admin-heading">
          <h2 id="admin-heading">{t('start.adminTitle')}</h2>
          <p>{t('start.adminBody')}</p>
          <ul className="link-list link-list--large">
            {me.abilities.manageUsers ? (
              <>
                <li>
                  <Link to="/admin/users">{t('admin.usersLink')}</Link>
                </li>
                <li>
                  <Link to="/admin/organisations">{t('admin.organisationsLink')}</Link>
                </li>
                <li>
                  <Link to="/admin">{t('admin.settingsLink')}</Link>
                </li>
              </>
            ) : null}
            {me.abilities.readAuditLog ? (
              <li>
                <Link to="/audit/reviews">{t('start.reviewsLink')}</Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
      {!showChildren && !sections.coordinator && !sections.admin ? <p>{t('start.noRole')}</p> : null}
    </div>
  );
}
