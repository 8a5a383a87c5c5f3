import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSampledReviews } from '../../api/retention.ts';
import { Notice } from '../../components/Notice.tsx';

/** The manager's start page: sampled log reviews past their due date, and the way to them. */
export function ReviewOverdue() {
  const { t } = useTranslation();
  const reviews = useSampledReviews();
  const overdue = reviews.data?.items.filter((r) => r.overdue).length ?? 0;
  return (
    <div>
      {overdue > 0 ? (
        <Notice kind="warning">
          <p>{t('logRetention.overdue', { count: overdue })}</p>
        </Notice>
      ) : null}
      <Link to="/audit/sampled-reviews">{t('logRetention.sampledLink')}</Link>
    </div>
  );
}
