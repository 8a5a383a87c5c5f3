import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LogReview } from '../../../common/schemas/audit.ts';
import { useFormatDate, useFormatDateTime } from '../../components/format.ts';

interface ReviewListProps {
  reviews: LogReview[];
  /** Say what each review was about, with a link (off on a child's own log page). */
  showSubject: boolean;
  headingLevel: 'h2' | 'h3';
}

/** Recorded log reviews, newest first: who reviewed which period and what they found. */
export function ReviewList({ reviews, showSubject, headingLevel: Heading }: ReviewListProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const sorted = [...reviews].sort((a, b) => b.reviewedAt.localeCompare(a.reviewedAt));
  return (
    <ul className="review-list">
      {sorted.map((r) => (
        <li key={r.id} className="review-card">
          <Heading className="review-card__title">
            {t('review.cardTitle', { from: formatDate(r.periodFrom), to: formatDate(r.periodTo) })}
          </Heading>
          <dl className="facts">
            <div>
              <dt>{t('review.reviewer')}</dt>
              <dd>{r.reviewerName}</dd>
            </div>
            <div>
              <dt>{t('review.reviewedAt')}</dt>
              <dd>{formatDateTime(r.reviewedAt)}</dd>
            </div>
            {showSubject ? (
              <div>
                <dt>{t('review.subject')}</dt>
                <dd>
                  {r.subjectKind === 'child' ? (
                    <Link to={`/children/${r.subjectId}/audit`}>{t('review.childLogLink')}</Link>
                  ) : (
                    <Link to={`/audit/users/${r.subjectId}`}>{t('review.userSubject')}</Link>
                  )}
                </dd>
              </div>
            ) : null}
          </dl>
          <p className="review-card__findings-label">{t('review.findings')}</p>
          <p className="review-card__findings">{r.findings}</p>
        </li>
      ))}
    </ul>
  );
}
