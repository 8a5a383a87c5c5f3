import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  Today,
  type Task,
  type TodayMeeting,
  type TodayPlan,
  type TodayReview,
} from '../../../common/schemas/tasks.ts';
import { call } from '../../api/client.ts';
import { useFormatDate, useFormatMeetingTime } from '../../components/format.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { noticeKeys } from '../../components/notifications/api.ts';
import '../../components/notifications/notices.css';
import { NoticeItem } from '../Notifications/NoticeItem.tsx';
import './today.css';

/** Under the notices' key: reading or acknowledging a notice here refreshes the day with the bell. */
export const todayKeys = { all: [...noticeKeys.all, 'today'] as const };

function useToday() {
  return useQuery({
    queryKey: todayKeys.all,
    queryFn: ({ signal }) => call(Today, 'GET', '/api/me/today', { signal }),
  });
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** "in 3 days" / "today" / "2 days ago": how near a date is, beside the date itself. */
function useWhen(today: string) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (date: string) => {
    const n = daysBetween(today, date);
    const near =
      n === 0
        ? t('everyday.today.todayWord')
        : n > 0
          ? t('everyday.today.inDays', { count: n })
          : t('everyday.today.daysAgo', { count: -n });
    return `${formatDate(date)} (${near})`;
  };
}

function Overdue() {
  const { t } = useTranslation();
  return (
    <strong className="today-overdue">
      <span aria-hidden="true">⚠ </span>
      {t('everyday.today.overdue')}
    </strong>
  );
}

/** One part of the day: a heading, its lines, or what it means that there are none. */
function Part({ id, title, empty, children }: { id: string; title: string; empty: string; children: ReactNode[] }) {
  return (
    <section className="today-part" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children.length === 0 ? <p className="today-empty">{empty}</p> : <ul className="today-list">{children}</ul>}
    </section>
  );
}

function TaskLine({ task, when }: { task: Task; when: (d: string) => string }) {
  const { t } = useTranslation();
  const child = task.child?.displayName ?? '';
  const text =
    task.kind === 'deadline' && task.deadlineKind
      ? t('everyday.today.deadlines.line', { deadline: t(`notices.deadlineKind.${task.deadlineKind}`), child })
      : task.kind === 'question'
        ? t('everyday.today.due.question', { child, text: task.text })
        : t('everyday.today.due.decision', { text: task.text });
  return (
    <li className={task.overdue ? 'today-line today-line--overdue' : 'today-line'}>
      <Link to={task.link}>{text}</Link>
      <span className="today-meta">
        {task.overdue ? <Overdue /> : null} {t('everyday.today.dueOn', { date: when(task.dueOn) })}
        {task.kind === 'decision' && task.child ? ` · ${child}` : null}
      </span>
    </li>
  );
}

function MeetingLine({ m }: { m: TodayMeeting }) {
  const { t } = useTranslation();
  const formatTime = useFormatMeetingTime();
  const answer = m.myResponse === 'pending' ? null : m.myResponse;
  return (
    <li className={m.myResponse === 'pending' ? 'today-line today-line--act' : 'today-line'}>
      <Link to={`/meetings/${m.id}`}>
        {m.title}
        {m.child ? ` ${t('everyday.today.meetings.about', { child: m.child.displayName })}` : ''}
      </Link>
      <span className="today-meta">
        {t(`meetings.kind.${m.kind}`)} · {formatTime(m.startsAt, m.endsAt)}
        {m.status === 'in_progress' ? ` · ${t('everyday.today.meetings.inProgress')}` : ''}
        {' · '}
        {m.myResponse === 'pending' ? (
          <strong>{t('everyday.today.meetings.notAnswered')}</strong>
        ) : answer ? (
          t(`everyday.today.meetings.answered.${answer}`)
        ) : m.organiser ? (
          t('everyday.today.meetings.organiser')
        ) : null}
      </span>
    </li>
  );
}

function PlanLine({ p, when }: { p: TodayPlan; when: (d: string) => string }) {
  const { t } = useTranslation();
  return (
    <li className={p.overdue ? 'today-line today-line--overdue' : 'today-line'}>
      <Link to={`/plans/${p.id}?step=follow-up`}>
        {t('everyday.today.plans.line', { plan: t(`plans.kind.${p.kind}`), child: p.child.displayName })}
      </Link>
      <span className="today-meta">
        {p.overdue ? <Overdue /> : null} {when(p.followUpOn)}
      </span>
    </li>
  );
}

function ReviewLine({ r, when }: { r: TodayReview; when: (d: string) => string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <li className={r.overdue ? 'today-line today-line--overdue' : 'today-line'}>
      <Link to={`/audit/sampled-reviews/${r.id}`}>
        {t('everyday.today.reviews.line', { from: formatDate(r.periodFrom), to: formatDate(r.periodTo) })}
      </Link>
      <span className="today-meta">
        {r.overdue ? <Overdue /> : null} {t('everyday.today.dueOn', { date: when(r.dueOn) })} ·{' '}
        {t('everyday.today.reviews.progress', { decided: r.decided, samples: r.samples })}
      </span>
    </li>
  );
}

/**
 * The start page's "what to do next": the user's day from GET /api/me/today. Staff in a hub see every
 * part; others (managers, coordinators, admins without a hub place) see their notices and meetings.
 */
export function TodayPanel({ staff }: { staff: boolean }) {
  const { t } = useTranslation();
  const today = useToday();
  const when = useWhen(today.data?.today ?? '1970-01-01');
  const d = today.data;
  const nothing =
    d &&
    d.notices.length === 0 &&
    d.deadlines.length === 0 &&
    d.due.length === 0 &&
    d.meetings.length === 0 &&
    d.plans.length === 0 &&
    d.proposals.length === 0 &&
    d.reviews.length === 0;
  return (
    <section className="panel today" aria-labelledby="today-heading" aria-busy={today.isFetching}>
      <h2 id="today-heading">{t('everyday.today.title')}</h2>
      <ErrorRegion error={today.error} />
      {today.isPending ? <Loading /> : null}
      {d ? (
        <>
          <p className="today-intro">
            {nothing ? t('everyday.today.nothing') : t('everyday.today.intro')}{' '}
            {staff ? <Link to="/tasks">{t('everyday.today.allTasks')}</Link> : null}
          </p>
          {nothing ? <p className="today-empty">{t('everyday.today.nothingHint')}</p> : null}
          {d.notices.length > 0 ? (
            <section className="today-part" aria-labelledby="today-notices">
              <h3 id="today-notices">{t('everyday.today.notices.title')}</h3>
              <ul className="notice-list">
                {d.notices.map((n) => (
                  <NoticeItem key={n.id} n={n} />
                ))}
              </ul>
              <p>
                <Link to="/notifications">{t('everyday.today.allNotices', { count: d.unreadCount })}</Link>
              </p>
            </section>
          ) : null}
          {d.proposals.length > 0 ? (
            // Unresolved until held or cancelled with a reason: shown whatever their date, before the rest.
            <section className="today-part" aria-labelledby="today-proposals">
              <h3 id="today-proposals">{t('everyday.today.proposals.title')}</h3>
              <p className="today-meta">{t('everyday.today.proposals.intro')}</p>
              <ul className="today-list">
                {d.proposals.map((m) => (
                  <MeetingLine key={m.id} m={m} />
                ))}
              </ul>
            </section>
          ) : null}
          {d.reviews.length > 0 ? (
            // A manager's or admin's own work: the sampled log reviews they are to close.
            <section className="today-part" aria-labelledby="today-reviews">
              <h3 id="today-reviews">{t('everyday.today.reviews.title')}</h3>
              <ul className="today-list">
                {d.reviews.map((r) => (
                  <ReviewLine key={r.id} r={r} when={when} />
                ))}
              </ul>
            </section>
          ) : null}
          {staff && !nothing ? (
            <>
              <Part
                id="today-deadlines"
                title={t('everyday.today.deadlines.title')}
                empty={t('everyday.today.deadlines.none', { days: d.horizons.deadlines })}
              >
                {d.deadlines.map((task) => (
                  <TaskLine key={task.id} task={task} when={when} />
                ))}
              </Part>
              <Part
                id="today-due"
                title={t('everyday.today.due.title')}
                empty={t('everyday.today.due.none', { days: d.horizons.tasks })}
              >
                {d.due.map((task) => (
                  <TaskLine key={`${task.kind}-${task.id}`} task={task} when={when} />
                ))}
              </Part>
            </>
          ) : null}
          {!nothing ? (
            <Part
              id="today-meetings"
              title={t('everyday.today.meetings.title')}
              empty={t('everyday.today.meetings.none')}
            >
              {d.meetings.map((m) => (
                <MeetingLine key={m.id} m={m} />
              ))}
            </Part>
          ) : null}
          {staff && !nothing ? (
            <Part
              id="today-plans"
              title={t('everyday.today.plans.title')}
              empty={t('everyday.today.plans.none', { days: d.horizons.plans })}
            >
              {d.plans.map((p) => (
                <PlanLine key={p.id} p={p} when={when} />
              ))}
            </Part>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
