import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../common/schemas/forum.ts';
import { useProposeQuestion, useQuestions, useRaiseQuestion } from '../../api/levels.ts';
import { errorText, fieldIssue } from '../../components/errors.ts';
import { Field, TextAreaField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { ProposalAction } from './ProposalAction.tsx';
import { QuestionActions } from './QuestionActions.tsx';
import type { CollaborationSummary, Level } from './types.ts';

/**
 * The question register of a level. The forum sees every question (escalated
 * ones marked, answers that came back down included); the strategic level
 * the ones escalated to it. Any staff member raises a question on the forum page.
 */
export function QuestionsSection({ collaboration, level }: { collaboration: CollaborationSummary; level: Level }) {
  const { t } = useTranslation();
  const questions = useQuestions(collaboration.id);
  const items = (questions.data?.items ?? []).filter((q) => level === 'operational' || q.level === 'strategic');
  const open = items.filter((q) => q.status !== 'answered' && q.status !== 'closed');
  const settled = items.filter((q) => q.status === 'answered' || q.status === 'closed');
  const heading = `questions-${level}`;
  return (
    <section className="panel" aria-labelledby={heading}>
      <h2 id={heading}>
        {level === 'operational' ? t('levels.questions.title') : t('levels.questions.escalatedTitle')}
      </h2>
      <ErrorRegion error={questions.error} />
      {questions.isPending ? <Loading /> : null}
      {questions.data && open.length === 0 ? <p className="empty">{t('levels.questions.none')}</p> : null}
      <ul className="levels-list">
        {open.map((q) => (
          <QuestionRow key={q.id} q={q} collaboration={collaboration} />
        ))}
      </ul>
      {settled.length > 0 ? (
        <details>
          <summary>{t('levels.questions.settled', { count: settled.length })}</summary>
          <ul className="levels-list">
            {settled.map((q) => (
              <QuestionRow key={q.id} q={q} collaboration={collaboration} />
            ))}
          </ul>
        </details>
      ) : null}
      {level === 'operational' ? <RaiseForm collaborationId={collaboration.id} /> : null}
    </section>
  );
}

function QuestionRow({ q, collaboration }: { q: Question; collaboration: CollaborationSummary }) {
  const { t } = useTranslation();
  const fmt = useFormatDate();
  const propose = useProposeQuestion(collaboration.id);
  const runs = q.level === 'strategic' ? collaboration.abilities.runStrategic : collaboration.abilities.runForum;
  return (
    <li id={`question-${q.id}`}>
      <h3>{q.title}</h3>
      <p>{q.text}</p>
      <p className="levels-meta">
        {t(`levels.questions.status.${q.status}`)} · {t('levels.questions.raisedBy', { name: q.raisedBy.name })}
        {q.origin === 'hub' ? ` · ${t('levels.questions.fromHub')}` : ''}
        {q.owner ? ` · ${t('levels.owner', { name: q.owner.name })}` : ''}
        {q.dueOn ? ` · ${t('levels.due', { date: fmt(q.dueOn) })}` : ''}
      </p>
      {q.overdue ? <p className="levels-overdue">{t('levels.overdue')}</p> : null}
      {q.escalationReason ? (
        <p className="levels-meta">{t('levels.questions.escalatedBecause', { reason: q.escalationReason })}</p>
      ) : null}
      {q.answer ? (
        <p>
          <strong>{t('levels.questions.answer')}:</strong> {q.answer}
        </p>
      ) : null}
      <ProposalAction
        collaborationId={collaboration.id}
        proposalId={q.proposalId}
        runs={runs}
        pending={propose.isPending}
        onPropose={() => propose.mutate(q.id)}
      />
      {propose.error ? (
        <p className="field__error" role="alert">
          {errorText(t, propose.error)}
        </p>
      ) : null}
      <QuestionActions q={q} collaboration={collaboration} />
    </li>
  );
}

/** "Raise a question": any staff member, to the forum. */
export function RaiseForm({ collaborationId }: { collaborationId: string }) {
  const { t } = useTranslation();
  const raise = useRaiseQuestion(collaborationId);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    raise.mutate(
      { title: title.trim(), text: text.trim() },
      {
        onSuccess: () => {
          setTitle('');
          setText('');
          setDone(true);
        },
      },
    );
  };
  const err = raise.error;
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="raise-heading">
      <h3 id="raise-heading">{t('levels.questions.raise')}</h3>
      <p className="field__hint">{t('levels.questions.raiseHint')}</p>
      <Field
        label={t('levels.questions.titleLabel')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldIssue(err, 'title') ? t('levels.required') : null}
      />
      <TextAreaField
        label={t('levels.questions.textLabel')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={4}
        error={fieldIssue(err, 'text') ? t('levels.required') : null}
      />
      <ErrorRegion error={err} />
      <div role="status">{done ? <p>{t('levels.questions.raised')}</p> : null}</div>
      <button type="submit" className="button">
        {t('levels.questions.submit')}
      </button>
    </form>
  );
}
