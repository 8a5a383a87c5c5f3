import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useChildOverview } from '../../api/childOverview.ts';
import { useChild } from '../../api/children.ts';
import { isApiError } from '../../api/client.ts';
import { ChildFlags } from '../../components/hub/ChildFlags.tsx';
import { ChildHeader } from '../../components/hub/ChildHeader.tsx';
import { ChildLinks } from '../../components/hub/ChildLinks.tsx';
import { ChildMessages } from '../../components/childvoice/ChildMessages.tsx';
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
import { GeneralQuestion } from '../Forum/GeneralQuestion.tsx';
import { ChildMeetingSections } from '../Meeting/ChildSections.tsx';
import { ChildNotFound } from './ChildNotFound.tsx';
import { ChildSummary } from './ChildSummary.tsx';
import { PageContents } from './PageContents.tsx';

/**
 * One child and the hub around them. A summary and the flags come first, then the contents (every
 * section listed), then a stack of self-contained sections, each taking `{ child }` (the ChildDetail
 * with its `abilities`) and deciding for itself whether it shows. Forms open on demand (Reveal).
 * A new section is one line below and one entry in PageContents.
 */
export function ChildPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  // The first view in one request; it fills the child's, hub's, dates', meetings' and questions' queries.
  const overview = useChildOverview(id);
  const child = useChild(id, overview.isSuccess);
  useDocumentTitle(child.data?.displayName ?? t('child.title'));

  const error = overview.error ?? child.error;
  // A malformed id (400) and a child outside one's scope (404) look the same to the user.
  if (isApiError(error) && (error.status === 404 || error.status === 400)) return <ChildNotFound />;
  if (error) {
    return (
      <div className="page">
        <h1>{t('child.title')}</h1>
        <ErrorRegion error={error} />
      </div>
    );
  }
  if (!child.data) return <Loading />;

  const c = child.data;
  return (
    <div className="page hub-page">
      <p className="breadcrumb">
        <Link to="/">{t('child.back')}</Link>
      </p>
      <ChildHeader child={c} />
      <ChildSummary child={c} />
      <ChildFlags child={c} />
      <PageContents child={c} />
      <ChildEvents child={c} />
      <HubMembers child={c} />
      <TopicMatrix child={c} />
      <FirstMeeting child={c} />
      <Questions child={c} />
      <GeneralQuestion child={c} />
      <ChildMeetingSections child={c} />
      <ChildPlanSection child={c} />
      <ChildLinks child={c} />
      <ChildMessages child={c} />
      <Timeline child={c} />
      {/* The extract's rule (god man or social worker in the hub) is the case number's: the server checks again. */}
      {c.abilities.seeCaseNumber ? (
        <p className="hub-section">
          <Link to={`/children/${c.id}/extracts`} className="button button--secondary">
            {t('myData.childLink')}
          </Link>
        </p>
      ) : null}
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
