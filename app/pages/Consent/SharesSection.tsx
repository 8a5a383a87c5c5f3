import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  infoCategories,
  sharingPurposes,
  type InfoCategory,
  type SharingPurpose,
} from '../../../common/schemas/sharing.ts';
import { useOrganisations } from '../../api/hub.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { useEndShare, useLegalBases, useRecordShare, useShares } from '../../components/plans/api.ts';
import { CheckboxGroup, hasIssue, PlanErrorRegion, Saved } from '../../components/plans/values.tsx';
import { Loading } from '../../components/Notice.tsx';
import { useSession } from '../../components/RequireSession.tsx';

/** Sharing without consent, on a legal basis from the municipality's list: recorded on each share. */
export function SharesSection({ childId }: { childId: string }) {
  const { t, i18n } = useTranslation();
  const shares = useShares(childId);
  const end = useEndShare(childId);
  const date = useFormatDate();
  const [saved, setSaved] = useState<string | null>(null);
  const label = (b: { labelSv: string; labelEn: string }) => (i18n.language === 'en' ? b.labelEn : b.labelSv);
  return (
    <section className="panel" aria-labelledby="shares-heading">
      <h2 id="shares-heading">{t('consent.shares.title')}</h2>
      <p className="plan-muted">{t('consent.shares.intro')}</p>
      <PlanErrorRegion error={shares.error ?? end.error} />
      <Saved message={saved} />
      {shares.isPending ? <Loading /> : null}
      {shares.data?.items.length === 0 ? <p>{t('consent.shares.none')}</p> : null}
      <ul className="plan-list">
        {shares.data?.items.map((s) => (
          <li key={s.id} className="plan-item">
            <p>
              <strong>{t('consent.shares.fromTo', { from: s.from.name, to: s.to.name })}</strong>{' '}
              {s.active ? t('consent.shares.active') : t('consent.shares.ended')}
            </p>
            <p>
              {s.categories.map((c) => t(`plans.category.${c}`)).join(', ')} – {t(`consent.purpose.${s.purpose}`)}
            </p>
            <p>{t('consent.shares.basis', { basis: label(s.legalBasis) })}</p>
            <p className="plan-muted">
              {s.note}
              {s.validTo ? ` – ${t('consent.shares.until', { date: date(s.validTo) })}` : ''}
            </p>
            {s.abilities.end ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={end.isPending}
                onClick={() => end.mutate(s.id, { onSuccess: () => setSaved(t('consent.shares.endedNow')) })}
              >
                {t('consent.shares.end')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {shares.data?.abilities.record ? (
        <ShareForm childId={childId} onSaved={() => setSaved(t('consent.shares.saved'))} />
      ) : null}
    </section>
  );
}

function ShareForm({ childId, onSaved }: { childId: string; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const orgs = useOrganisations();
  const bases = useLegalBases();
  const record = useRecordShare(childId);
  const mine = me.memberships.map((m) => ({ value: m.organisationId, label: m.organisationName }));
  const [from, setFrom] = useState(mine[0]?.value ?? '');
  const [to, setTo] = useState('');
  const [categories, setCategories] = useState<InfoCategory[]>([]);
  const [purpose, setPurpose] = useState<SharingPurpose>('plan');
  const [basis, setBasis] = useState('');
  const [note, setNote] = useState('');
  const [validTo, setValidTo] = useState('');
  const err = record.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(
      {
        fromOrganisationId: from,
        toOrganisationId: to,
        categories,
        purpose,
        legalBasisId: basis,
        note: note.trim(),
        validTo: validTo || null,
      },
      { onSuccess: onSaved },
    );
  };
  const active = (bases.data?.items ?? []).filter((b) => !b.archived);
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="new-share-heading">
      <h3 id="new-share-heading">{t('consent.shares.formTitle')}</h3>
      <PlanErrorRegion error={err} />
      <SelectField
        label={t('consent.shares.from')}
        value={from}
        onChange={setFrom}
        options={[...new Map(mine.map((o) => [o.value, o])).values()]}
        error={hasIssue(err, 'body.fromOrganisationId') ? t('consent.shares.errors.from') : null}
      />
      <SelectField
        label={t('consent.shares.to')}
        value={to}
        onChange={setTo}
        options={[
          { value: '', label: t('consent.choose') },
          ...(orgs.data?.items ?? []).filter((o) => o.id !== from).map((o) => ({ value: o.id, label: o.name })),
        ]}
        error={hasIssue(err, 'body.toOrganisationId') ? t('consent.shares.errors.to') : null}
      />
      <CheckboxGroup
        legend={t('consent.form.categories')}
        options={infoCategories.map((c) => ({ value: c, label: t(`plans.category.${c}`) }))}
        selected={categories}
        onChange={setCategories}
        error={hasIssue(err, 'body.categories') ? t('consent.form.errors.categories') : null}
      />
      <SelectField
        label={t('consent.shares.purpose')}
        value={purpose}
        onChange={(v) => setPurpose(v as SharingPurpose)}
        options={sharingPurposes.map((p) => ({ value: p, label: t(`consent.purpose.${p}`) }))}
      />
      <SelectField
        label={t('consent.shares.legalBasis')}
        value={basis}
        onChange={setBasis}
        options={[
          { value: '', label: t('consent.choose') },
          ...active.map((b) => ({ value: b.id, label: i18n.language === 'en' ? b.labelEn : b.labelSv })),
        ]}
        error={hasIssue(err, 'body.legalBasisId') ? t('consent.shares.errors.legalBasis') : null}
      />
      <TextAreaField
        label={t('consent.shares.note')}
        hint={t('consent.shares.noteHint')}
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={hasIssue(err, 'body.note') ? t('consent.shares.errors.note') : null}
      />
      <Field
        label={t('consent.shares.validTo')}
        type="date"
        value={validTo}
        onChange={(e) => setValidTo(e.target.value)}
        error={hasIssue(err, 'body.validTo') ? t('consent.shares.errors.validTo') : null}
      />
      <button type="submit" className="button" disabled={record.isPending}>
        {t('consent.shares.submit')}
      </button>
    </form>
  );
}
