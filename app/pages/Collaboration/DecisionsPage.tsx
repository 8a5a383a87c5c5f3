import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DECISION_PDF_MAX_BYTES } from '../../../common/schemas/collaboration-roadmap.ts';
import type { Collaboration } from '../../../common/schemas/collaboration-core.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { useSession } from '../../components/RequireSession.tsx';
import { decisionDocumentUrl, useDecisions, useRecordDecision } from './api.ts';
import { CollabError, fieldError } from './errors.tsx';
import { SubPage } from './SubPage.tsx';

/** Step 1: each party's management decision that collaboration is a priority. */
export function DecisionsPage() {
  return <SubPage part="decisions">{(c) => <Decisions c={c} />}</SubPage>;
}

function Decisions({ c }: { c: Collaboration }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const list = useDecisions(c.id);
  const decided = new Set(list.data?.decisions.map((d) => d.partyId));
  return (
    <>
      <CollabError error={list.error} />
      <h2>{t('collaborationSetup.byParty')}</h2>
      <ul className="link-list">
        {c.parties.map((p) => (
          <li key={p.id}>
            {p.name}: {decided.has(p.id) ? t('collaborationSetup.decided') : t('collaborationSetup.notDecided')}
          </li>
        ))}
      </ul>
      <h2>{t('collaborationSetup.recorded')}</h2>
      {list.data?.decisions.length === 0 ? <p>{t('collaborationSetup.noDecisions')}</p> : null}
      <ul className="link-list">
        {list.data?.decisions.map((d) => (
          <li key={d.id} className="panel">
            <h3>{d.partyName}</h3>
            <p>{t('collaborationSetup.decisionLine', { by: d.decidedBy, on: date(d.decidedOn) })}</p>
            {d.text ? <p>{d.text}</p> : null}
            {d.document ? (
              <p>
                <a href={decisionDocumentUrl(c.id, d.id)} download={d.document.filename}>
                  {t('collaborationSetup.download', { name: d.document.filename })}
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {c.abilities.manage ? <DecisionForm c={c} /> : null}
    </>
  );
}

/** Reads a chosen file as base64 (without the data-URL prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function DecisionForm({ c }: { c: Collaboration }) {
  const { t } = useTranslation();
  const record = useRecordDecision(c.id);
  // A municipality records its own organisations' decisions and outside parties'; another member records its own.
  const tenantId = useSession().tenant.id;
  const parties = c.parties.filter((p) => p.tenantId === null || p.tenantId === tenantId);
  const [partyId, setPartyId] = useState('');
  const [decidedBy, setDecidedBy] = useState('');
  const [decidedOn, setDecidedOn] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (file && file.size > DECISION_PDF_MAX_BYTES) return setTooLarge(true);
    setTooLarge(false);
    const document = file ? { filename: file.name, contentBase64: await readBase64(file) } : null;
    record.mutate(
      { partyId: partyId || (parties[0]?.id ?? ''), decidedBy, decidedOn, text: text || null, document },
      {
        onSuccess: () => {
          setText('');
          setDecidedBy('');
          setFile(null);
        },
      },
    );
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="panel">
      <h2>{t('collaborationSetup.recordDecision')}</h2>
      <CollabError error={record.error} />
      <SelectField
        label={t('collaborationSetup.party')}
        value={partyId || (parties[0]?.id ?? '')}
        onChange={setPartyId}
        options={parties.map((p) => ({ value: p.id, label: p.name }))}
        error={fieldError(t, record.error, 'partyId')}
      />
      <Field
        label={t('collaborationSetup.decidedBy')}
        value={decidedBy}
        onChange={(e) => setDecidedBy(e.target.value)}
        error={fieldError(t, record.error, 'decidedBy')}
      />
      <Field
        label={t('collaborationSetup.decidedOn')}
        type="date"
        value={decidedOn}
        onChange={(e) => setDecidedOn(e.target.value)}
        error={fieldError(t, record.error, 'decidedOn')}
      />
      <TextAreaField
        label={t('collaborationSetup.decisionText')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={fieldError(t, record.error, 'text')}
      />
      <Field
        label={t('collaborationSetup.attach')}
        hint={t('collaborationSetup.attachHint', { kb: DECISION_PDF_MAX_BYTES / 1024 })}
        type="file"
        accept="application/pdf"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        error={
          tooLarge
            ? t('collaborationSetup.errors.payload_too_large')
            : fieldError(t, record.error, 'document.contentBase64')
        }
      />
      <button type="submit" className="button" disabled={record.isPending}>
        {t('collaborationSetup.recordDecisionButton')}
      </button>
    </form>
  );
}
