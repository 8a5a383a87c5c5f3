import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  consentForms,
  consentGivers,
  type ConsentForm as Form,
  type ConsentGiver,
} from '../../../common/schemas/consent.ts';
import {
  infoCategories,
  sharingPurposes,
  type InfoCategory,
  type SharingPurpose,
} from '../../../common/schemas/sharing.ts';
import { useHub, useOrganisations } from '../../api/hub.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { localIsoDate } from '../../components/format.ts';
import { useRecordConsent } from '../../components/plans/api.ts';
import { CheckboxGroup, hasIssue, PlanErrorRegion } from '../../components/plans/values.tsx';
import { useSession } from '../../components/RequireSession.tsx';

/**
 * Records a consent. Never general: the form asks for the organisations that
 * may share with each other, the categories, the purpose and the last day, and
 * the server refuses a consent without them.
 */
export function ConsentForm({ childId, onSaved }: { childId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const orgs = useOrganisations();
  const hub = useHub(childId);
  const record = useRecordConsent(childId);
  const own = [...new Set(me.memberships.map((m) => m.organisationId))];
  const [givenBy, setGivenBy] = useState<ConsentGiver>('both');
  // The recorder's own organisation shares too: it is named from the start (and can be unticked).
  const [organisationIds, setOrganisationIds] = useState<string[]>(own);
  const [categories, setCategories] = useState<InfoCategory[]>([]);
  const [purposes, setPurposes] = useState<SharingPurpose[]>(['plan']);
  const [validFrom, setValidFrom] = useState(localIsoDate());
  const [validTo, setValidTo] = useState('');
  const [form, setForm] = useState<Form>('written');
  const [receivedBy, setReceivedBy] = useState('');
  const [documentReference, setDocumentReference] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const err = record.error;
  const staff = hub.data?.view === 'full' ? hub.data.members.filter((m) => m.hubRole !== 'civil_society') : [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m = {
      organisationIds: organisationIds.length === 0,
      categories: categories.length === 0,
      purposes: purposes.length === 0,
      validTo: !validTo || validTo < validFrom,
    };
    setMissing(m);
    if (Object.values(m).some(Boolean)) return;
    record.mutate(
      {
        givenBy,
        organisationIds,
        categories,
        purposes,
        validFrom,
        validTo,
        form,
        receivedByUserId: form === 'oral' && receivedBy ? receivedBy : null,
        documentReference: form === 'written' && documentReference.trim() ? documentReference.trim() : null,
        note: note.trim() || null,
      },
      {
        onSuccess: () => {
          setCategories([]);
          setValidTo('');
          setNote('');
          setDocumentReference('');
          onSaved();
        },
      },
    );
  };

  const issue = (field: string) => Boolean(missing[field]) || hasIssue(err, `body.${field}`);
  return (
    <form className="form panel" onSubmit={submit} noValidate aria-labelledby="new-consent-heading">
      <h2 id="new-consent-heading">{t('consent.form.title')}</h2>
      <p className="plan-muted">{t('consent.form.intro')}</p>
      <PlanErrorRegion error={err} />
      <fieldset className="fieldset plan-fieldset">
        <legend>{t('consent.form.givenBy')}</legend>
        {consentGivers.map((g) => (
          <label key={g} className="checkbox">
            <input type="radio" name="givenBy" checked={givenBy === g} onChange={() => setGivenBy(g)} />
            <span>{t(`consent.givenBy.${g}`)}</span>
          </label>
        ))}
      </fieldset>
      <CheckboxGroup
        legend={t('consent.form.organisations')}
        hint={t('consent.form.organisationsHint')}
        options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        selected={organisationIds}
        onChange={setOrganisationIds}
        error={issue('organisationIds') ? t('consent.form.errors.organisations') : null}
      />
      <CheckboxGroup
        legend={t('consent.form.categories')}
        options={infoCategories.map((c) => ({ value: c, label: t(`plans.category.${c}`) }))}
        selected={categories}
        onChange={setCategories}
        error={issue('categories') ? t('consent.form.errors.categories') : null}
      />
      <CheckboxGroup
        legend={t('consent.form.purposes')}
        options={sharingPurposes.map((p) => ({ value: p, label: t(`consent.purpose.${p}`) }))}
        selected={purposes}
        onChange={setPurposes}
        error={issue('purposes') ? t('consent.form.errors.purposes') : null}
      />
      <div className="field-row">
        <Field
          label={t('consent.form.validFrom')}
          type="date"
          value={validFrom}
          onChange={(e) => setValidFrom(e.target.value)}
          error={hasIssue(err, 'body.validFrom') ? t('consent.form.errors.validFrom') : null}
        />
        <Field
          label={t('consent.form.validTo')}
          hint={t('consent.form.validToHint')}
          type="date"
          value={validTo}
          min={validFrom}
          onChange={(e) => setValidTo(e.target.value)}
          error={issue('validTo') ? t('consent.form.errors.validTo') : null}
        />
      </div>
      <fieldset className="fieldset plan-fieldset">
        <legend>{t('consent.form.form')}</legend>
        {consentForms.map((f) => (
          <label key={f} className="checkbox">
            <input type="radio" name="consentForm" checked={form === f} onChange={() => setForm(f)} />
            <span>{t(`consent.formKind.${f}`)}</span>
          </label>
        ))}
      </fieldset>
      {form === 'oral' ? (
        <SelectField
          label={t('consent.form.receivedBy')}
          hint={t('consent.form.receivedByHint')}
          value={receivedBy}
          onChange={setReceivedBy}
          options={[
            { value: '', label: t('consent.form.me') },
            ...staff.map((m) => ({ value: m.userId, label: `${m.displayName} (${t(`hubRole.${m.hubRole}`)})` })),
          ]}
          error={hasIssue(err, 'body.receivedByUserId') ? t('consent.form.errors.receivedBy') : null}
        />
      ) : (
        <Field
          label={t('consent.form.documentReference')}
          hint={t('consent.form.documentReferenceHint')}
          value={documentReference}
          maxLength={300}
          onChange={(e) => setDocumentReference(e.target.value)}
        />
      )}
      <TextAreaField
        label={t('consent.form.note')}
        hint={t('consent.form.noteHint')}
        rows={3}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button" disabled={record.isPending}>
        {record.isPending ? t('consent.saving') : t('consent.form.submit')}
      </button>
    </form>
  );
}
