import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../common/schemas/consent.ts';
import { Field, TextAreaField } from '../../components/Field.tsx';
import { localIsoDate, useFormatDate, useFormatDateTime } from '../../components/format.ts';
import { useWithdrawConsent } from '../../components/plans/api.ts';
import { ConsentStateText, hasIssue, PlanErrorRegion } from '../../components/plans/values.tsx';

/** One consent: what it covers, how it was given, and its withdrawal. */
export function ConsentItem({ consent: c, onSaved }: { consent: Consent; onSaved: (msg: string) => void }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const dateTime = useFormatDateTime();
  const [withdrawing, setWithdrawing] = useState(false);
  return (
    <li className="plan-item">
      <p>
        <ConsentStateText state={c.state} /> <strong>{t(`consent.givenBy.${c.givenBy}`)}</strong>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('consent.item.organisations')}</dt>
          <dd>{c.organisations.map((o) => o.name).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('consent.item.categories')}</dt>
          <dd>{c.categories.map((k) => t(`plans.category.${k}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('consent.item.purposes')}</dt>
          <dd>{c.purposes.map((p) => t(`consent.purpose.${p}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('consent.item.period')}</dt>
          <dd>{t('consent.item.periodValue', { from: date(c.validFrom), to: date(c.validTo) })}</dd>
        </div>
        <div>
          <dt>{t('consent.item.form')}</dt>
          <dd>
            {t(`consent.formKind.${c.form}`)}
            {c.receivedBy ? ` – ${t('consent.item.receivedBy', { name: c.receivedBy.displayName })}` : ''}
            {c.documentReference ? ` – ${c.documentReference}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('consent.item.recorded')}</dt>
          <dd>{t('consent.item.recordedValue', { name: c.recordedBy.displayName, at: dateTime(c.recordedAt) })}</dd>
        </div>
        {c.withdrawnAt && c.withdrawnBy && c.withdrawnOn ? (
          <div>
            <dt>{t('consent.item.withdrawn')}</dt>
            <dd>
              {t('consent.item.withdrawnValue', {
                on: date(c.withdrawnOn),
                name: c.withdrawnBy.displayName,
                at: dateTime(c.withdrawnAt),
              })}
            </dd>
          </div>
        ) : null}
      </dl>
      {c.note ? <p className="plan-muted">{c.note}</p> : null}
      {c.abilities.withdraw && !withdrawing ? (
        <button type="button" className="button button--secondary" onClick={() => setWithdrawing(true)}>
          {t('consent.withdraw.open')}
        </button>
      ) : null}
      {withdrawing ? (
        <WithdrawForm
          consent={c}
          onCancel={() => setWithdrawing(false)}
          onDone={() => {
            setWithdrawing(false);
            onSaved(t('consent.withdraw.done'));
          }}
        />
      ) : null}
    </li>
  );
}

function WithdrawForm({ consent, onCancel, onDone }: { consent: Consent; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawConsent(consent.childId);
  const [on, setOn] = useState(localIsoDate());
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    withdraw.mutate({ id: consent.id, withdrawnOn: on, note: note.trim() || null }, { onSuccess: onDone });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('consent.withdraw.title')}>
      <p>{t('consent.withdraw.intro')}</p>
      <PlanErrorRegion error={withdraw.error} />
      <Field
        label={t('consent.withdraw.on')}
        type="date"
        value={on}
        max={localIsoDate()}
        onChange={(e) => setOn(e.target.value)}
        error={hasIssue(withdraw.error, 'body.withdrawnOn') ? t('consent.withdraw.errors.on') : null}
      />
      <TextAreaField
        label={t('consent.withdraw.note')}
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="plan-actions">
        <button type="submit" className="button button--danger" disabled={withdraw.isPending}>
          {t('consent.withdraw.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('consent.cancel')}
        </button>
      </div>
    </form>
  );
}
