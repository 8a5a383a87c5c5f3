import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import '../../components/hub/hub.css';
import { ErrorRegion, Loading, Notice } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { SavedRegion } from '../../components/hub/HubError.tsx';
import { Agenda } from './Agenda.tsx';
import { useMeeting } from './api.ts';
import { ChildPart } from './ChildPart.tsx';
import { Decisions } from './Decisions.tsx';
import { MeetingHeader } from './MeetingHeader.tsx';
import './meetings.css';
import { Minutes } from './Minutes.tsx';
import { Participants } from './Participants.tsx';
import { childViewPath } from '../../components/hub/sections.ts';

/**
 * One meeting, in three phases. Before: agenda and invitations. During
 * (started): minutes and decisions typed live. After (closed): the summary,
 * with amendments and the follow-up of each decision.
 */
export function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  const [saved, setSaved] = useState<string | null>(null);
  useDocumentTitle(meeting.data?.title ?? t('meetings.page.title'));

  if (isApiError(meeting.error) && [400, 404].includes(meeting.error.status)) {
    return (
      <div className="page">
        <h1>{t('meetings.page.notFound')}</h1>
        <p>{t('meetings.page.notFoundBody')}</p>
        <p>
          <Link to="/">{t('child.back')}</Link>
        </p>
      </div>
    );
  }
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) {
    return (
      <div className="page">
        <h1>{t('meetings.page.title')}</h1>
        <ErrorRegion error={meeting.error} />
      </div>
    );
  }

  const m = meeting.data;
  const phase = m.status === 'planned' ? 'before' : m.status === 'in_progress' ? 'during' : 'after';
  return (
    <div className="page hub-page mtg-page">
      <p className="breadcrumb">
        {m.child ? (
          <Link to={childViewPath(m.child.id, 'meetings')}>
            {t('meetings.page.backToChild', { name: m.child.displayName })}
          </Link>
        ) : (
          <Link to="/">{t('child.back')}</Link>
        )}
      </p>
      <h1>{m.title}</h1>
      <p className="mtg-phase">{t(`meetings.page.phase.${m.status === 'cancelled' ? 'cancelled' : phase}`)}</p>
      <SavedRegion message={saved} />
      {m.status === 'cancelled' ? (
        <Notice kind="warning" title={t('meetings.page.cancelledTitle')}>
          <p>{t('meetings.page.cancelledBody', { reason: m.cancelReason ?? '' })}</p>
        </Notice>
      ) : null}
      <MeetingHeader meeting={m} onSaved={setSaved} />
      <Participants meeting={m} onSaved={setSaved} />
      <ChildPart meeting={m} />
      <Agenda meeting={m} onSaved={setSaved} />
      {phase !== 'before' ? <Minutes meeting={m} onSaved={setSaved} /> : null}
      {phase !== 'before' || m.decisions.length > 0 ? <Decisions meeting={m} onSaved={setSaved} /> : null}
    </div>
  );
}
