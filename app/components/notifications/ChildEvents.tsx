import { useTranslation } from 'react-i18next';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import { useFormatDate, useFormatDateTime } from '../format.ts';
import { ErrorRegion, Loading, Notice } from '../Notice.tsx';
import { useChildDeadlines, useChildEvents } from './api.ts';
import { Reveal } from '../Reveal.tsx';
import { EventForm } from './EventForm.tsx';
import './notices.css';

export const childEventsSectionId = 'events';

/**
 * The child's events and the dates that follow from them (appeal, finality,
 * departure, turning 18), and the form to record a new event. Case data: the
 * full view only.
 */
export function ChildEvents({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const full = child.view === 'full';
  const events = useChildEvents(child.id, full);
  const deadlines = useChildDeadlines(child.id, full);
  if (!full) return null;

  return (
    <section className="panel hub-section" id={childEventsSectionId} aria-labelledby="events-heading">
      <h2 id="events-heading">{t('notices.child.title')}</h2>
      <ErrorRegion error={events.error ?? deadlines.error} />
      <h3>{t('notices.child.deadlines')}</h3>
      {deadlines.isPending ? <Loading /> : null}
      {deadlines.data?.items.length === 0 ? <p className="hub-muted">{t('notices.child.noDeadlines')}</p> : null}
      <ul className="deadline-list" data-testid="child-deadlines">
        {deadlines.data?.items.map((d) => (
          <li key={d.id}>
            <strong>{formatDate(d.dueOn)}</strong> – {t(`notices.deadlineKind.${d.kind}`)}
            {d.passed ? <span className="status--urgent"> ({t('notices.child.passed')})</span> : null}
          </li>
        ))}
      </ul>
      {events.data && events.data.recordable.length > 0 ? (
        <Reveal label={t('notices.child.record')}>
          <EventForm childId={child.id} types={events.data.recordable} />
        </Reveal>
      ) : null}
      <h3>{t('notices.child.events')}</h3>
      {events.isPending ? <Loading /> : null}
      {events.data?.someWithheld ? (
        <Notice kind="info" title={t('notices.child.withheld')}>
          <p>{t('notices.child.withheldBody')}</p>
        </Notice>
      ) : null}
      {events.data?.items.length === 0 ? <p className="hub-muted">{t('notices.child.noEvents')}</p> : null}
      <ul className="event-list">
        {events.data?.items.map((e) => (
          <li key={e.id}>
            <p>
              <strong>{formatDate(e.occurredOn)}</strong> – {t(`notices.eventType.${e.type}`)} (
              {t(`notices.source.${e.source}`)})
            </p>
            {e.departureDate ? <p>{t('notices.child.departureOn', { date: formatDate(e.departureDate) })}</p> : null}
            {e.note ? <p>{e.note}</p> : null}
            {e.noteWithheld ? <p className="hub-muted hub-small">{t('notices.child.noteWithheld')}</p> : null}
            {e.asylumStatus ? (
              <p className="hub-small">
                {t('notices.child.statusNow', { status: t(`asylumStatus.${e.asylumStatus}`) })}
              </p>
            ) : null}
            <p className="hub-muted hub-small">
              {e.recordedBy
                ? t('notices.child.recordedBy', { name: e.recordedBy.displayName, time: formatDateTime(e.recordedAt) })
                : t('notices.child.recordedByNavet', { time: formatDateTime(e.recordedAt) })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
