import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyDeadlines } from '../../components/notifications/api.ts';
import { useFormatDate } from '../../components/format.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';

/** My task list of dates: the open deadlines of my children, soonest first. */
export function MyDeadlines() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const deadlines = useMyDeadlines();
  return (
    <section className="panel" aria-labelledby="my-deadlines-heading">
      <h2 id="my-deadlines-heading">{t('notices.deadlines.title')}</h2>
      <ErrorRegion error={deadlines.error} />
      {deadlines.isPending ? <Loading /> : null}
      {deadlines.data?.items.length === 0 ? <p className="hub-muted">{t('notices.deadlines.empty')}</p> : null}
      <ul className="deadline-list">
        {deadlines.data?.items.map((d) => (
          <li key={d.id}>
            <Link to={`/children/${d.childId}`}>
              {t('notices.deadlines.item', {
                date: formatDate(d.dueOn),
                deadline: t(`notices.deadlineKind.${d.kind}`),
                child: d.childName,
              })}
            </Link>
            {d.passed ? <span className="status--urgent"> ({t('notices.child.passed')})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
