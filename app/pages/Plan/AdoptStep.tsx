import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MissingKey, Plan } from '../../../common/schemas/plans.ts';
import { useHub } from '../../api/hub.ts';
import { ConfirmModal } from '../../components/ConfirmDialog.tsx';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { useFormatDate, useFormatDateTime } from '../../components/format.ts';
import { useFocusFirstError } from '../../components/useFocusFirstError.ts';
import { fhirUrl, pdfUrl, useAdopt, useRevise } from '../../components/plans/api.ts';
import { hasIssue, PlanErrorRegion } from '../../components/plans/values.tsx';
import { stepOf } from './steps.ts';
import { stepLink } from './useShownStep.ts';

/** The words for a missing part; the newest live with the plan page's own texts, not the first load's. */
export function useMissingText(): (k: MissingKey) => string {
  const { t } = useTranslation();
  return (k) => (k === 'meetingHeld' ? t('everyday.plan.missing.meetingHeld') : t(`plans.missing.${k}`));
}

/** What adoption still lacks, each linked to the step where it is done (which the link shows). */
export function MissingList({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const missingText = useMissingText();
  if (plan.missing.length === 0) return <p>{t('plans.adopt.complete')}</p>;
  return (
    <>
      <p>{t('plans.adopt.missingIntro')}</p>
      <ul className="plan-missing">
        {plan.missing.map((k) => (
          <li key={k}>
            <Link to={stepLink(stepOf[k])}>{missingText(k)}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Step 5: adopt (the four parts, consent, the child's approval, a follow-up); the versions, PDF and FHIR. */
export function AdoptStep({ plan, onSaved }: { plan: Plan; onSaved: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const dateTime = useFormatDateTime();
  const revise = useRevise(plan);
  return (
    <section className="panel plan-step" id="step-adopt" aria-labelledby="step-adopt-heading">
      <h2 id="step-adopt-heading" tabIndex={-1}>
        {t('plans.steps.adopt')}
      </h2>
      {plan.editable && plan.status !== 'ended' ? <MissingList plan={plan} /> : null}
      {plan.abilities.adopt ? <AdoptForm plan={plan} onSaved={onSaved} /> : null}
      <h3>{t('plans.adopt.versions')}</h3>
      {plan.versions.length === 0 ? <p>{t('plans.adopt.noVersions')}</p> : null}
      <ul className="plan-list">
        {plan.versions.map((v) => (
          <li key={v.number} className="plan-item">
            {t('plans.adopt.version', { number: v.number, at: dateTime(v.adoptedAt), name: v.adoptedBy.displayName })}{' '}
            <a href={pdfUrl(plan.id, v.number, i18n.language)} download>
              {t('plans.adopt.pdf', { number: v.number })}
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a href={fhirUrl(plan.id)} download={`navet-plan-${plan.id}.fhir.json`}>
          {t('plans.adopt.fhir')}
        </a>
      </p>
      <PlanErrorRegion error={revise.error} />
      {plan.abilities.revise ? (
        <>
          <p className="plan-muted">{t('plans.adopt.reviseHint')}</p>
          <button
            type="button"
            className="button button--secondary"
            disabled={revise.isPending}
            onClick={() => revise.mutate(undefined, { onSuccess: () => onSaved(t('plans.adopt.revising')) })}
          >
            {t('plans.adopt.revise')}
          </button>
        </>
      ) : null}
    </section>
  );
}

function AdoptForm({ plan, onSaved }: { plan: Plan; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const hub = useHub(plan.childId);
  const adopt = useAdopt(plan);
  const staff = hub.data?.view === 'full' ? hub.data.members.filter((m) => m.hubRole !== 'civil_society') : [];
  const [followUpOn, setFollowUpOn] = useState('');
  const [followUpUser, setFollowUpUser] = useState(plan.chair?.userId ?? '');
  const [approved, setApproved] = useState(false);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  // No SIP meeting held: adopting anyway is a choice said out loud, with the reason.
  const needsWaiver = plan.missing.includes('meetingHeld');
  const [waive, setWaive] = useState(false);
  const [reason, setReason] = useState('');
  const date = useFormatDate();
  const missingText = useMissingText();
  const err = adopt.error;
  const formRef = useFocusFirstError(err);
  const waived = needsWaiver && waive;
  const complete =
    plan.missing.every((k) => k === 'meetingHeld' && waived && reason.trim() !== '') &&
    followUpOn !== '' &&
    followUpUser !== '' &&
    approved;
  const send = () => {
    setConfirming(false);
    adopt.mutate(
      {
        version: plan.version,
        followUpOn,
        followUpUserId: followUpUser,
        childApproval: { approved: approved as true, note: note.trim() || null },
        meetingWaiver: waived ? { reason: reason.trim() } : null,
      },
      { onSuccess: () => onSaved(t('plans.adopt.done')) },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Adoption freezes the version, so a complete form is confirmed first; an incomplete one is sent as it
    // is, because the server names every gap at once and the user sees them all at their fields.
    if (complete) setConfirming(true);
    else send();
  };
  const followUpName = staff.find((m) => m.userId === followUpUser)?.displayName ?? '—';
  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-labelledby="adopt-heading">
      <h3 id="adopt-heading">{t('plans.adopt.title')}</h3>
      <PlanErrorRegion error={err} />
      <Field
        label={t('plans.adopt.followUpOn')}
        hint={t('plans.adopt.followUpOnHint')}
        type="date"
        value={followUpOn}
        onChange={(e) => setFollowUpOn(e.target.value)}
        error={hasIssue(err, 'body.followUpOn') ? t('plans.errors.followUpOn') : null}
      />
      <SelectField
        label={t('plans.adopt.followUpBy')}
        value={followUpUser}
        onChange={setFollowUpUser}
        options={[
          { value: '', label: t('plans.choose') },
          ...staff.map((m) => ({ value: m.userId, label: `${m.displayName} (${t(`hubRole.${m.hubRole}`)})` })),
        ]}
        error={hasIssue(err, 'body.followUpUserId') ? t('plans.errors.staff') : null}
      />
      <label className="checkbox">
        <input type="checkbox" checked={approved} onChange={(e) => setApproved(e.target.checked)} />
        <span>{t('plans.adopt.childApproved')}</span>
      </label>
      {hasIssue(err, 'body.childApproval') ? (
        <p className="field__error">
          <span aria-hidden="true">⚠ </span>
          {t('plans.errors.approval')}
        </p>
      ) : null}
      <TextAreaField
        label={t('plans.adopt.approvalNote')}
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {needsWaiver ? (
        <fieldset className={`fieldset plan-fieldset${hasIssue(err, 'plan.meetingHeld') ? ' field--invalid' : ''}`}>
          <legend>{t('everyday.plan.waiver.legend')}</legend>
          <p className="field__hint">{t('everyday.plan.waiver.hint')}</p>
          {hasIssue(err, 'plan.meetingHeld') ? (
            <p className="field__error">
              <span aria-hidden="true">⚠ </span>
              {t('everyday.plan.waiver.required')}
            </p>
          ) : null}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={waive}
              aria-invalid={hasIssue(err, 'plan.meetingHeld') || undefined}
              onChange={(e) => setWaive(e.target.checked)}
            />
            <span>{t('everyday.plan.waiver.checkbox')}</span>
          </label>
          {waive ? (
            <TextAreaField
              label={t('everyday.plan.waiver.reason')}
              hint={t('everyday.plan.waiver.reasonHint')}
              rows={2}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={hasIssue(err, 'body.meetingWaiver') ? t('everyday.plan.waiver.reasonMissing') : null}
            />
          ) : null}
        </fieldset>
      ) : null}
      {err && hasIssue(err, 'plan') ? (
        <ul className="plan-missing">
          {plan.missing.map((k) => (
            <li key={k} className="field__error">
              <Link to={stepLink(stepOf[k])}>{missingText(k)}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      <button type="submit" className="button" disabled={adopt.isPending}>
        {t('plans.adopt.submit')}
      </button>
      <ConfirmModal
        isOpen={confirming}
        onCancel={() => setConfirming(false)}
        tone="primary"
        title={t('everyday.plan.adoptConfirm.title')}
        body={[
          t('everyday.plan.adoptConfirm.frozen', { number: plan.adoptedVersion + 1 }),
          ...(waived ? [t('everyday.plan.adoptConfirm.waived', { reason: reason.trim() })] : []),
          t('everyday.plan.adoptConfirm.told', { name: followUpName, date: followUpOn ? date(followUpOn) : '—' }),
        ]}
        confirm={t('everyday.plan.adoptConfirm.confirm')}
        onConfirm={send}
      />
    </form>
  );
}
