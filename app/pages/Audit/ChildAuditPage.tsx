import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useChildLog, useReviews } from '../../api/audit.ts';
import { useChild } from '../../api/children.ts';
import { isApiError } from '../../api/client.ts';
import { useFormatDateTime } from '../../components/format.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ChildNotFound } from '../Child/ChildNotFound.tsx';
import { AuditAction } from './AuditAction.tsx';
import { ReviewForm } from './ReviewForm.tsx';
import { ReviewList } from './ReviewList.tsx';

/** A child's audit log for a manager's review, with the form to record the review. */
export function ChildAuditPage() {
  const { t } = useTranslation();
  const { id: childId = '' } = useParams();
  const log = useChildLog(childId);
  // The name is a courtesy: a tenant admin may review a child outside their own scope.
  const child = useChild(childId);
  const reviews = useReviews();
  const formatDateTime = useFormatDateTime();
  const name = child.data?.displayName;
  const title = name ? t('audit.childTitle', { name }) : t('audit.childTitleUnnamed');
  useDocumentTitle(title);

  if (isApiError(log.error) && (log.error.status === 404 || log.error.status === 400)) return <ChildNotFound />;

  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const childReviews = reviews.data?.filter((r) => r.subjectKind === 'child' && r.subjectId === childId) ?? [];
  return (
    <div className="page">
      <p className="breadcrumb">
        {name ? <Link to={`/children/${childId}`}>{t('audit.backToChild', { name })}</Link> : null}
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('audit.intro')}</p>

      <section aria-labelledby="log-heading">
        <h2 id="log-heading">{t('audit.entriesTitle')}</h2>
        <p>
          {/* A plain link: the browser downloads with the session cookie, and the server logs the export. */}
          <a
            className="button button--secondary"
            href={`/api/audit/children/${encodeURIComponent(childId)}/log.csv`}
            download
            aria-describedby="csv-hint"
          >
            {t('audit.downloadCsv')}
          </a>
        </p>
        <p id="csv-hint" className="field__hint">
          {t('audit.downloadCsvHint')}
        </p>
        <ErrorRegion error={log.error} />
        {log.isPending ? <Loading /> : null}
        {log.data && entries.length === 0 ? <p className="empty">{t('audit.empty')}</p> : null}
        {entries.length > 0 ? (
          <div className="table-scroll" role="region" aria-labelledby="log-heading" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col">{t('audit.what')}</th>
                  <th scope="col">{t('audit.who')}</th>
                  <th scope="col">{t('audit.ip')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">{formatDateTime(e.at)}</td>
                    <td>
                      <AuditAction action={e.action} />
                    </td>
                    <td>{e.actorName ?? t('audit.system')}</td>
                    <td className="nowrap">{e.ip ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {log.hasNextPage ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void log.fetchNextPage()}
            disabled={log.isFetchingNextPage}
          >
            {log.isFetchingNextPage ? t('common.loading') : t('audit.older')}
          </button>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="review-heading">
        <h2 id="review-heading">{t('review.formTitle')}</h2>
        <p>{t('review.formIntro')}</p>
        <ReviewForm childId={childId} />
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
