import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConfirmFeedback, useCreateSeries, useFeedback, useLevelMeetings } from '../../api/levels.ts';
import { errorText, fieldIssue } from '../../components/errors.ts';
import { Field, SelectField } from '../../components/Field.tsx';
import { useFormatDateTime } from '../../components/format.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import type { CollaborationSummary, Level } from './types.ts';

const kindOf = (level: Level) => (level === 'strategic' ? 'strategic' : 'operational_forum');

/** The level's meetings, upcoming and past; a recurring series for those who run the level. */
export function LevelMeetings({ collaboration, level }: { collaboration: CollaborationSummary; level: Level }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const upcoming = useLevelMeetings(collaboration.id, 'upcoming');
  const past = useLevelMeetings(collaboration.id, 'past');
  const mine = <M extends { kind: string }>(items: M[] | undefined): M[] =>
    (items ?? []).filter((m) => m.kind === kindOf(level));
  const runs = level === 'strategic' ? collaboration.abilities.runStrategic : collaboration.abilities.runForum;
  const heading = `meetings-${level}`;
  return (
    <section className="panel" aria-labelledby={heading}>
      <h2 id={heading}>{t('levels.meetings.title')}</h2>
      <ErrorRegion error={upcoming.error ?? past.error} />
      {upcoming.isPending ? <Loading /> : null}
      <h3>{t('levels.meetings.upcoming')}</h3>
      {mine(upcoming.data?.items).length === 0 ? <p className="empty">{t('levels.meetings.noneUpcoming')}</p> : null}
      <ul className="levels-list">
        {mine(upcoming.data?.items)
          .slice(0, 6)
          .map((m) => (
            <li key={m.id}>
              <Link to={`/meetings/${m.id}`}>{m.title}</Link> <span className="levels-meta">{fmt(m.startsAt)}</span>
            </li>
          ))}
      </ul>
      <h3>{t('levels.meetings.past')}</h3>
      {mine(past.data?.items).length === 0 ? <p className="empty">{t('levels.meetings.nonePast')}</p> : null}
      <ul className="levels-list">
        {mine(past.data?.items)
          .slice(0, 6)
          .map((m) => (
            <li key={m.id}>
              <Link to={`/meetings/${m.id}`}>{m.title}</Link> <span className="levels-meta">{fmt(m.startsAt)}</span>
              {level === 'operational' && m.status === 'closed' ? (
                <Feedback collaboration={collaboration} meetingId={m.id} />
              ) : null}
            </li>
          ))}
      </ul>
      {runs ? <SeriesForm collaborationId={collaboration.id} level={level} /> : null}
    </section>
  );
}

/** After a forum meeting: which representatives fed it back to their staff; one's own confirmation. */
function Feedback({ collaboration, meetingId }: { collaboration: CollaborationSummary; meetingId: string }) {
  const { t } = useTranslation();
  const state = useFeedback(collaboration.id, meetingId);
  const confirm = useConfirmFeedback(collaboration.id);
  const reps = state.data?.representatives ?? [];
  const pending = reps.filter((r) => r.confirmedAt === null);
  return (
    <div className="levels-meta">
      {reps.length > 0 ? (
        <p>
          {pending.length === 0
            ? t('levels.feedback.allDone')
            : t('levels.feedback.pending', { names: pending.map((r) => r.name).join(', ') })}
        </p>
      ) : null}
      {collaboration.abilities.feedback ? (
        <button type="button" className="button button--secondary" onClick={() => confirm.mutate(meetingId)}>
          {t('levels.feedback.confirm')}
        </button>
      ) : null}
      {confirm.error ? <p className="field__error">{errorText(t, confirm.error)}</p> : null}
    </div>
  );
}

function SeriesForm({ collaborationId, level }: { collaborationId: string; level: Level }) {
  const { t } = useTranslation();
  const create = useCreateSeries(collaborationId);
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [frequency, setFrequency] = useState<'weekly' | 'monthly'>('monthly');
  const [count, setCount] = useState('6');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        level,
        title: title.trim(),
        startsAt,
        durationMinutes: 120,
        frequency,
        interval: 1,
        count: Number(count),
        location: null,
      },
      { onSuccess: () => setTitle('') },
    );
  };
  const err = create.error;
  return (
    <details>
      <summary>{t('levels.meetings.newSeries')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label={t('levels.meetings.seriesTitle')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={fieldIssue(err, 'title') ? t('levels.required') : null}
        />
        <Field
          label={t('levels.meetings.firstMeeting')}
          type="datetime-local"
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
          error={fieldIssue(err, 'startsAt') ? t('levels.meetings.startsAtError') : null}
        />
        <SelectField
          label={t('levels.meetings.frequency')}
          value={frequency}
          onChange={(v) => setFrequency(v === 'weekly' ? 'weekly' : 'monthly')}
          options={[
            { value: 'monthly', label: t('levels.meetings.monthly') },
            { value: 'weekly', label: t('levels.meetings.weekly') },
          ]}
        />
        <Field
          label={t('levels.meetings.count')}
          type="number"
          min={1}
          max={24}
          value={count}
          onChange={(e) => setCount(e.target.value)}
          error={fieldIssue(err, 'count') ? t('levels.meetings.countError') : null}
        />
        <ErrorRegion error={err} />
        <button type="submit" className="button">
          {t('levels.meetings.createSeries')}
        </button>
      </form>
    </details>
  );
}
