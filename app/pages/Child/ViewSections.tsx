import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import { ChildMessages } from '../../components/childvoice/ChildMessages.tsx';
import { ChildLinks } from '../../components/hub/ChildLinks.tsx';
import { FirstMeeting } from '../../components/hub/FirstMeeting.tsx';
import { HubMembers } from '../../components/hub/HubMembers.tsx';
import { Questions } from '../../components/hub/Questions.tsx';
import type { ChildView } from '../../components/hub/sections.ts';
import { Timeline } from '../../components/hub/Timeline.tsx';
import { TopicMatrix } from '../../components/hub/TopicMatrix.tsx';
import { ChildEvents } from '../../components/notifications/ChildEvents.tsx';
import { ChildPlanSection } from '../../components/plans/ChildPlanSection.tsx';
import { useSession } from '../../components/RequireSession.tsx';
import { ChildBeskedPanel } from '../Besked/ChildBeskedPanel.tsx';
import { GeneralQuestion } from '../Forum/GeneralQuestion.tsx';
import { ChildDecisions, ChildMeetings } from '../Meeting/ChildSections.tsx';

/**
 * The sections of one view. Only these are mounted, so a view not shown asks the server for nothing;
 * each section takes `{ child }` (or its id) and decides for itself whether it shows. A new section
 * is a line here and its id in `childViews` (components/hub/sections.ts).
 */
export function ViewSections({ view, child }: { view: ChildView; child: ChildDetail }) {
  const full = child.view === 'full';
  switch (view) {
    case 'events':
      return (
        <>
          <ChildEvents child={child} />
          {full ? <ChildBeskedPanel childId={child.id} /> : null}
        </>
      );
    case 'hub':
      return (
        <>
          <HubMembers child={child} />
          <TopicMatrix child={child} />
          <FirstMeeting child={child} />
        </>
      );
    case 'questions':
      return (
        <>
          <Questions child={child} />
          <GeneralQuestion child={child} />
        </>
      );
    case 'meetings':
      return full ? (
        <>
          <ChildMeetings childId={child.id} />
          <ChildDecisions childId={child.id} />
        </>
      ) : null;
    case 'plan':
      return <ChildPlanSection child={child} />;
    case 'child':
      return (
        <>
          <ChildLinks child={child} />
          <ChildMessages child={child} />
        </>
      );
    case 'history':
      return (
        <>
          <Timeline child={child} />
          <HistoryLinks child={child} />
        </>
      );
  }
}

/** The extract and the audit log, pages of their own about the same record as the history. */
function HistoryLinks({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <>
      {/* The extract's rule (god man or social worker in the hub) is the case number's: the server checks again. */}
      {child.abilities.seeCaseNumber ? (
        <p className="hub-section">
          <Link to={`/children/${child.id}/extracts`} className="button button--secondary">
            {t('myData.childLink')}
          </Link>
        </p>
      ) : null}
      {me.abilities.readAuditLog ? (
        <p className="hub-section">
          <Link to={`/children/${child.id}/audit`} className="button button--secondary">
            {t('child.auditLink')}
          </Link>
        </p>
      ) : null}
    </>
  );
}
