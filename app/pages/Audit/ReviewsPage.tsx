import { useTranslation } from 'react-i18next';
import { useReviews } from '../../api/audit.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ReviewList } from './ReviewList.tsx';

/** Every log review recorded in the tenant: the documented follow-up of access logs. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const reviews = useReviews();
  useDocumentTitle(t('review.listTitle'));
  return (
    <div className="page">
      <h1>{t('review.listTitle')}</h1>
      <p className="lead">{t('review.listIntro')}</p>
      <ErrorRegion error={reviews.error} />
      {reviews.isPending ? <Loading /> : null}
      {reviews.data && reviews.data.length === 0 ? <p className="empty">{t('review.listEmpty')}</p> : null}
      {reviews.data && reviews.data.length > 0 ? (
        <ReviewList reviews={reviews.data} showSubject headingLevel="h2" />
      ) : null}
    </div>
  );
}
