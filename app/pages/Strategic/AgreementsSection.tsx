import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgreements, useCreateAgreement } from '../../api/levels.ts';
import { fieldIssue } from '../../components/errors.ts';
import { Field, TextAreaField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import type { CollaborationSummary } from '../Forum/types.ts';

/** Agreements besides the governance document, e.g. school and housing taking part in SIP. */
export function AgreementsSection({ collaboration }: { collaboration: CollaborationSummary }) {
  const { t } = useTranslation();
  const fmt = useFormatDate();
  const list = useAgreements(collaboration.id);
  const items = list.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="agreements-heading">
      <h2 id="agreements-heading">{t('levels.agreements.title')}</h2>
      <ErrorRegion error={list.error} />
      {list.isPending ? <Loading /> : null}
      {list.data && items.length === 0 ? <p className="empty">{t('levels.agreements.none')}</p> : null}
      <ul className="levels-list">
        {items.map((a) => (
          <li key={a.id}>
            <h3>{a.title}</h3>
            <p className="levels-meta">
              {t('levels.agreements.meta', {
                parties: a.parties.join(', '),
                signed: fmt(a.signedOn),
                from: fmt(a.validFrom),
                to: a.validTo ? fmt(a.validTo) : '–',
              })}
            </p>
            <details>
              <summary>{t('levels.agreements.text')}</summary>
              <p className="levels-text">{a.text}</p>
            </details>
          </li>
        ))}
      </ul>
      {collaboration.abilities.runStrategic ? <NewAgreement collaborationId={collaboration.id} /> : null}
    </section>
  );
}

function NewAgreement({ collaborationId }: { collaborationId: string }) {
  const { t } = useTranslation();
  const create = useCreateAgreement(collaborationId);
  const [title, setTitle] = useState('');
  const [parties, setParties] = useState('');
  const [signedOn, setSignedOn] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      title: title.trim(),
      parties: parties
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
      signedOn,
      validFrom,
      validTo: validTo || null,
      text: text.trim(),
    });
  };
  const err = create.error;
  const issue = (f: string, msg: string) => (fieldIssue(err, f) ? msg : null);
  return (
    <details>
      <summary>{t('levels.agreements.new')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label={t('levels.agreements.titleLabel')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={issue('title', t('levels.required'))}
        />
        <Field
          label={t('levels.agreements.partiesLabel')}
          hint={t('levels.agreements.partiesHint')}
          value={parties}
          onChange={(e) => setParties(e.target.value)}
          error={issue('parties', t('levels.required'))}
        />
        <Field
          label={t('levels.agreements.signedLabel')}
          type="date"
          value={signedOn}
          onChange={(e) => setSignedOn(e.target.value)}
          error={issue('signedOn', t('levels.dateError'))}
        />
        <Field
          label={t('levels.agreements.fromLabel')}
          type="date"
          value={validFrom}
          onChange={(e) => setValidFrom(e.target.value)}
          error={issue('validFrom', t('levels.dateError'))}
        />
        <Field
          label={t('levels.agreements.toLabel')}
          type="date"
          value={validTo}
          onChange={(e) => setValidTo(e.target.value)}
          error={issue('validTo', t('levels.agreements.toError'))}
        />
        <TextAreaField
          label={t('levels.agreements.textLabel')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={6}
          error={issue('text', t('levels.required'))}
        />
        <ErrorRegion error={err} />
        <button type="submit" className="button">
          {t('levels.agreements.create')}
        </button>
      </form>
    </details>
  );
}
