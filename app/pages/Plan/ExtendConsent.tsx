import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../common/schemas/consent.ts';
import type { Plan } from '../../../common/schemas/plans.ts';
import { localIsoDate, useFormatDate } from '../../components/format.ts';
import { useRecordConsent, useUpdatePlan } from '../../components/plans/api.ts';
import { PlanErrorRegion } from '../../components/plans/values.tsx';
import { useFocusFirstError } from '../../components/useFocusFirstError.ts';

/**
 * A valid consent that does not name the plan as a purpose: instead of sending the user to the consent
 * page, offer to record, here, the same consent with the plan added (a consent is a record and is never
 * changed afterwards), once the child and god man have said yes, and to rest the plan on it.
 */
export function ExtendConsent({
  plan,
  consent,
  onExtended,
}: {
  plan: Plan;
  consent: Consent;
  onExtended: (consentId: string, message: string) => void;
}) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const record = useRecordConsent(plan.childId);
  const update = useUpdatePlan(plan);
  const [agreed, setAgreed] = useState(false);
  const [form, setForm] = useState<'oral' | 'written'>('oral');
  const [tries, setTries] = useState(0);
  const formRef = useFocusFirstError(tries || record.error || update.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!agreed) {
      setTries((n) => n + 1);
      return;
    }
    // Awaited in turn rather than by callbacks: the new consent makes this offer disappear (the list is
    // refetched), and the plan must still be set to rest on it.
    void (async () => {
      const fresh = await record.mutateAsync({
        givenBy: consent.givenBy,
        organisationIds: consent.organisations.map((o) => o.id),
        categories: consent.categories,
        purposes: [...consent.purposes, 'plan'],
        validFrom: localIsoDate(),
        validTo: consent.validTo,
        form,
        receivedByUserId: null,
        documentReference: null,
        note: t('everyday.plan.extendConsent.note', { from: consent.validFrom }),
      });
      await update.mutateAsync({ version: plan.version, consentId: fresh.id });
      onExtended(fresh.id, t('everyday.plan.extendConsent.done'));
    })().catch(() => {
      // The error is in the mutation's state and shown in the error region.
    });
  };
  const invalid = tries > 0 && !agreed;
  return (
    <form
      ref={formRef}
      className="form plan-part"
      onSubmit={submit}
      noValidate
      aria-labelledby="extend-consent-heading"
    >
      <h3 id="extend-consent-heading">{t('everyday.plan.extendConsent.title')}</h3>
      <p>
        {t('everyday.plan.extendConsent.body', {
          organisations: consent.organisations.map((o) => o.name).join(', '),
          to: date(consent.validTo),
        })}
      </p>
      <PlanErrorRegion error={record.error ?? update.error} />
      <fieldset className="fieldset plan-fieldset">
        <legend>{t('everyday.plan.extendConsent.formLegend')}</legend>
        {(['oral', 'written'] as const).map((f) => (
          <label key={f} className="checkbox">
            <input type="radio" name="extend-consent-form" checked={form === f} onChange={() => setForm(f)} />
            <span>{t(`everyday.plan.extendConsent.form.${f}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className={invalid ? 'field field--invalid' : 'field'}>
        {invalid ? (
          <p className="field__error" id="extend-consent-error">
            <span aria-hidden="true">⚠ </span>
            {t('everyday.plan.extendConsent.agreeMissing')}
          </p>
        ) : null}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={agreed}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? 'extend-consent-error' : undefined}
            onChange={(e) => setAgreed(e.target.checked)}
          />
          <span>{t('everyday.plan.extendConsent.agree')}</span>
        </label>
      </div>
      <button type="submit" className="button" disabled={record.isPending || update.isPending}>
        {t('everyday.plan.extendConsent.submit')}
      </button>
    </form>
  );
}
