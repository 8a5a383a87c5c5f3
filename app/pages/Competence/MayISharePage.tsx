import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  infoCategories,
  sharingPurposes,
  type InfoCategory,
  type SharingPurpose,
} from '../../../common/schemas/sharing.ts';
import type { ShareAnswer } from '../../../common/schemas/competence.ts';
import { useChildren } from '../../api/children.ts';
import { useAskShare, useShareOptions } from '../../api/competence.ts';
import { SelectField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { Loading, Notice } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { CompetenceError, fieldError } from './errors.tsx';

/** "Får jag dela det här?": the sharing rule asked the other way round, for one child or in general. */
export function MayISharePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('competence.share.title'));
  const options = useShareOptions();
  const kids = useChildren({ pageSize: 100 });
  const ask = useAskShare();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [category, setCategory] = useState<InfoCategory | ''>('');
  const [purpose, setPurpose] = useState<SharingPurpose>('hub');
  const [childId, setChildId] = useState('');
  const mine = options.data?.mine ?? [];
  const fromValue = from || mine[0]?.id || '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate({
      fromOrganisationId: fromValue,
      toOrganisationId: to,
      ...(category ? { category } : {}),
      purpose,
      ...(childId ? { childId } : {}),
    });
  };
  const choose = { value: '', label: t('competence.share.choose') };
  return (
    <div className="page">
      <h1>{t('competence.share.title')}</h1>
      <p className="lead">{t('competence.share.intro')}</p>
      {options.isPending ? <Loading /> : null}
      <CompetenceError error={options.error ?? kids.error} />
      {options.data ? (
        <form onSubmit={submit} noValidate className="panel">
          <CompetenceError error={ask.error} />
          <SelectField
            label={t('competence.share.from')}
            value={fromValue}
            onChange={setFrom}
            error={fieldError(t, ask.error, 'fromOrganisationId')}
            options={mine.map((o) => ({ value: o.id, label: o.name }))}
          />
          <SelectField
            label={t('competence.share.to')}
            value={to}
            onChange={setTo}
            error={fieldError(t, ask.error, 'toOrganisationId')}
            options={[choose, ...options.data.organisations.map((o) => ({ value: o.id, label: o.name }))]}
          />
          <SelectField
            label={t('competence.share.category')}
            value={category}
            onChange={(v) => setCategory(v as InfoCategory | '')}
            error={fieldError(t, ask.error, 'category')}
            options={[choose, ...infoCategories.map((c) => ({ value: c, label: t(`plans.category.${c}`) }))]}
          />
          <SelectField
            label={t('competence.share.purpose')}
            value={purpose}
            onChange={(v) => setPurpose(v as SharingPurpose)}
            options={sharingPurposes.map((p) => ({ value: p, label: t(`consent.purpose.${p}`) }))}
          />
          <SelectField
            label={t('competence.share.child')}
            value={childId}
            onChange={setChildId}
            error={fieldError(t, ask.error, 'childId')}
            options={[
              { value: '', label: t('competence.share.noChild') },
              ...(kids.data?.items ?? []).map((c) => ({ value: c.id, label: c.displayName })),
            ]}
          />
          <button type="submit" className="button" disabled={ask.isPending}>
            {t('competence.share.ask')}
          </button>
        </form>
      ) : null}
      <div aria-live="polite" data-testid="share-answer">
        {ask.data ? <Answer a={ask.data} /> : null}
      </div>
    </div>
  );
}

function Answer({ a }: { a: ShareAnswer }) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const basis = a.legalBasis ? (i18n.language === 'en' ? a.legalBasis.labelEn : a.legalBasis.labelSv) : '';
  return (
    <Notice
      kind={a.verdict === 'yes' ? 'success' : a.verdict === 'no' ? 'error' : 'warning'}
      title={t(`competence.share.verdict.${a.verdict}`)}
    >
      <p data-testid="share-verdict">{t(`competence.share.reason.${a.reason}`, { basis })}</p>
      {a.consent && a.verdict === 'yes' ? (
        <p>
          {a.consent.givenBy === 'child' || a.consent.givenBy === 'god_man' || a.consent.givenBy === 'both'
            ? `${t(`competence.share.givenBy.${a.consent.givenBy}`)}. `
            : ''}
          {t('competence.share.consentValidTo', { date: formatDate(a.consent.validTo) })}
        </p>
      ) : null}
    </Notice>
  );
}
