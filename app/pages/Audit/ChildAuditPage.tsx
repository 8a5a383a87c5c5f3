import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useChildLog, useReviews } from '../../api/audit.ts';
import { useChild } from '../../api/children.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorRegion } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ChildNotFound } from '../Child/ChildNotFound.tsx';
import { LogSection } from './LogSection.tsx';
import { ReviewForm } from './ReviewForm.tsx';
import { ReviewList } from './ReviewList.tsx';
import { childViewPath } from '../../components/hub/sections.ts';

/** A child's audit log for a manager's review, with the form to record the review. */
export function ChildAuditPage() {
  const { t } = useTranslation();
  const { id: childId = '' } = useParams();
  const log = useChildLog(childId);
  // The name is a courtesy: a tenant admin may review a child outside their own scope.
  const child = useChild(childId);
  const reviews = useReviews();
  const name = child.data?.displayName;
  const title = name ? t('audit.childTitle', { name }) : t('audit.childTitleUnnamed');
  useDocumentTitle(title);

  if (isApiError(log.error) && (log.error.status === 404 || log.error.status === 400)) return <ChildNotFound />;

  const childReviews = reviews.data?.filter((r) => r.subjectKind === 'child' && r.subjectId === childId) ?? [];
  return (
    <div className="page">
      <p className="breadcrumb">
        {name ? <Link to={childViewPath(childId, 'history')}>{t('audit.backToChild', { name })}</Link> : null}
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('audit.intro')}</p>

      <LogSection log={log} csvHref={`/api/audit/children/${encodeURIComponent(childId)}/log.csv`} />

      <section className="panel" aria-labelledby="review-heading">
        <h2 id="review-heading">{t('review.formTitle')}</h2>
        <p>{t('review.formIntro')}</p>
        <ReviewForm subjectId={childId} />
      </section>

      <section aria-labelledby="earlier-heading">
        <h2 id="earlier-heading">{t('review.earlierTitle')}</h2>
        <ErrorRegion error={reviews.error} />
        {reviews.data && childReviews.length === 0 ? <p className="empty">{t('review.earlierEmpty')}</p> : null}
        {childReviews.length > 0 ? <ReviewList reviews={childReviews} showSubject={false} headingLevel="h3" /> : null}
      </section>
    </div>
  );
}
