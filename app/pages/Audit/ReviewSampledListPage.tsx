import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSampledReviews, useScheduleReviews } from '../../api/retention.ts';
import { SelectField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { ErrorRegion, Loading, Notice } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';

const EVERY = [1, 3, 6, 12] as const;

/** The manager's sampled log reviews: schedule them, see which are due or overdue, open one. */
export function ReviewSampledListPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('retention.sampled.sampledTitle'));
  const reviews = useSampledReviews();
  const schedule = useScheduleReviews();
  const formatDate = useFormatDate();
  const [every, setEvery] = useState('1');
  const [done, setDone] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    schedule.mutate(
      { everyMonths: Number(every) as (typeof EVERY)[number], perReason: 5, daysToClose: 14 },
      { onSuccess: () => setDone(true) },
    );
  };

  return (
    <div className="page">
      <h1>{t('retention.sampled.sampledTitle')}</h1>
      <p className="lead">{t('retention.sampled.sampledIntro')}</p>
      <form onSubmit={submit} className="form">
        <SelectField
          name="every"
          label={t('retention.sampled.every')}
          value={every}
          onChange={setEvery}
          options={EVERY.map((n) => ({ value: String(n), label: t('retention.sampled.everyOption', { count: n }) }))}
        />
        <button type="submit" className="button" disabled={schedule.isPending}>
          {t('retention.sampled.schedule')}
        </button>
      </form>
      <ErrorRegion error={schedule.error ?? reviews.error} />
      <div role="status">
        {done ? (
          <Notice kind="success">
            <p>{t('retention.sampled.scheduled')}</p>
          </Notice>
        ) : null}
      </div>
      <h2>{t('retention.sampled.listTitle')}</h2>
      {reviews.isPending ? <Loading /> : null}
      {reviews.data?.items.length === 0 ? <p>{t('retention.sampled.listEmpty')}</p> : null}
      <ul className="review-list">
        {reviews.data?.items.map((r) => (
          <li key={r.id} className="review-card">
            <p>
              <Link to={`/audit/sampled-reviews/${r.id}`}>
                {t('retention.sampled.period', { from: formatDate(r.periodFrom), to: formatDate(r.periodTo) })}
              </Link>
              {r.overdue ? <strong> {t('retention.sampled.overdue')}</strong> : null}
            </p>
            <p className="hub-small">
              {r.status === 'closed'
                ? t('retention.sampled.closed')
                : `${t('retention.sampled.due', { date: formatDate(r.dueOn) })}. ${t('retention.sampled.decided', { decided: r.decided, count: r.samples })}`}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
