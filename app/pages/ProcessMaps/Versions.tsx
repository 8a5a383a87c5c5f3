import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adoptingBodies, type AdoptingBody, type MapDetail } from '../../../common/schemas/processmaps.ts';
import { exportUrl, useAdopt, useCompare } from '../../api/processmaps.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { fieldIssue } from '../../components/errors.ts';
import { ErrorRegion } from '../../components/Notice.tsx';

/** Every saved version, newest first; compare two; adopt one by recording the decision (step 5). */
export function Versions({ id, map }: { id: string; map: MapDetail }) {
  const { t } = useTranslation();
  const numbers = map.versions.map((v) => String(v.number));
  const [from, setFrom] = useState(numbers[1] ?? numbers[0] ?? '1');
  const [to, setTo] = useState(numbers[0] ?? '1');
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const cmp = useCompare(id, map.id, pair);
  const options = numbers.map((n) => ({ value: n, label: t('processmaps.versionN', { number: n }) }));
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('processmaps.versionsHeading')}</h2>
      <ol reversed>
        {map.versions.map((v) => (
          <li key={v.id}>
            {t('processmaps.versionLine', { number: v.number, by: v.savedBy, at: v.savedAt.slice(0, 10) })}
            {v.note ? ` – ${v.note}` : ''}{' '}
            <a href={exportUrl(id, map.id, v.number)} download>
              {t('processmaps.exportShort', { number: v.number })}
            </a>
            {v.adoption ? (
              <p>
                {t('processmaps.adoptedBy', {
                  by: v.adoption.decidedBy,
                  on: v.adoption.decidedOn,
                  body: t(`processmaps.body.${v.adoption.body}`),
                })}
                : {v.adoption.text}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <form
        aria-labelledby="compare-heading"
        onSubmit={(e) => {
          e.preventDefault();
          setPair({ from: Number(from), to: Number(to) });
        }}
      >
        <h3 id="compare-heading">{t('processmaps.compareHeading')}</h3>
        <SelectField label={t('processmaps.compareFrom')} value={from} onChange={setFrom} options={options} />
        <SelectField label={t('processmaps.compareTo')} value={to} onChange={setTo} options={options} />
        <button type="submit">{t('processmaps.compare')}</button>
      </form>
      <ErrorRegion error={cmp.error} />
      {cmp.data ? (
        cmp.data.changes.length === 0 ? (
          <p>{t('processmaps.noChanges')}</p>
        ) : (
          <ul aria-label={t('processmaps.changesLabel')}>
            {cmp.data.changes.map((c) => (
              <li key={`${c.kind}-${c.id}`}>
                {t(`processmaps.change.${c.kind}`, {
                  name: c.name || c.id,
                  type: c.type,
                  before: c.before ?? '–',
                  after: c.after ?? '–',
                })}
              </li>
            ))}
          </ul>
        )
      ) : null}
      {map.canEdit ? <Adopt id={id} map={map} options={options} /> : null}
    </section>
  );
}

function Adopt({ id, map, options }: { id: string; map: MapDetail; options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const adopt = useAdopt(id, map.id);
  const [n, setN] = useState(options[0]?.value ?? '1');
  const [body, setBody] = useState<AdoptingBody>('forum');
  const [decidedBy, setDecidedBy] = useState('');
  const [decidedOn, setDecidedOn] = useState('');
  const [text, setText] = useState('');
  const err = (f: string) => (fieldIssue(adopt.error, f) ? t('processmaps.fieldError') : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!window.confirm(t('processmaps.adoptConfirm', { number: n }))) return;
    adopt.mutate({ n: Number(n), body, decidedBy, decidedOn, text });
  };
  return (
    <form onSubmit={submit} aria-labelledby="adopt-heading">
      <h3 id="adopt-heading">{t('processmaps.adoptHeading')}</h3>
      <SelectField label={t('processmaps.adoptVersion')} value={n} onChange={setN} options={options} />
      <SelectField
        label={t('processmaps.adoptBody')}
        value={body}
        onChange={(v) => setBody(v as AdoptingBody)}
        options={adoptingBodies.map((b) => ({ value: b, label: t(`processmaps.body.${b}`) }))}
      />
      <Field
        label={t('processmaps.decidedBy')}
        value={decidedBy}
        onChange={(e) => setDecidedBy(e.target.value)}
        error={err('body.decidedBy')}
      />
      <Field
        label={t('processmaps.decidedOn')}
        type="date"
        value={decidedOn}
        onChange={(e) => setDecidedOn(e.target.value)}
        error={err('body.decidedOn')}
      />
      <TextAreaField
        label={t('processmaps.decisionText')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={err('body.text')}
      />
      <ErrorRegion error={adopt.error} />
      {adopt.isSuccess ? <p role="status">{t('processmaps.adopted')}</p> : null}
      <button type="submit" disabled={adopt.isPending}>
        {t('processmaps.adopt')}
      </button>
    </form>
  );
}
