import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  asylumStatuses,
  childRecordIssues,
  placementKinds,
  type AsylumStatus,
  type ChildDetailFull,
  type CreateChildBody,
  type PlacementKind,
} from '../../../common/schemas/children.ts';
import { useOrganisations } from '../../api/hub.ts';
import { fieldIssue } from '../../components/errors.ts';
import { Field, SelectField } from '../../components/Field.tsx';
import { localIsoDate } from '../../components/format.ts';
import { commonLanguages, useLanguageName } from '../../components/hub/values.tsx';

/** The form's own state: strings as the inputs hold them. */
export interface ChildFormValues {
  displayName: string;
  dateOfBirth: string;
  assessedAge: string;
  primaryLanguage: string;
  otherLanguages: string[];
  interpreterNeeded: boolean;
  interpreterLanguage: string;
  arrivalDate: string;
  caseNumber: string;
  placementKind: string;
  placementOrganisationId: string;
  asylumStatus: AsylumStatus;
}

export const emptyChild: ChildFormValues = {
  displayName: '',
  dateOfBirth: '',
  assessedAge: '',
  primaryLanguage: '',
  otherLanguages: [],
  interpreterNeeded: false,
  interpreterLanguage: '',
  arrivalDate: '',
  caseNumber: '',
  placementKind: '',
  placementOrganisationId: '',
  asylumStatus: 'in_process',
};

export function valuesOf(c: ChildDetailFull): ChildFormValues {
  return {
    displayName: c.displayName,
    dateOfBirth: c.dateOfBirth ?? '',
    assessedAge: c.assessedAge === null ? '' : String(c.assessedAge),
    primaryLanguage: c.languages[0] ?? '',
    otherLanguages: c.languages.slice(1),
    interpreterNeeded: c.interpreterNeeded,
    interpreterLanguage: c.interpreterLanguage ?? '',
    arrivalDate: c.arrivalDate ?? '',
    caseNumber: c.caseNumberMasked ? '' : (c.caseNumber ?? ''),
    placementKind: c.placement?.kind ?? '',
    placementOrganisationId: c.placement?.organisationId ?? '',
    asylumStatus: c.asylumStatus,
  };
}

/** The record as the API takes it. */
export function fieldsOf(v: ChildFormValues): Required<CreateChildBody> {
  const kind = placementKinds.find((k): k is PlacementKind => k === v.placementKind);
  const age = v.assessedAge.trim() === '' ? null : Number(v.assessedAge);
  return {
    displayName: v.displayName.trim(),
    dateOfBirth: v.dateOfBirth || null,
    assessedAge: age !== null && Number.isInteger(age) ? age : null,
    languages: [v.primaryLanguage, ...v.otherLanguages].filter((l, i, all) => l && all.indexOf(l) === i),
    interpreterNeeded: v.interpreterNeeded,
    interpreterLanguage: v.interpreterNeeded ? v.interpreterLanguage || null : null,
    arrivalDate: v.arrivalDate || null,
    caseNumber: v.caseNumber.trim() || null,
    placement: kind && v.placementOrganisationId ? { kind, organisationId: v.placementOrganisationId } : null,
    asylumStatus: v.asylumStatus,
  };
}

type FieldName =
  'displayName' | 'dateOfBirth' | 'assessedAge' | 'interpreterLanguage' | 'arrivalDate' | 'caseNumber' | 'placement';

interface ChildFormProps {
  initial: ChildFormValues;
  /** Whether the case number field is offered (the API says whether this reader sees it in full). */
  caseNumberField: boolean;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: (values: ChildFormValues) => void;
  /** Shown above the buttons, e.g. the current record after a conflict. */
  children?: ReactNode;
}

/** The child's record, for opening a case and for editing it. */
export function ChildForm({
  initial,
  caseNumberField,
  error,
  pending,
  submitLabel,
  onSubmit,
  children,
}: ChildFormProps) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const organisations = useOrganisations();
  const [v, setV] = useState<ChildFormValues>(initial);
  const [local, setLocal] = useState<Partial<Record<FieldName, string>>>({});
  const set = <K extends keyof ChildFormValues>(key: K, value: ChildFormValues[K]) => setV({ ...v, [key]: value });
  const today = localIsoDate();
  const codes = [...new Set([...commonLanguages, ...initial.otherLanguages, initial.primaryLanguage])].filter(Boolean);
  const languageOptions = codes
    .map((code) => ({ value: code, label: languageName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = fieldsOf(v);
    const found: Partial<Record<FieldName, string>> = {};
    if (!fields.displayName) found.displayName = t('childForm.errors.displayName');
    if (v.assessedAge.trim() && fields.assessedAge === null) found.assessedAge = t('childForm.errors.assessedAge');
    for (const issue of childRecordIssues(fields)) {
      if (issue.path === 'body.arrivalDate') found.arrivalDate = t('childForm.errors.arrivalBeforeBirth');
      if (issue.path === 'body.interpreterLanguage')
        found.interpreterLanguage = t('childForm.errors.interpreterLanguage');
    }
    if (v.placementKind && !v.placementOrganisationId) found.placement = t('childForm.errors.placement');
    setLocal(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      document.querySelector<HTMLElement>(`[data-field="${first}"] input, [data-field="${first}"] select`)?.focus();
      return;
    }
    onSubmit(v);
  };

  // A message beside the field: the form's own check first, then the server's field path.
  const msg = (name: FieldName, serverPath: string, text: string) =>
    local[name] ?? (fieldIssue(error, serverPath) ? text : null);

  return (
    <form className="form hub-form child-form" onSubmit={submit} noValidate>
      <div data-field="displayName" className="hub-field-wrap">
        <Field
          label={t('childForm.displayName')}
          hint={t('childForm.displayNameHint')}
          value={v.displayName}
          required
          maxLength={200}
          autoComplete="off"
          onChange={(e) => set('displayName', e.target.value)}
          error={msg('displayName', 'displayName', t('childForm.errors.displayName'))}
        />
      </div>
      <div className="field-row hub-field-wrap">
        <div data-field="dateOfBirth">
          <Field
            label={t('childForm.dateOfBirth')}
            hint={t('childForm.dateOfBirthHint')}
            type="date"
            max={today}
            value={v.dateOfBirth}
            onChange={(e) => set('dateOfBirth', e.target.value)}
            error={msg('dateOfBirth', 'dateOfBirth', t('childForm.errors.pastDate'))}
          />
        </div>
        <div data-field="assessedAge">
          <Field
            label={t('childForm.assessedAge')}
            hint={t('childForm.assessedAgeHint')}
            type="number"
            inputMode="numeric"
            min={0}
            max={25}
            value={v.assessedAge}
            onChange={(e) => set('assessedAge', e.target.value)}
            error={msg('assessedAge', 'assessedAge', t('childForm.errors.assessedAge'))}
          />
        </div>
      </div>
      <SelectField
        label={t('childForm.primaryLanguage')}
        hint={t('childForm.primaryLanguageHint')}
        value={v.primaryLanguage}
        onChange={(value) => set('primaryLanguage', value)}
        options={[{ value: '', label: t('childForm.noLanguage') }, ...languageOptions]}
      />
      <fieldset className="fieldset hub-field-wrap">
        <legend>{t('childForm.otherLanguages')}</legend>
        <div className="child-form__languages">
          {languageOptions
            .filter((o) => o.value !== v.primaryLanguage)
            .map((o) => (
              <label key={o.value} className="checkbox">
                <input
                  type="checkbox"
                  checked={v.otherLanguages.includes(o.value)}
                  onChange={(e) =>
                    set(
                      'otherLanguages',
                      e.target.checked ? [...v.otherLanguages, o.value] : v.otherLanguages.filter((l) => l !== o.value),
                    )
                  }
                />
                {o.label}
              </label>
            ))}
        </div>
      </fieldset>
      <label className="checkbox hub-field-wrap">
        <input
          type="checkbox"
          checked={v.interpreterNeeded}
          onChange={(e) => set('interpreterNeeded', e.target.checked)}
        />
        {t('childForm.interpreterNeeded')}
      </label>
      {v.interpreterNeeded ? (
        <div data-field="interpreterLanguage" className="hub-field-wrap">
          <SelectField
            label={t('childForm.interpreterLanguage')}
            value={v.interpreterLanguage}
            onChange={(value) => set('interpreterLanguage', value)}
            options={[{ value: '', label: t('hub.choose') }, ...languageOptions]}
            error={msg('interpreterLanguage', 'interpreterLanguage', t('childForm.errors.interpreterLanguage'))}
          />
        </div>
      ) : null}
      <SelectField
        label={t('childForm.asylumStatus')}
        value={v.asylumStatus}
        onChange={(value) => set('asylumStatus', asylumStatuses.find((s) => s === value) ?? v.asylumStatus)}
        options={asylumStatuses.map((s) => ({ value: s, label: t(`asylumStatus.${s}`) }))}
      />
      <div data-field="arrivalDate" className="hub-field-wrap">
        <Field
          label={t('childForm.arrivalDate')}
          type="date"
          max={today}
          value={v.arrivalDate}
          onChange={(e) => set('arrivalDate', e.target.value)}
          error={msg('arrivalDate', 'arrivalDate', t('childForm.errors.pastDate'))}
        />
      </div>
      {caseNumberField ? (
        <div data-field="caseNumber" className="hub-field-wrap">
          <Field
            label={t('childForm.caseNumber')}
            hint={t('childForm.caseNumberHint')}
            value={v.caseNumber}
            maxLength={20}
            autoComplete="off"
            onChange={(e) => set('caseNumber', e.target.value)}
            error={msg('caseNumber', 'caseNumber', t('childForm.errors.caseNumber'))}
          />
        </div>
      ) : null}
      <div className="field-row hub-field-wrap" data-field="placement">
        <SelectField
          label={t('childForm.placementKind')}
          value={v.placementKind}
          onChange={(value) => set('placementKind', value)}
          options={[
            { value: '', label: t('childForm.noPlacement') },
            ...placementKinds.map((k) => ({ value: k, label: t(`child.placementKind.${k}`) })),
          ]}
        />
        {v.placementKind ? (
          <SelectField
            label={t('childForm.placementOrganisation')}
            value={v.placementOrganisationId}
            onChange={(value) => set('placementOrganisationId', value)}
            options={[
              { value: '', label: t('hub.choose') },
              ...(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
            ]}
            error={msg('placement', 'placement.organisationId', t('childForm.errors.placement'))}
          />
        ) : null}
      </div>
      {children}
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('hub.saving') : submitLabel}
      </button>
    </form>
  );
}
