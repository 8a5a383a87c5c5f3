import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { shownBy } from '../../../common/errors-shown.ts';
import { sampledReviewErrors } from '../../../common/errors-shown-pages.ts';
import type { Sample, SampledReview } from '../../../common/schemas/retention.ts';
import { isApiError } from '../../api/client.ts';
import { useReviewAction, useSampledReview } from '../../api/retention.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Field, SelectField } from '../../components/Field.tsx';
import { useFormatDate, useFormatDateTime } from '../../components/format.ts';
import { ErrorRegion, Loading, Notice } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { AuditAction } from './AuditAction.tsx';

/** One sampled review: a verdict per drawn row, then closing it as a documented log review. */
export function ReviewSampledPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const review = useSampledReview(id);
  const act = useReviewAction(id);
  const formatDate = useFormatDate();
  useDocumentTitle(t('retention.sampled.sampledTitle'));
  const r = review.data;
  const code = isApiError(act.error) && shownBy(sampledReviewErrors, act.error.code) ? act.error.code : null;
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/audit/sampled-reviews">{t('retention.sampled.back')}</Link>
      </p>
      {review.isPending ? <Loading /> : null}
      <ErrorRegion error={review.error} />
      {r ? (
        <>
          <h1>{t('retention.sampled.reviewTitle', { from: formatDate(r.periodFrom), to: formatDate(r.periodTo) })}</h1>
          <p>
            {r.status === 'closed'
              ? t('retention.sampled.closed')
              : `${t('retention.sampled.due', { date: formatDate(r.dueOn) })}. ${t('retention.sampled.decided', { decided: r.decided, count: r.samples })}`}
          </p>
          {r.items.length === 0 ? <p>{t('retention.sampled.noSamples')}</p> : null}
          <ol className="review-list" aria-label={t('retention.sampled.samplesLabel')}>
            {r.items.map((s) => (
              <SampleItem key={s.id} sample={s} review={r} onSave={(body) => act.mutate({ sampleId: s.id, body })} />
            ))}
          </ol>
          {code ? (
            <div role="alert">
              <Notice kind="error" title={t('errors.title')}>
                <p>{t(`retention.sampled.errors.${code}`)}</p>
              </Notice>
            </div>
          ) : (
            <ErrorRegion error={act.error} />
          )}
          {r.status === 'open' ? (
            <ConfirmDialog
              trigger={t('retention.sampled.close')}
              triggerClassName="button"
              title={t('retention.sampled.closeTitle')}
              body={t('retention.sampled.closeBody')}
              confirm={t('retention.sampled.close')}
              onConfirm={() => act.mutate({ close: true })}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}

type Verdict = Parameters<ReturnType<typeof useReviewAction>['mutate']>[0];
type Body = Extract<Verdict, { body: unknown }>['body'];

function SampleItem({
  sample: s,
  review,
  onSave,
}: {
  sample: Sample;
  review: SampledReview;
  onSave: (b: Body) => void;
}) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const [verdict, setVerdict] = useState<'in_order' | 'follow_up'>(s.verdict ?? 'in_order');
  const [action, setAction] = useState(s.followUpAction ?? '');
  const [owner, setOwner] = useState(s.ownerUserId ?? review.owners[0]?.id ?? '');
  const [dueOn, setDueOn] = useState(s.followUpDueOn ?? '');
  const legend = `${t(`retention.sampled.reason.${s.reason}`)}: ${s.actorName ?? ''}, ${formatDateTime(s.at)}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(verdict === 'in_order' ? { verdict } : { verdict, action, ownerUserId: owner, dueOn });
  };
  return (
    <li className="review-card">
      <form onSubmit={submit} className="form">
        <fieldset>
          <legend>{legend}</legend>
          <p className="hub-small">
            {t('retention.sampled.what')}: <AuditAction action={s.action} />. {t('retention.sampled.child')}:{' '}
            {s.childId ? (
              <Link to={`/children/${s.childId}`}>{s.childId.slice(0, 8)}</Link>
            ) : (
              t('retention.sampled.hiddenChild')
            )}
          </p>
          {review.status === 'open' ? (
            <>
              <SelectField
                name={`verdict-${s.id}`}
                label={t('retention.sampled.verdictLegend')}
                value={verdict}
                onChange={(v) => setVerdict(v === 'follow_up' ? 'follow_up' : 'in_order')}
                options={[
                  { value: 'in_order', label: t('retention.sampled.inOrder') },
                  { value: 'follow_up', label: t('retention.sampled.followUp') },
                ]}
              />
              {verdict === 'follow_up' ? (
                <>
                  <Field
                    label={t('retention.sampled.action')}
                    value={action}
                    onChange={(e) => setAction(e.target.value)}
                  />
                  <SelectField
                    label={t('retention.sampled.owner')}
                    value={owner}
                    onChange={setOwner}
                    options={review.owners.map((o) => ({ value: o.id, label: o.name }))}
                  />
                  <Field
                    type="date"
                    label={t('retention.sampled.dueOn')}
                    value={dueOn}
                    onChange={(e) => setDueOn(e.target.value)}
                  />
                </>
              ) : null}
              <button type="submit" className="button button--secondary">
                {t('retention.sampled.saveVerdict')}
              </button>
            </>
          ) : null}
          {s.verdict ? (
            <p className="hub-small">
              {t('retention.sampled.verdictSaved', {
                verdict: t(s.verdict === 'in_order' ? 'retention.sampled.inOrder' : 'retention.sampled.followUp'),
              })}
            </p>
          ) : null}
        </fieldset>
      </form>
    </li>
  );
}
