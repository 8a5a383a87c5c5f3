import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { barrierTypes, type Barrier, type BarrierType } from '../../../common/schemas/strategic.ts';
import {
  useBarriers,
  useCreateBarrier,
  useEscalateBarrier,
  usePatchBarrier,
  useProposeBarrier,
} from '../../api/levels.ts';
import { useSession } from '../../components/RequireSession.tsx';
import { errorText, fieldIssue } from '../../components/errors.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { ProposalAction } from '../Forum/ProposalAction.tsx';
import type { CollaborationSummary, Level } from '../Forum/types.ts';

/** The barrier register of a level: the forum's own barriers, or those the strategic level holds. */
export function BarriersSection({ collaboration, level }: { collaboration: CollaborationSummary; level: Level }) {
  const { t } = useTranslation();
  const barriers = useBarriers(collaboration.id);
  const items = (barriers.data?.items ?? []).filter((b) => b.level === level);
  const runs = level === 'strategic' ? collaboration.abilities.runStrategic : collaboration.abilities.runForum;
  const heading = `barriers-${level}`;
  return (
    <section className="panel" aria-labelledby={heading}>
      <h2 id={heading}>{t('levels.barriers.title')}</h2>
      <ErrorRegion error={barriers.error} />
      {barriers.isPending ? <Loading /> : null}
      {barriers.data && items.length === 0 ? <p className="empty">{t('levels.barriers.none')}</p> : null}
      <ul className="levels-list">
        {items.map((b) => (
          <BarrierRow key={b.id} b={b} collaboration={collaboration} runs={runs} />
        ))}
      </ul>
      {runs ? <NewBarrier collaborationId={collaboration.id} level={level} /> : null}
    </section>
  );
}

function BarrierRow({ b, collaboration, runs }: { b: Barrier; collaboration: CollaborationSummary; runs: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatDate();
  const escalate = useEscalateBarrier(collaboration.id);
  const patch = usePatchBarrier(collaboration.id);
  const propose = useProposeBarrier(collaboration.id);
  const error = escalate.error ?? patch.error ?? propose.error;
  return (
    <li id={`barrier-${b.id}`}>
      <h3>
        {t(`levels.barriers.type.${b.type}`)}: {b.description}
      </h3>
      <p className="levels-meta">
        {t(`levels.barriers.status.${b.status}`)} · {t('levels.owner', { name: b.owner.name })} ·{' '}
        {t('levels.due', { date: fmt(b.dueOn) })}
        {b.escalatedAt ? ` · ${t('levels.barriers.escalated')}` : ''}
      </p>
      {b.overdue ? <p className="levels-overdue">{t('levels.overdue')}</p> : null}
      {b.action ? <p>{t('levels.barriers.action', { action: b.action })}</p> : null}
      <ProposalAction
        collaborationId={collaboration.id}
        proposalId={b.proposalIds[0] ?? null}
        runs={runs}
        pending={propose.isPending}
        onPropose={() => propose.mutate(b.id)}
      />
      {runs ? (
        <div className="levels-actions">
          {b.level === 'operational' ? (
            <button type="button" className="button button--secondary" onClick={() => escalate.mutate(b.id)}>
              {t('levels.barriers.escalate')}
            </button>
          ) : null}
          {b.status !== 'removed' ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => patch.mutate({ barrierId: b.id, body: { status: 'removed' } })}
            >
              {t('levels.barriers.markRemoved')}
            </button>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {errorText(t, error)}
        </p>
      ) : null}
    </li>
  );
}

function NewBarrier({ collaborationId, level }: { collaborationId: string; level: Level }) {
  const { t } = useTranslation();
  const me = useSession();
  const create = useCreateBarrier(collaborationId);
  const [type, setType] = useState<BarrierType>('rules');
  const [description, setDescription] = useState('');
  const [action, setAction] = useState('');
  const [dueOn, setDueOn] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { type, description: description.trim(), action: action.trim() || null, dueOn, ownerUserId: me.user.id, level },
      {
        onSuccess: () => {
          setDescription('');
          setAction('');
        },
      },
    );
  };
  const err = create.error;
  return (
    <details>
      <summary>{t('levels.barriers.new')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <SelectField
          label={t('levels.barriers.typeLabel')}
          value={type}
          onChange={(v) => setType(barrierTypes.find((x) => x === v) ?? 'other')}
          options={barrierTypes.map((x) => ({ value: x, label: t(`levels.barriers.type.${x}`) }))}
        />
        <TextAreaField
          label={t('levels.barriers.descriptionLabel')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={3}
          error={fieldIssue(err, 'description') ? t('levels.required') : null}
        />
        <Field label={t('levels.barriers.actionLabel')} value={action} onChange={(e) => setAction(e.target.value)} />
        <Field
          label={t('levels.barriers.dueLabel')}
          hint={t('levels.barriers.ownerHint')}
          type="date"
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
          error={fieldIssue(err, 'dueOn') ? t('levels.dueError') : null}
        />
        <ErrorRegion error={err} />
        <button type="submit" className="button">
          {t('levels.barriers.create')}
        </button>
      </form>
    </details>
  );
}
