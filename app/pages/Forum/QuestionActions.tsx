import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../common/schemas/forum.ts';
import { useEscalateQuestion, useLevelMeetings, usePatchQuestion, useTakeQuestion } from '../../api/levels.ts';
import { useSession } from '../../components/RequireSession.tsx';
import { errorText } from '../../components/errors.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { localIsoDate } from '../../components/format.ts';
import type { CollaborationSummary } from './types.ts';

/** What the level now handling a question does with it: own it, take it to a meeting, escalate, answer. */
export function QuestionActions({ q, collaboration }: { q: Question; collaboration: CollaborationSummary }) {
  const { t } = useTranslation();
  const me = useSession();
  const id = collaboration.id;
  const runs = q.level === 'strategic' ? collaboration.abilities.runStrategic : collaboration.abilities.runForum;
  const upcoming = useLevelMeetings(id, 'upcoming');
  const patch = usePatchQuestion(id);
  const escalate = useEscalateQuestion(id);
  const take = useTakeQuestion(id);
  const [answer, setAnswer] = useState('');
  const [reason, setReason] = useState('');
  const [due, setDue] = useState(localIsoDate());
  const meetings = (upcoming.data?.items ?? []).filter((m) => m.kind === 'operational_forum');
  const [meetingId, setMeetingId] = useState('');
  if (!runs || q.status === 'answered' || q.status === 'closed') return null;
  const error = patch.error ?? escalate.error ?? take.error;
  const label = (s: string) => `${s} – ${q.title}`;
  return (
    <div className="levels-actions">
      {!q.owner ? (
        <>
          <Field
            label={label(t('levels.questions.dueLabel'))}
            type="date"
            value={due}
            onChange={(e) => setDue(e.target.value)}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => patch.mutate({ questionId: q.id, body: { ownerUserId: me.user.id, dueOn: due } })}
          >
            {t('levels.questions.takeOwnership')}
          </button>
        </>
      ) : null}
      {q.level === 'operational' && meetings.length > 0 && !q.meetingId ? (
        <>
          <SelectField
            label={label(t('levels.questions.meetingLabel'))}
            value={meetingId || meetings[0]!.id}
            onChange={setMeetingId}
            options={meetings.map((m) => ({ value: m.id, label: `${m.title} ${m.startsAt.slice(0, 10)}` }))}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => take.mutate({ questionId: q.id, meetingId: meetingId || meetings[0]!.id })}
          >
            {t('levels.questions.take')}
          </button>
        </>
      ) : null}
      <TextAreaField
        label={label(t('levels.questions.answerLabel'))}
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        rows={2}
      />
      <button
        type="button"
        className="button"
        disabled={!answer.trim()}
        onClick={() => patch.mutate({ questionId: q.id, body: { answer: answer.trim() } })}
      >
        {t('levels.questions.saveAnswer')}
      </button>
      {q.level === 'operational' ? (
        <>
          <Field
            label={label(t('levels.questions.reasonLabel'))}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button
            type="button"
            className="button button--secondary"
            disabled={!reason.trim()}
            onClick={() => escalate.mutate({ questionId: q.id, reason: reason.trim() })}
          >
            {t('levels.questions.escalate')}
          </button>
        </>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {errorText(t, error)}
        </p>
      ) : null}
    </div>
  );
}
