import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import { sectionIds, sectionLink } from '../../components/hub/sections.ts';
import { useFormatDate } from '../../components/format.ts';
import { useChildDeadlines } from '../../components/notifications/api.ts';
import { useChildMeetings } from '../Meeting/api.ts';
import { useMeetingTime } from '../Meeting/values.tsx';

/**
 * The first thing a social worker reads: the next dates (a deadline, a meeting) and how much needs
 * doing, each linked to its section (a date opens the view holding it; the flags, just below, are in
 * every view, so a plain anchor keeps the view). It asks for nothing the overview has not already
 * loaded (the same queries, so no extra request).
 */
export function ChildSummary({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const full = child.view === 'full';
  const deadlines = useChildDeadlines(child.id, full);
  const meetings = useChildMeetings(child.id, 'upcoming', full);
  const date = useFormatDate();
  const when = useMeetingTime();
  if (!full) return null;
  const deadline = deadlines.data?.items.find((d) => !d.passed);
  const meeting = meetings.data?.items[0];
  // Drafted by Navet after an event: it stays here until held or cancelled with a reason.
  const proposed = meetings.data?.items.find((m) => m.proposed);
  const f = child.flags;
  const todo =
    child.missingCoreRoles.length +
    (f.firstMeetingOpen ? 1 : 0) +
    (f.topicsWithoutResponsible > 0 ? 1 : 0) +
    (f.overdueQuestions > 0 ? 1 : 0) +
    (f.questionsWithoutOwner > 0 ? 1 : 0) +
    (f.beskedContradictions > 0 ? 1 : 0) +
    (proposed ? 1 : 0);
  return (
    <section className="panel child-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('child.summary.title')}</h2>
      <dl className="child-summary__list">
        <div>
          <dt>{t('child.summary.nextDeadline')}</dt>
          <dd>
            {deadline ? (
              <Link to={sectionLink(sectionIds.events)}>
                {date(deadline.dueOn)} – {t(`notices.deadlineKind.${deadline.kind}`)}
              </Link>
            ) : (
              t('child.summary.none')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('child.summary.nextMeeting')}</dt>
          <dd>
            {meeting ? (
              <Link to={sectionLink(sectionIds.meetings)}>
                {when(meeting.startsAt, meeting.endsAt)} – {meeting.title}
              </Link>
            ) : (
              t('child.summary.none')
            )}
          </dd>
        </div>
        {proposed ? (
          <div className="child-summary__flag">
            <dt>{t('child.summary.proposedMeeting')}</dt>
            <dd>
              <Link to={`/meetings/${proposed.id}`}>
                {when(proposed.startsAt, proposed.endsAt)} – {t('child.summary.proposedMeetingAction')}
              </Link>
            </dd>
          </div>
        ) : null}
        {f.beskedContradictions > 0 ? (
          <div className="child-summary__flag">
            <dt>{t('besked.child.title')}</dt>
            <dd>
              <Link to={`/children/${child.id}/besked`}>
                {t('besked.child.flag', { count: f.beskedContradictions })}
              </Link>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('child.summary.todo')}</dt>
          <dd>
            <a href={`#${sectionIds.flags}`}>
              {todo === 0 ? t('child.summary.nothingToDo') : t('child.summary.things', { count: todo })}
            </a>
          </dd>
        </div>
      </dl>
    </section>
  );
}
