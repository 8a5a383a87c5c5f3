import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../../common/schemas/collaboration-roadmap.ts';
import type { Collaboration } from '../../../common/schemas/collaboration-core.ts';
import { Field, TextAreaField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { usePlanReview, useRecordReview, useReviews } from './api.ts';
import { CollabError, fieldError } from './errors.tsx';
import { SubPage } from './SubPage.tsx';

/** Step 7: review dates and what each review found. The follow-up indicators get their own part later. */
export function ReviewsPage() {
  return <SubPage part="reviews">{(c) => <Reviews c={c} />}</SubPage>;
}

function Reviews({ c }: { c: Collaboration }) {
  const { t } = useTranslation();
  const list = useReviews(c.id);
  const plan = usePlanReview(c.id);
  const [dueOn, setDueOn] = useState('');
  return (
    <>
      <section className="panel" aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t('collaborationSetup.indicatorsTitle')}</h2>
        {/* The follow-up indicators (a later part of Navet) are shown here. */}
        <p>{t('collaborationSetup.indicatorsLater')}</p>
      </section>
      <CollabError error={list.error} />
      {list.data?.reviews.length === 0 ? <p>{t('collaborationSetup.noReviews')}</p> : null}
      <ul className="link-list">
        {list.data?.reviews.map((r) => (
          <ReviewItem key={r.id} c={c} r={r} />
        ))}
      </ul>
      {c.abilities.manage ? (
        <form
          className="panel"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            plan.mutate(dueOn);
          }}
        >
          <h2>{t('collaborationSetup.planReview')}</h2>
          <CollabError error={plan.error} />
          <Field
            label={t('collaborationSetup.reviewDue')}
            type="date"
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
            error={fieldError(t, plan.error, 'dueOn')}
          />
          <button type="submit" className="button" disabled={plan.isPending}>
            {t('collaborationSetup.planReviewButton')}
          </button>
        </form>
      ) : null}
    </>
  );
}

function ReviewItem({ c, r }: { c: Collaboration; r: Review }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const record = useRecordReview(c.id);
  const [heldOn, setHeldOn] = useState('');
  const [works, setWorks] = useState('');
  const [not, setNot] = useState('');
  const [actions, setActions] = useState('');
  const [revise, setRevise] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = actions
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean)
      .map((title) => ({ title }));
    record.mutate({
      reviewId: r.id,
      body: { heldOn, whatWorks: works, whatDoesNot: not, actions: list, startRevision: revise },
    });
  };
  return (
    <li className="panel">
      <h2>{t('collaborationSetup.reviewOn', { date: date(r.dueOn) })}</h2>
      {r.heldOn ? (
        <>
          <p>{t('collaborationSetup.heldOn', { date: date(r.heldOn) })}</p>
          <h3>{t('collaborationSetup.whatWorks')}</h3>
          <p>{r.whatWorks}</p>
          <h3>{t('collaborationSetup.whatDoesNot')}</h3>
          <p>{r.whatDoesNot}</p>
          <p>{t('collaborationSetup.actionsBecame', { count: r.proposalIds.length })}</p>
          {r.startedRevision ? <p>{t('collaborationSetup.startedRevision')}</p> : null}
        </>
      ) : c.abilities.manage ? (
        <form onSubmit={submit} noValidate>
          <CollabError error={record.error} />
          <Field
            label={t('collaborationSetup.heldOnLabel')}
            type="date"
            value={heldOn}
            onChange={(e) => setHeldOn(e.target.value)}
            error={fieldError(t, record.error, 'heldOn')}
          />
          <TextAreaField
            label={t('collaborationSetup.whatWorks')}
            value={works}
            onChange={(e) => setWorks(e.target.value)}
            error={fieldError(t, record.error, 'whatWorks')}
          />
          <TextAreaField
            label={t('collaborationSetup.whatDoesNot')}
            value={not}
            onChange={(e) => setNot(e.target.value)}
            error={fieldError(t, record.error, 'whatDoesNot')}
          />
          <TextAreaField
            label={t('collaborationSetup.actions')}
            hint={t('collaborationSetup.actionsHint')}
            value={actions}
            onChange={(e) => setActions(e.target.value)}
          />
          <div className="field">
            <label>
              <input type="checkbox" checked={revise} onChange={(e) => setRevise(e.target.checked)} />{' '}
              {t('collaborationSetup.startRevision')}
            </label>
          </div>
          <button type="submit" className="button" disabled={record.isPending}>
            {t('collaborationSetup.recordReview')}
          </button>
        </form>
      ) : (
        <p>{t('collaborationSetup.notHeld')}</p>
      )}
    </li>
  );
}
