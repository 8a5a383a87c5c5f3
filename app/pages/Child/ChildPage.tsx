import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useChild } from '../../api/children.ts';
import { isApiError } from '../../api/client.ts';
import { ChildFlags } from '../../components/hub/ChildFlags.tsx';
import { ChildHeader } from '../../components/hub/ChildHeader.tsx';
import { ChildLinks } from '../../components/hub/ChildLinks.tsx';
import { FirstMeeting } from '../../components/hub/FirstMeeting.tsx';
import '../../components/hub/hub.css';
import { HubMembers } from '../../components/hub/HubMembers.tsx';
import { Questions } from '../../components/hub/Questions.tsx';
import { TopicMatrix } from '../../components/hub/TopicMatrix.tsx';
import { Timeline } from '../../components/hub/Timeline.tsx';
import { ChildEvents } from '../../components/notifications/ChildEvents.tsx';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { ChildPlanSection } from '../../components/plans/ChildPlanSection.tsx';
import { useSession } from '../../components/RequireSession.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ChildMeetingSections } from '../Meeting/ChildSections.tsx';
import { ChildNotFound } from './ChildNotFound.tsx';
import { PageContents } from './PageContents.tsx';

/**
 * One child and the hub around them. The page is a stack of self-contained
 * sections, each taking `{ child }` (the ChildDetail with its `abilities`) and
 * deciding for itself whether it shows. A new section is one line below.
 */
export function ChildPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const child = useChild(id);
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
    <div className="page hub-page">
      <p className="breadcrumb">
        <Link to="/">{t('child.back')}</Link>
      </p>
      <ChildHeader child={c} />
      <PageContents child={c} />
      <ChildFlags child={c} />
      <ChildEvents child={c} />
      <HubMembers child={c} />
      <TopicMatrix child={c} />
      <FirstMeeting child={c} />
      <Questions child={c} />
      <ChildMeetingSections child={c} />
      <ChildPlanSection child={c} />
      <ChildLinks child={c} />
      <Timeline child={c} />
      {me.abilities.readAuditLog ? (
        <p className="hub-section">
          <Link to={`/children/${c.id}/audit`} className="button button--secondary">
            {t('child.auditLink')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
