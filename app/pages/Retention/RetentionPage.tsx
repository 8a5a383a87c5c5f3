import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RetentionPeriod } from '../../../common/schemas/retention.ts';
import { isApiError } from '../../api/client.ts';
import { useRetentionSettings, useSaveRetention } from '../../api/retention.ts';
import { Field } from '../../components/Field.tsx';
import { Loading, Notice } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { RetentionError } from './RetentionError.tsx';
import { RunsSection } from './RunsSection.tsx';

/** The tenant admin's retention: periods per record type, and the dry runs to approve. */
export function RetentionPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('retention.title'));
  const settings = useRetentionSettings();
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/admin">{t('retention.back')}</Link>
      </p>
      <h1>{t('retention.title')}</h1>
      <p className="lead">{t('retention.intro')}</p>
      <ul className="link-list link-list--large">
        <li>
          <Link to="/admin/retention/holds">{t('retention.holds.link')}</Link>{' '}
          <span>{t('retention.holds.linkHint')}</span>
        </li>
      </ul>
      {settings.isPending ? <Loading /> : null}
      <RetentionError error={settings.error} />
      {settings.data ? <SettingsForm periods={settings.data.periods} /> : null}
      <RunsSection />
    </div>
  );
}

function SettingsForm({ periods }: { periods: RetentionPeriod[] }) {
  const { t } = useTranslation();
  const save = useSaveRetention();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(periods.map((p) => [p.type, String(p.months)])),
  );
  const [saved, setSaved] = useState(false);
  const issueAt = (i: number) =>
    isApiError(save.error)
      ? (save.error.issues?.find((x) => x.path === `body.periods.${i}.months`)?.message ?? null)
      : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate(
      { periods: periods.map((p) => ({ type: p.type, months: Number(values[p.type]) })) },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <section aria-labelledby="retention-settings">
      <h2 id="retention-settings">{t('retention.settingsTitle')}</h2>
      <form onSubmit={submit} noValidate className="form">
        {periods.map((p, i) => (
          <Field
            key={p.type}
            name={`months-${p.type}`}
            type="number"
            inputMode="numeric"
            min={p.minimumMonths}
            max={1200}
            label={t('retention.months', { type: t(`retention.type.${p.type}`) })}
            hint={`${t('retention.minimum', { count: p.minimumMonths })}${p.isDefault ? ` ${t('retention.defaultHint')}` : ''}`}
            error={issueAt(i) ? t('retention.minimum', { count: p.minimumMonths }) : null}
            value={values[p.type] ?? ''}
            onChange={(e) => setValues({ ...values, [p.type]: e.target.value })}
          />
        ))}
        <RetentionError error={save.error} />
        <div role="status">
          {saved ? (
            <Notice kind="success">
              <p>{t('retention.saved')}</p>
            </Notice>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={save.isPending}>
          {t('retention.save')}
        </button>
      </form>
    </section>
  );
}
