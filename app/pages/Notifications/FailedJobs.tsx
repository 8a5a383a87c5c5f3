import { useTranslation } from 'react-i18next';
import { useFailedJobs, useRetryJob } from '../../components/notifications/api.ts';
import { useFormatDateTime } from '../../components/format.ts';
import { ErrorRegion, Loading, Notice } from '../../components/Notice.tsx';

/** For the tenant admin: background sending that gave up (a mail server down), with a retry. */
export function FailedJobs() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const jobs = useFailedJobs(true);
  const retry = useRetryJob();
  return (
    <section className="panel" aria-labelledby="failed-jobs-heading">
      <h2 id="failed-jobs-heading">{t('notices.jobs.title')}</h2>
      <ErrorRegion error={jobs.error ?? retry.error} />
      <div role="status">
        {retry.isSuccess ? (
          <Notice kind="success" title={t('notices.jobs.retried')}>
            {null}
          </Notice>
        ) : null}
      </div>
      {jobs.isPending ? <Loading /> : null}
      {jobs.data?.items.length === 0 ? <p className="hub-muted">{t('notices.jobs.empty')}</p> : null}
      <ul className="notice-list">
        {jobs.data?.items.map((j) => (
          <li key={j.id} className="notice-item">
            <p>
              <code>{j.kind}</code> · {t('notices.jobs.attempts', { count: j.attempts })} ·{' '}
              {formatDateTime(j.finishedAt ?? j.runAt)}
            </p>
            {j.lastError ? <p className="hub-small">{j.lastError}</p> : null}
            <button type="button" className="button button--secondary" onClick={() => retry.mutate(j.id)}>
              {t('notices.jobs.retry')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
