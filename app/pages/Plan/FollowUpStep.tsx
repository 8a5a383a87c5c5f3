import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  measureStatuses,
  planEndReasons,
  type MeasureStatus,
  type Plan,
  type PlanEndReason,
} from '../../../common/schemas/plans.ts';
import { useHub } from '../../api/hub.ts';
import { ConfirmModal } from '../../components/ConfirmDialog.tsx';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { localIsoDate, useFormatDate } from '../../components/format.ts';
import { useEndPlan, useFollowUp } from '../../components/plans/api.ts';
import { hasIssue, PlanErrorRegion } from '../../components/plans/values.tsx';
import { useFocusFirstError } from '../../components/useFocusFirstError.ts';

/** Step 6: what happened with each measure, and the next follow-up. */
export function FollowUpStep({ plan, onSaved }: { plan: Plan; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const measures = new Map(plan.measures.map((m) => [m.id, m.description]));
  return (
    <section className="panel plan-step" id="step-follow-up" aria-labelledby="step-follow-up-heading">
      <h2 id="step-follow-up-heading" tabIndex={-1}>
        {t('plans.steps.followUp')}
      </h2>
      {plan.followUpOn ? (
        <p>{t('plans.followUp.next', { date: date(plan.followUpOn), name: plan.followUpBy?.displayName ?? '—' })}</p>
      ) : (
        <p>{t('plans.followUp.afterAdoption')}</p>
      )}
      {plan.followUps.length > 0 ? (
        <ul className="plan-list">
          {plan.followUps.map((f) => (
            <li key={f.id} className="plan-item">
              <p>
                <strong>{t('plans.followUp.held', { date: date(f.heldOn), name: f.recordedBy.displayName })}</strong>
              </p>
              <p>{f.summary}</p>
              <ul>
                {f.outcomes.map((o) => (
                  <li key={o.measureId}>
                    {measures.get(o.measureId) ?? '—'}: {t(`plans.measureStatus.${o.status}`)}
                    {o.note ? ` – ${o.note}` : ''}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
      {plan.abilities.followUp ? <FollowUpForm plan={plan} onSaved={onSaved} /> : null}
    </section>
  );
}

function FollowUpForm({ plan, onSaved }: { plan: Plan; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const hub = useHub(plan.childId);
  const record = useFollowUp(plan);
  const staff = hub.data?.view === 'full' ? hub.data.members.filter((m) => m.hubRole !== 'civil_society') : [];
  const [heldOn, setHeldOn] = useState(localIsoDate());
  const [statuses, setStatuses] = useState<Record<string, MeasureStatus>>(
    Object.fromEntries(plan.measures.map((m) => [m.id, m.status])),
  );
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState('');
  const [next, setNext] = useState('');
  const [nextBy, setNextBy] = useState(plan.followUpBy?.userId ?? '');
  const err = record.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(
      {
        version: plan.version,
        heldOn,
        outcomes: plan.measures.map((m) => ({
          measureId: m.id,
          status: statuses[m.id] ?? m.status,
          note: notes[m.id]?.trim() || null,
        })),
        summary: summary.trim(),
        nextFollowUpOn: next,
        nextFollowUpUserId: nextBy,
      },
      { onSuccess: () => onSaved(t('plans.followUp.done')) },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="follow-up-heading">
      <h3 id="follow-up-heading">{t('plans.followUp.title')}</h3>
      <PlanErrorRegion error={err} />
      <Field
        label={t('plans.followUp.heldOn')}
        type="date"
        max={localIsoDate()}
        value={heldOn}
        onChange={(e) => setHeldOn(e.target.value)}
        error={hasIssue(err, 'body.heldOn') ? t('plans.errors.heldOn') : null}
      />
      {plan.measures.map((m) => (
        <fieldset key={m.id} className="fieldset plan-fieldset">
          <legend>{m.description}</legend>
          <SelectField
            label={t('plans.followUp.status')}
            value={statuses[m.id] ?? m.status}
            onChange={(v) => setStatuses((s) => ({ ...s, [m.id]: v as MeasureStatus }))}
            options={measureStatuses.map((s) => ({ value: s, label: t(`plans.measureStatus.${s}`) }))}
          />
          <Field
            label={t('plans.followUp.outcome')}
            value={notes[m.id] ?? ''}
            maxLength={2000}
            onChange={(e) => setNotes((n) => ({ ...n, [m.id]: e.target.value }))}
          />
        </fieldset>
      ))}
      <TextAreaField
        label={t('plans.followUp.summary')}
        rows={3}
        maxLength={4000}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        error={hasIssue(err, 'body.summary') ? t('plans.errors.text') : null}
      />
      <div className="field-row">
        <Field
          label={t('plans.followUp.nextOn')}
          type="date"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={hasIssue(err, 'body.nextFollowUpOn') ? t('plans.errors.followUpOn') : null}
        />
        <SelectField
          label={t('plans.followUp.nextBy')}
          value={nextBy}
          onChange={setNextBy}
          options={[
            { value: '', label: t('plans.choose') },
            ...staff.map((m) => ({ value: m.userId, label: m.displayName })),
          ]}
          error={hasIssue(err, 'body.nextFollowUpUserId') ? t('plans.errors.staff') : null}
        />
      </div>
      <button type="submit" className="button" disabled={record.isPending}>
        {t('plans.followUp.submit')}
      </button>
    </form>
  );
}

/** Step 7: end the plan with a reason; the child may end it. */
export function EndStep({ plan, onSaved }: { plan: Plan; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const end = useEndPlan(plan);
  const [reason, setReason] = useState<PlanEndReason | ''>('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  // Counts failed attempts without a reason, so focus returns to the field each time.
  const [missingReason, setMissingReason] = useState(0);
  const formRef = useFocusFirstError(missingReason || end.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason) setMissingReason((n) => n + 1);
    else setConfirming(true);
  };
  const send = () => {
    setConfirming(false);
    if (!reason) return;
    end.mutate(
      { version: plan.version, reason, note: note.trim() || null },
      { onSuccess: () => onSaved(t('plans.end.done')) },
    );
  };
  return (
    <section className="panel plan-step" id="step-end" aria-labelledby="step-end-heading">
      <h2 id="step-end-heading" tabIndex={-1}>
        {t('plans.steps.end')}
      </h2>
      {plan.status === 'ended' && plan.endedReason ? (
        <p>
          {t(`plans.endReason.${plan.endedReason}`)}
          {plan.endedNote ? ` – ${plan.endedNote}` : ''}
        </p>
      ) : (
        <p className="plan-muted">{t('plans.end.intro')}</p>
      )}
      {plan.abilities.end ? (
        <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={t('plans.steps.end')}>
          <PlanErrorRegion error={end.error} />
          <SelectField
            label={t('plans.end.reason')}
            value={reason}
            onChange={(v) => setReason(v as PlanEndReason | '')}
            options={[
              { value: '', label: t('plans.choose') },
              ...planEndReasons.map((r) => ({ value: r, label: t(`plans.endReason.${r}`) })),
            ]}
            error={
              (missingReason > 0 && !reason) || hasIssue(end.error, 'body.reason')
                ? t('everyday.plan.errors.endReason')
                : null
            }
          />
          <TextAreaField
            label={t('plans.end.note')}
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="submit" className="button button--danger" disabled={end.isPending}>
            {t('plans.end.submit')}
          </button>
          <ConfirmModal
            isOpen={confirming}
            onCancel={() => setConfirming(false)}
            title={t('everyday.plan.endConfirm.title')}
            body={[
              t('everyday.plan.endConfirm.what', { reason: reason ? t(`plans.endReason.${reason}`) : '' }),
              t('everyday.plan.endConfirm.told'),
            ]}
            confirm={t('everyday.plan.endConfirm.confirm')}
            onConfirm={send}
          />
        </form>
      ) : null}
    </section>
  );
}
