import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  referenceSteps,
  stepStatuses,
  type Step,
  type StepStatus,
} from '../../../common/schemas/collaboration-roadmap.ts';
import { isApiError } from '../../api/client.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { useRoadmap, useUpdateStep } from './api.ts';
import { CollabError, fieldError } from './errors.tsx';

/** Where each step's work lives in Navet; steps 2 and 5 keep a reference until process maps link here. */
const stepPage: Record<number, string | undefined> = {
  1: 'decisions',
  3: 'proposals',
  4: 'competence',
  6: 'governance',
  7: 'reviews',
};

/** The seven steps of the guide as a guided roadmap: status, owner, due date, what each produced, what it lacks. */
export function Roadmap({ id, manage }: { id: string; manage: boolean }) {
  const { t } = useTranslation();
  const roadmap = useRoadmap(id);
  return (
    <section aria-labelledby="roadmap-heading">
      <h2 id="roadmap-heading">{t('collaborationSetup.roadmap')}</h2>
      <p>{t('collaborationSetup.roadmapIntro')}</p>
      <CollabError error={roadmap.error} />
      <ol className="roadmap">
        {roadmap.data?.steps.map((s) => (
          <StepItem key={s.number} id={id} step={s} manage={manage} />
        ))}
      </ol>
    </section>
  );
}

function StepItem({ id, step, manage }: { id: string; step: Step; manage: boolean }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const [editing, setEditing] = useState(false);
  const page = stepPage[step.number];
  const headingId = `step-${step.number}-heading`;
  return (
    <li className="panel roadmap__step">
      <h3 id={headingId}>
        {t('collaborationSetup.stepTitle', {
          number: step.number,
          title: t(`collaborationSetup.steps.${step.key}.title`),
        })}
      </h3>
      <p className={`status status--${step.status}`}>
        <strong>{t(`collaborationSetup.status.${step.status}`)}</strong>
        {step.owner ? ` · ${t('collaborationSetup.owner')}: ${step.owner}` : ''}
        {step.dueOn ? ` · ${t('collaborationSetup.dueOn')}: ${date(step.dueOn)}` : ''}
      </p>
      <p>{t(`collaborationSetup.steps.${step.key}.guide`)}</p>
      <p>
        {t('collaborationSetup.produced')}:{' '}
        {step.produced.of !== null
          ? t('collaborationSetup.producedOf', { count: step.produced.count, of: step.produced.of })
          : t('collaborationSetup.producedCount', { count: step.produced.count })}
        {page ? (
          <>
            {' '}
            <Link to={`/collaborations/${id}/${page}`}>{t(`collaborationSetup.steps.${step.key}.link`)}</Link>
          </>
        ) : null}
      </p>
      {referenceSteps.includes(step.number) ? (
        <>
          <p className="field__hint">{t('collaborationSetup.referenceNote')}</p>
          {/* The process-map part of Navet links its maps here once it exists. */}
          {step.reference ? (
            <p>
              {step.reference.url ? <a href={step.reference.url}>{step.reference.title}</a> : step.reference.title}
              {step.reference.note ? ` – ${step.reference.note}` : ''}
            </p>
          ) : null}
        </>
      ) : null}
      {step.missing.length > 0 && step.status !== 'done' ? (
        <div>
          <p>{t('collaborationSetup.missingTitle')}</p>
          <ul>
            {step.missing.map((m, i) => (
              <li key={i}>{t(`collaborationSetup.missing.${m.what}`, { name: m.name ?? '' })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {manage ? (
        editing ? (
          <StepForm id={id} step={step} onDone={() => setEditing(false)} />
        ) : (
          <button type="button" className="button button--quiet" onClick={() => setEditing(true)}>
            {t('collaborationSetup.editStep', { number: step.number })}
          </button>
        )
      ) : null}
    </li>
  );
}

function StepForm({ id, step, onDone }: { id: string; step: Step; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateStep(id);
  const [status, setStatus] = useState<StepStatus>(step.status);
  const [owner, setOwner] = useState(step.owner ?? '');
  const [dueOn, setDueOn] = useState(step.dueOn ?? '');
  const [title, setTitle] = useState(step.reference?.title ?? '');
  const [url, setUrl] = useState(step.reference?.url ?? '');
  const [note, setNote] = useState(step.reference?.note ?? '');
  const isRef = referenceSteps.includes(step.number);
  const missing = isApiError(update.error, 'step_incomplete') ? step.missing : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      {
        step: step.number,
        body: {
          version: step.version,
          status,
          owner: owner || null,
          dueOn: dueOn || null,
          ...(isRef && title ? { reference: { title, url: url || null, note: note || null } } : {}),
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <CollabError error={update.error} missing={missing} />
      <SelectField
        label={t('collaborationSetup.statusLabel')}
        value={status}
        onChange={(v) => setStatus(v as StepStatus)}
        options={stepStatuses.map((s) => ({ value: s, label: t(`collaborationSetup.status.${s}`) }))}
      />
      <Field
        label={t('collaborationSetup.owner')}
        value={owner}
        onChange={(e) => setOwner(e.target.value)}
        error={fieldError(t, update.error, 'owner')}
      />
      <Field
        label={t('collaborationSetup.dueOn')}
        type="date"
        value={dueOn}
        onChange={(e) => setDueOn(e.target.value)}
        error={fieldError(t, update.error, 'dueOn')}
      />
      {isRef ? (
        <>
          <Field
            label={t('collaborationSetup.referenceTitle')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={fieldError(t, update.error, 'reference.title')}
          />
          <Field
            label={t('collaborationSetup.referenceUrl')}
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            error={fieldError(t, update.error, 'reference.url')}
          />
          <TextAreaField
            label={t('collaborationSetup.referenceNoteLabel')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={update.isPending}>
          {t('collaborationSetup.saveStep')}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
