import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { childParticipations, type Plan, type PlanChildParticipation } from '../../../common/schemas/plans.ts';
import { useHub } from '../../api/hub.ts';
import { SelectField, TextAreaField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { useConsents, useUpdatePlan } from '../../components/plans/api.ts';
import { ConsentStateText, hasIssue, PlanErrorRegion } from '../../components/plans/values.tsx';
import { ExtendConsent } from './ExtendConsent.tsx';

type Objection = '' | 'no' | 'yes';

/** Step 2: the child's consent (checked), the chair, the child's part and own words, relatives. */
export function PrepareStep({ plan, onSaved }: { plan: Plan; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const consents = useConsents(plan.childId);
  const hub = useHub(plan.childId);
  const update = useUpdatePlan(plan);
  const [consentId, setConsentId] = useState(plan.consent?.id ?? '');
  const [chair, setChair] = useState(plan.chair?.userId ?? '');
  const [participation, setParticipation] = useState<PlanChildParticipation | ''>(plan.childParticipation ?? '');
  const [words, setWords] = useState(plan.childWords ?? '');
  const [goals, setGoals] = useState(plan.childGoals ?? '');
  const [relatives, setRelatives] = useState(plan.relativesTakePart ?? false);
  const [objects, setObjects] = useState<Objection>(
    plan.childObjectsToRelatives === null ? '' : plan.childObjectsToRelatives ? 'yes' : 'no',
  );
  const [relativesNote, setRelativesNote] = useState(plan.relativesNote ?? '');
  const err = update.error;
  const staff = hub.data?.view === 'full' ? hub.data.members.filter((m) => m.hubRole !== 'civil_society') : [];
  const usable = (consents.data?.items ?? []).filter((c) => c.state === 'valid' && c.purposes.includes('plan'));
  // A valid consent without the plan purpose is offered for extension here, not by a trip to the consent page.
  const extendable =
    usable.length === 0
      ? (consents.data?.items ?? []).find((c) => c.state === 'valid' && !c.purposes.includes('plan'))
      : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      {
        version: plan.version,
        consentId: consentId || null,
        chairUserId: chair || null,
        childParticipation: participation || null,
        childWords: words.trim() || null,
        childGoals: goals.trim() || null,
        relativesTakePart: relatives,
        childObjectsToRelatives: objects === '' ? null : objects === 'yes',
        relativesNote: relativesNote.trim() || null,
      },
      { onSuccess: () => onSaved(t('plans.saved')) },
    );
  };

  return (
    <section className="panel plan-step" id="step-prepare" aria-labelledby="step-prepare-heading">
      <h2 id="step-prepare-heading" tabIndex={-1}>
        {t('plans.steps.prepare')}
      </h2>
      <p className="plan-muted">{t('plans.prepare.intro')}</p>
      <p>
        {plan.consent ? (
          <>
            {t('plans.prepare.consentNow')} <ConsentStateText state={plan.consent.state} />{' '}
            {t('plans.prepare.consentPeriod', { from: date(plan.consent.validFrom), to: date(plan.consent.validTo) })}
          </>
        ) : (
          t('plans.prepare.noConsent')
        )}{' '}
        <Link to={`/children/${plan.childId}/consents`}>{t('plans.prepare.consentLink')}</Link>
      </p>
      {plan.abilities.edit && extendable ? (
        <ExtendConsent
          plan={plan}
          consent={extendable}
          onExtended={(id, message) => {
            setConsentId(id);
            onSaved(message);
          }}
        />
      ) : null}
      {plan.abilities.edit ? (
        <form className="form" onSubmit={submit} noValidate aria-label={t('plans.steps.prepare')}>
          <PlanErrorRegion error={err} />
          <SelectField
            label={t('plans.prepare.consent')}
            hint={t('plans.prepare.consentHint')}
            value={consentId}
            onChange={setConsentId}
            options={[
              { value: '', label: t('plans.choose') },
              ...usable.map((c) => ({
                value: c.id,
                label: t('plans.prepare.consentOption', {
                  organisations: c.organisations.map((o) => o.name).join(', '),
                  to: date(c.validTo),
                }),
              })),
            ]}
            error={hasIssue(err, 'body.consentId') ? t('plans.errors.consent') : null}
          />
          <SelectField
            label={t('plans.prepare.chair')}
            value={chair}
            onChange={setChair}
            options={[
              { value: '', label: t('plans.choose') },
              ...staff.map((m) => ({ value: m.userId, label: `${m.displayName} (${t(`hubRole.${m.hubRole}`)})` })),
            ]}
            error={hasIssue(err, 'body.chairUserId') ? t('plans.errors.staff') : null}
          />
          <SelectField
            label={t('plans.prepare.participation')}
            value={participation}
            onChange={(v) => setParticipation(v as PlanChildParticipation | '')}
            options={[
              { value: '', label: t('plans.choose') },
              ...childParticipations.map((p) => ({ value: p, label: t(`plans.childParticipation.${p}`) })),
            ]}
          />
          <TextAreaField
            label={t('plans.prepare.words')}
            hint={t('plans.prepare.wordsHint')}
            rows={3}
            maxLength={4000}
            dir="auto"
            value={words}
            onChange={(e) => setWords(e.target.value)}
          />
          <TextAreaField
            label={t('plans.prepare.goals')}
            rows={2}
            maxLength={4000}
            dir="auto"
            value={goals}
            onChange={(e) => setGoals(e.target.value)}
          />
          <fieldset className="fieldset plan-fieldset">
            <legend>{t('plans.prepare.relatives')}</legend>
            <SelectField
              label={t('plans.prepare.objects')}
              value={objects}
              onChange={(v) => setObjects(v as Objection)}
              options={[
                { value: '', label: t('plans.prepare.notAsked') },
                { value: 'no', label: t('plans.prepare.doesNotObject') },
                { value: 'yes', label: t('plans.prepare.objectsYes') },
              ]}
            />
            <label className="checkbox">
              <input type="checkbox" checked={relatives} onChange={(e) => setRelatives(e.target.checked)} />
              <span>{t('plans.prepare.relativesTakePart')}</span>
            </label>
            {hasIssue(err, 'body.relativesTakePart') ? (
              <p className="field__error">
                <span aria-hidden="true">⚠ </span>
                {t('plans.errors.relatives')}
              </p>
            ) : null}
            <TextAreaField
              label={t('plans.prepare.relativesNote')}
              rows={2}
              maxLength={4000}
              value={relativesNote}
              onChange={(e) => setRelativesNote(e.target.value)}
            />
          </fieldset>
          <button type="submit" className="button" disabled={update.isPending}>
            {t('plans.save')}
          </button>
        </form>
      ) : (
        <dl className="facts">
          <div>
            <dt>{t('plans.prepare.chair')}</dt>
            <dd>{plan.chair?.displayName ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('plans.prepare.participation')}</dt>
            <dd>{plan.childParticipation ? t(`plans.childParticipation.${plan.childParticipation}`) : '—'}</dd>
          </div>
          <div>
            <dt>{t('plans.prepare.words')}</dt>
            <dd className="plan-own-words" dir="auto">
              {plan.childWords ?? '—'}
            </dd>
          </div>
          <div>
            <dt>{t('plans.prepare.goals')}</dt>
            <dd className="plan-own-words" dir="auto">
              {plan.childGoals ?? '—'}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
