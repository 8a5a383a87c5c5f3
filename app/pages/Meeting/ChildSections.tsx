import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingSummary } from '../../../common/schemas/meetings.ts';
import { SavedRegion } from '../../components/hub/HubError.tsx';
import { Warning } from '../../components/hub/values.tsx';
import { Loading } from '../../components/Notice.tsx';
import { useChildDecisions, useChildMeetings } from './api.ts';
import { DecisionItem } from './DecisionItem.tsx';
import './meetings.css';
import { MeetingErrorRegion, ResponseText, StatusText, useMeetingTime } from './values.tsx';

function MeetingRow({ m }: { m: MeetingSummary }) {
  const { t } = useTranslation();
  const when = useMeetingTime();
  return (
    <li className="mtg-row">
      <Link to={`/meetings/${m.id}`} className="hub-strong">
        {m.title}
      </Link>{' '}
      <span className="hub-muted">({t(`meetings.kind.${m.kind}`)})</span>
      <br />
      {when(m.startsAt, m.endsAt)}
      {m.location ? `, ${m.location}` : ''} – <StatusText status={m.status} />
      {m.myResponse ? (
        <>
          {' – '}
          <ResponseText response={m.myResponse} />
        </>
      ) : null}
      {m.openDecisions > 0 ? (
        <span className="hub-muted"> – {t('meetings.child.openDecisionsOf', { count: m.openDecisions })}</span>
      ) : null}
    </li>
  );
}

/**
 * The child page's meetings, upcoming and past. Civil society (the narrow view) does not see it: the
 * page leaves it out for them.
 */
export function ChildMeetings({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const upcoming = useChildMeetings(childId, 'upcoming');
  const past = useChildMeetings(childId, 'past');
  return (
    <section className="panel hub-section" id="meetings" aria-labelledby="child-meetings-heading">
      <h2 id="child-meetings-heading">{t('meetings.child.title')}</h2>
      <MeetingErrorRegion error={upcoming.error} />
      {upcoming.isPending ? <Loading /> : null}
      {upcoming.data ? (
        <>
          <h3>{t('meetings.child.upcoming')}</h3>
          {upcoming.data.items.length === 0 ? <p>{t('meetings.child.none')}</p> : null}
          <ul className="mtg-list">
            {upcoming.data.items.map((m) => (
              <MeetingRow key={m.id} m={m} />
            ))}
          </ul>
          {upcoming.data.abilities.schedule ? (
            <p>
              <Link to={`/meetings/new?child=${childId}`} className="button">
                {t('meetings.child.schedule')}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
      {past.data && past.data.items.length > 0 ? (
        <details className="hub-former">
          <summary>{t('meetings.child.past', { count: past.data.items.length })}</summary>
          <ul className="mtg-list">
            {past.data.items.map((m) => (
              <MeetingRow key={m.id} m={m} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** The open decisions from the child's meetings, the overdue ones counted; the full view only, as above. */
export function ChildDecisions({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const decisions = useChildDecisions(childId);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <section className="panel hub-section" id="decisions" aria-labelledby="child-decisions-heading">
      <h2 id="child-decisions-heading">{t('meetings.child.decisionsTitle')}</h2>
      <MeetingErrorRegion error={decisions.error} />
      <SavedRegion message={saved} />
      {decisions.isPending ? <Loading /> : null}
      {decisions.data && decisions.data.overdueCount > 0 ? (
        <Warning>{t('meetings.child.overdue', { count: decisions.data.overdueCount })}</Warning>
      ) : null}
      {decisions.data?.items.length === 0 ? <p>{t('meetings.child.noDecisions')}</p> : null}
      <ul className="hub-question-list">
        {decisions.data?.items.map((d) => (
          <DecisionItem key={d.id} decision={d} showMeeting onSaved={setSaved} />
        ))}
      </ul>
    </section>
  );
}
