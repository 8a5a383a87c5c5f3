import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubMember, Question } from '../../../common/schemas/hub.ts';
import { useUpdateQuestion } from '../../api/hub.ts';
import { fieldIssue } from '../errors.ts';
import { Field, SelectField } from '../Field.tsx';
import { localIsoDate, useFormatDate } from '../format.ts';
import { HubErrorRegion } from './HubError.tsx';
import { useTopicName } from './values.tsx';

interface QuestionItemProps {
  childId: string;
  question: Question;
  owners: HubMember[];
  onSaved: (message: string) => void;
}

type Mode = 'view' | 'drop' | 'reassign';

/** One question: its owner, due date and status, with what the reader may do about it. */
export function QuestionItem({ childId, question: q, owners, onSaved }: QuestionItemProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const topicName = useTopicName();
  const update = useUpdateQuestion(childId);
  const [mode, setMode] = useState<Mode>('view');
  const [reason, setReason] = useState('');
  const [owner, setOwner] = useState(q.owner.active ? q.owner.memberId : '');
  const [dueOn, setDueOn] = useState(q.dueOn);
  const [reasonMissing, setReasonMissing] = useState(false);
  const actionsRef = useRef<HTMLDivElement>(null);
  const canEdit = q.abilities.edit && q.status === 'open';

  const back = () => {
    setMode('view');
    update.reset();
    // Focus back on the first action, since the form that had it is gone.
    requestAnimationFrame(() => actionsRef.current?.querySelector('button')?.focus());
  };
  const markDone = () =>
    update.mutate(
      { questionId: q.id, body: { status: 'done' } },
      { onSuccess: () => onSaved(t('hub.questions.markedDone')) },
    );
  const drop = (e: FormEvent) => {
    e.preventDefault();
    setReasonMissing(!reason.trim());
    if (!reason.trim()) return;
    update.mutate(
      { questionId: q.id, body: { status: 'dropped', dropReason: reason.trim() } },
      { onSuccess: () => onSaved(t('hub.questions.dropped')) },
    );
  };
  const reassign = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      {
        questionId: q.id,
        body: {
          ...(owner && owner !== q.owner.memberId ? { ownerMemberId: owner } : {}),
          ...(dueOn !== q.dueOn ? { dueOn } : {}),
        },
      },
      {
        onSuccess: () => {
          back();
          onSaved(t('hub.questions.reassigned'));
        },
      },
    );
  };

  return (
    <li className={`hub-question${q.overdue ? ' hub-question--overdue' : ''}`}>
      <p className="hub-question__text">{q.text}</p>
      {q.overdue ? (
        <p className="hub-warning-text">
          <span aria-hidden="true">⚠ </span>
          {t('hub.questions.overdue')}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t('hub.questions.owner')}</dt>
          <dd>
            {q.owner.displayName} ({t(`hubRole.${q.owner.hubRole}`)})
            {q.owner.active ? null : (
              <span className="hub-warning-text">
                {' '}
                <span aria-hidden="true">⚠ </span>
                {t('hub.questions.ownerLeft')}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('hub.questions.dueOn')}</dt>
          <dd>{formatDate(q.dueOn)}</dd>
        </div>
        <div>
          <dt>{t('hub.questions.statusLabel')}</dt>
          <dd>
            {t(`hub.questions.status.${q.status}`)}
            {q.dropReason ? ` – ${q.dropReason}` : null}
          </dd>
        </div>
        {q.topic ? (
          <div>
            <dt>{t('hub.questions.topic')}</dt>
            <dd>{topicName(q.topic)}</dd>
          </div>
        ) : null}
      </dl>
      <HubErrorRegion error={update.error} />
      {canEdit && mode === 'view' ? (
        <div className="hub-actions" ref={actionsRef}>
          <button type="button" className="button button--secondary" onClick={markDone} disabled={update.isPending}>
            {t('hub.questions.markDone')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setMode('reassign')}>
            {t('hub.questions.reassign')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setMode('drop')}>
            {t('hub.questions.drop')}
          </button>
        </div>
      ) : null}
      {canEdit && mode === 'drop' ? (
        <form className="form hub-form hub-form--inline" onSubmit={drop} noValidate>
          <Field
            label={t('hub.questions.dropReason')}
            value={reason}
            maxLength={1000}
            autoFocus
            onChange={(e) => setReason(e.target.value)}
            error={
              reasonMissing || fieldIssue(update.error, 'dropReason') ? t('hub.questions.errors.dropReason') : null
            }
          />
          <div className="hub-actions">
            <button type="submit" className="button" disabled={update.isPending}>
              {t('hub.questions.dropConfirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={back}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {canEdit && mode === 'reassign' ? (
        <form className="form hub-form hub-form--inline" onSubmit={reassign} noValidate>
          <SelectField
            label={t('hub.questions.owner')}
            value={owner}
            onChange={setOwner}
            options={[
              { value: '', label: t('hub.choose') },
              ...owners.map((m) => ({ value: m.memberId, label: `${m.displayName} (${t(`hubRole.${m.hubRole}`)})` })),
            ]}
            error={fieldIssue(update.error, 'ownerMemberId') ? t('hub.questions.errors.owner') : null}
          />
          <Field
            label={t('hub.questions.dueOn')}
            type="date"
            value={dueOn}
            min={localIsoDate()}
            onChange={(e) => setDueOn(e.target.value)}
            error={fieldIssue(update.error, 'dueOn') ? t('hub.questions.errors.dueOn') : null}
          />
          <div className="hub-actions">
            <button type="submit" className="button" disabled={update.isPending}>
              {t('hub.save')}
            </button>
            <button type="button" className="button button--secondary" onClick={back}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
