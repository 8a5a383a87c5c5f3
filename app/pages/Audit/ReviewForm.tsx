import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordReview } from '../../api/audit.ts';
import { fieldIssue } from '../../components/errors.ts';
import { Field, TextAreaField } from '../../components/Field.tsx';
import { localIsoDate } from '../../components/format.ts';
import { ErrorRegion, Notice } from '../../components/Notice.tsx';

interface FieldErrors {
  periodFrom?: string;
  periodTo?: string;
  findings?: string;
}

/** The default period: the last 30 days up to today. */
function defaultFrom(): string {
  const d = new Date();
  d.setDate(d.getDate() - 30);
  return localIsoDate(d);
}

/** Records that a manager reviewed a child's (or a user's) log, for which period, and what they found. */
export function ReviewForm({
  subjectId,
  subjectKind = 'child',
}: {
  subjectId: string;
  subjectKind?: 'child' | 'user';
}) {
  const { t } = useTranslation();
  const record = useRecordReview();
  const [periodFrom, setPeriodFrom] = useState(defaultFrom);
  const [periodTo, setPeriodTo] = useState(() => localIsoDate());
  const [findings, setFindings] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const refs = {
    periodFrom: useRef<HTMLInputElement>(null),
    periodTo: useRef<HTMLInputElement>(null),
    findings: useRef<HTMLTextAreaElement>(null),
  };

  const show = (found: FieldErrors) => {
    setErrors(found);
    const first = (['periodFrom', 'periodTo', 'findings'] as const).find((k) => found[k]);
    if (first) refs[first].current?.focus();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const found: FieldErrors = {};
    if (!periodFrom) found.periodFrom = t('review.errors.dateRequired');
    if (!periodTo) found.periodTo = t('review.errors.dateRequired');
    else if (periodFrom && periodTo < periodFrom) found.periodTo = t('review.errors.periodOrder');
    if (!findings.trim()) found.findings = t('review.errors.findingsRequired');
    if (Object.keys(found).length > 0) return show(found);
    record.mutate(
      { subjectKind, subjectId, periodFrom, periodTo, findings: findings.trim() },
      {
        onSuccess: () => {
          setErrors({});
          setFindings('');
          setSaved(true);
        },
        onError: (err) =>
          show({
            periodFrom: fieldIssue(err, 'periodFrom') ? t('review.errors.dateInvalid') : undefined,
            periodTo: fieldIssue(err, 'periodTo') ? t('review.errors.periodOrder') : undefined,
            findings: fieldIssue(err, 'findings') ? t('review.errors.findingsInvalid') : undefined,
          }),
      },
    );
  };

  const fieldNamed = ['periodFrom', 'periodTo', 'findings'].some((f) => fieldIssue(record.error, f));
  return (
    <form className="form" onSubmit={submit} noValidate>
      <div role="status">
        {saved ? (
          <Notice kind="success">
            <p>{t('review.saved')}</p>
          </Notice>
        ) : null}
      </div>
      <ErrorRegion error={record.error && !fieldNamed ? record.error : null} />
      <fieldset className="fieldset">
        <legend>{t('review.period')}</legend>
        <div className="field-row">
          <Field
            ref={refs.periodFrom}
            label={t('review.periodFrom')}
            type="date"
            name="periodFrom"
            value={periodFrom}
            onChange={(e) => setPeriodFrom(e.target.value)}
            error={errors.periodFrom}
          />
          <Field
            ref={refs.periodTo}
            label={t('review.periodTo')}
            type="date"
            name="periodTo"
            value={periodTo}
            onChange={(e) => setPeriodTo(e.target.value)}
            error={errors.periodTo}
          />
        </div>
      </fieldset>
      <TextAreaField
        ref={refs.findings}
        label={t('review.findings')}
        hint={t('review.findingsHint')}
        name="findings"
        rows={5}
        maxLength={5000}
        value={findings}
        onChange={(e) => setFindings(e.target.value)}
        error={errors.findings}
      />
      <button type="submit" className="button" disabled={record.isPending}>
        {record.isPending ? t('review.saving') : t('review.save')}
      </button>
    </form>
  );
}
