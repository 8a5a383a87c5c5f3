import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useUserLog } from '../../api/audit.ts';
import { isApiError } from '../../api/client.ts';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { NotFoundPage } from '../NotFound/NotFoundPage.tsx';
import { LogSection } from './LogSection.tsx';
import { ReviewForm } from './ReviewForm.tsx';

/** One user's audit log for a reviewer: what they did, and the children they tried to reach and were refused. */
export function UserAuditPage() {
  const { t } = useTranslation();
  const { id: userId = '' } = useParams();
  const log = useUserLog(userId);
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  // The log is the user's own doing, so its rows carry their name.
  const name = entries.find((e) => e.actorUserId === userId)?.actorName;
  const title = name ? t('deniedAccess.userTitle', { name }) : t('deniedAccess.userTitleUnnamed');
  useDocumentTitle(title);

  if (isApiError(log.error) && (log.error.status === 404 || log.error.status === 400)) return <NotFoundPage />;

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/audit/reviews">{t('deniedAccess.backToReviews')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('deniedAccess.userIntro')}</p>
      <LogSection log={log} csvHref={`/api/audit/users/${encodeURIComponent(userId)}/log.csv`} />

      <section className="panel" aria-labelledby="review-heading">
        <h2 id="review-heading">{t('review.formTitle')}</h2>
        <p>{t('review.formIntro')}</p>
        <ReviewForm subjectId={userId} subjectKind="user" />
      </section>
    </div>
  );
}
