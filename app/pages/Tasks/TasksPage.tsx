import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TaskList, type Task } from '../../../common/schemas/tasks.ts';
import { call } from '../../api/client.ts';
import { useFormatDate } from '../../components/format.ts';
import '../../components/hub/hub.css';
import { Warning } from '../../components/hub/values.tsx';
import { Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { meetingKeys } from '../Meeting/api.ts';
import '../Meeting/meetings.css';
import { MeetingErrorRegion } from '../Meeting/values.tsx';
import { CalendarFeedPanel } from './CalendarFeedPanel.tsx';

function useTasks() {
  return useQuery({
    queryKey: meetingKeys.tasks(),
    queryFn: ({ signal }) => call(TaskList, 'GET', '/api/me/tasks', { signal }),
  });
}

function TaskItem({ task }: { task: Task }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <li className={`hub-question${task.overdue ? ' hub-question--overdue' : ''}`}>
      <p className="hub-muted hub-small">{t(`tasks.kind.${task.kind}`)}</p>
      <p className="hub-question__text">
        <Link to={task.link}>{task.deadlineKind ? t(`notices.deadlineKind.${task.deadlineKind}`) : task.text}</Link>
      </p>
      {task.overdue ? (
        <p className="hub-warning-text">
          <span aria-hidden="true">⚠ </span>
          {t('tasks.overdue')}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{task.kind === 'invitation' ? t('tasks.meetingDay') : t('tasks.due')}</dt>
          <dd>{formatDate(task.dueOn)}</dd>
        </div>
        {task.child ? (
          <div>
            <dt>{t('tasks.child')}</dt>
            <dd>
              <Link to={`/children/${task.child.id}`}>{task.child.displayName}</Link>
            </dd>
          </div>
        ) : null}
        {task.meeting && task.kind === 'decision' ? (
          <div>
            <dt>{t('tasks.meeting')}</dt>
            <dd>{task.meeting.title}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}

/** My tasks across every child: decisions I own, questions I agreed to raise, invitations to answer. */
export function TasksPage() {
  const { t } = useTranslation();
  const tasks = useTasks();
  useDocumentTitle(t('tasks.title'));
  return (
    <div className="page hub-page mtg-page">
      <h1>{t('tasks.title')}</h1>
      <p className="lead">{t('tasks.intro')}</p>
      <MeetingErrorRegion error={tasks.error} />
      {tasks.isPending ? <Loading /> : null}
      {tasks.data ? (
        <section className="panel" aria-labelledby="tasks-heading">
          <h2 id="tasks-heading">{t('tasks.listTitle', { count: tasks.data.items.length })}</h2>
          {tasks.data.overdueCount > 0 ? (
            <Warning>{t('tasks.overdueCount', { count: tasks.data.overdueCount })}</Warning>
          ) : null}
          {tasks.data.items.length === 0 ? <p>{t('tasks.none')}</p> : null}
          <ul className="hub-question-list">
            {tasks.data.items.map((task) => (
              <TaskItem key={`${task.kind}-${task.id}`} task={task} />
            ))}
          </ul>
        </section>
      ) : null}
      <CalendarFeedPanel />
    </div>
  );
}
