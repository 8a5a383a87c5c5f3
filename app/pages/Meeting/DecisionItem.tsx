import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Decision } from '../../../common/schemas/meetings.ts';
import { Field } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { useUpdateDecision } from './api.ts';
import { MeetingErrorRegion, OverdueMark } from './values.tsx';

interface DecisionItemProps {
  decision: Decision;
  /** Show which meeting it came from (on the child page and in the follow-up). */
  showMeeting?: boolean;
  onSaved?: (message: string) => void;
}

/** One decision: owner, due date, status; its owner (or the core three) marks it done or drops it with a reason. */
export function DecisionItem({ decision: d, showMeeting = false, onSaved }: DecisionItemProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const update = useUpdateDecision();
  const [dropping, setDropping] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const canEdit = d.abilities.edit && d.status === 'open';

  const done = () =>
    update.mutate(
      { id: d.id, body: { status: 'done' } },
      { onSuccess: () => onSaved?.(t('meetings.decisions.markedDone')) },
    );
  const drop = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!reason.trim());
    if (!reason.trim()) return;
    update.mutate(
      { id: d.id, body: { status: 'dropped', dropReason: reason.trim() } },
      { onSuccess: () => onSaved?.(t('meetings.decisions.dropped')) },
    );
  };

  return (
    <li className={`hub-question${d.overdue ? ' hub-question--overdue' : ''}`}>
      <p className="hub-question__text">{d.text}</p>
      <OverdueMark decision={d} />
      <dl className="facts">
        <div>
          <dt>{t('meetings.decisions.owner')}</dt>
          <dd>{d.owner.displayName}</dd>
        </div>
        <div>
          <dt>{t('meetings.decisions.dueOn')}</dt>
          <dd>{formatDate(d.dueOn)}</dd>
        </div>
        <div>
          <dt>{t('meetings.decisions.statusLabel')}</dt>
          <dd>
            {t(`meetings.decisions.status.${d.status}`)}
            {d.dropReason ? ` – ${d.dropReason}` : null}
          </dd>
        </div>
        {showMeeting ? (
          <div>
            <dt>{t('meetings.decisions.meeting')}</dt>
            <dd>
              <Link to={`/meetings/${d.meetingId}`}>{d.meetingTitle}</Link>
            </dd>
          </div>
        ) : null}
      </dl>
      <MeetingErrorRegion error={update.error} />
      {canEdit && !dropping ? (
        <div className="hub-actions">
          <button type="button" className="button button--secondary" onClick={done} disabled={update.isPending}>
            {t('meetings.decisions.markDone')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setDropping(true)}>
            {t('meetings.decisions.drop')}
          </button>
        </div>
      ) : null}
      {canEdit && dropping ? (
        <form className="form hub-form hub-form--inline" onSubmit={drop} noValidate>
          <Field
            label={t('meetings.decisions.dropReason')}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
            error={missing ? t('meetings.decisions.errors.dropReason') : null}
          />
          <div className="hub-actions">
            <button type="submit" className="button" disabled={update.isPending}>
              {t('meetings.decisions.dropSubmit')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setDropping(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
