import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeskedTopic, BeskedView } from '../../../common/schemas/besked.ts';
import type { MemberRef } from '../../../common/schemas/hub.ts';
import { fieldIssue } from '../../components/errors.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { useFormatDate, useFormatDateTime } from '../../components/format.ts';
import { MemberName, useLanguageName, useTopicName } from '../../components/hub/values.tsx';
import { MeetingErrorRegion } from '../Meeting/values.tsx';
import { useAgreeLine, useMarkContradiction } from './api.ts';

interface Props {
  childId: string;
  block: BeskedTopic;
  tellers: MemberRef[];
  abilities: BeskedView['abilities'];
  onSaved: (message: string) => void;
}

/** One topic: the agreed line above, what each adult said side by side, and marking two as contradicting. */
export function TopicBlock({ childId, block, tellers, abilities, onSaved }: Props) {
  const { t } = useTranslation();
  const topicName = useTopicName();
  const languageName = useLanguageName();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const mark = useMarkContradiction(childId);
  const agree = useAgreeLine(childId);
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [agreeing, setAgreeing] = useState(false);
  const [line, setLine] = useState('');
  const [teller, setTeller] = useState('');
  const [missing, setMissing] = useState({ line: false, teller: false });
  const name = topicName(block.topic);
  const headingId = `besked-topic-${block.topic.key}`;

  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id].slice(-2)));
  const markPair = (e: FormEvent) => {
    e.preventDefault();
    const [a, b] = selected;
    if (!a || !b) return;
    mark.mutate(
      { entryIds: [a, b], note: note.trim() || null },
      {
        onSuccess: () => {
          setSelected([]);
          setNote('');
          onSaved(t('besked.mark.marked'));
        },
      },
    );
  };
  const submitLine = (e: FormEvent) => {
    e.preventDefault();
    const found = { line: !line.trim(), teller: !teller };
    setMissing(found);
    if (found.line || found.teller) return;
    agree.mutate(
      { topic: block.topic.key, body: { text: line.trim(), tellerMemberId: teller } },
      {
        onSuccess: () => {
          setAgreeing(false);
          setLine('');
          setTeller('');
          onSaved(t('besked.line.agreed'));
        },
      },
    );
  };

  return (
    <section className="panel hub-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <div className="besked-line">
        <h3 className="hub-small">{t('besked.line.title')}</h3>
        {block.line ? (
          <>
            <p className="hub-strong">{block.line.text}</p>
            <p className="hub-small">
              {t('besked.line.teller')} <MemberName member={block.line.teller} />
            </p>
            <p className="hub-muted hub-small">
              {t('besked.line.recorded', { name: block.line.recordedBy, at: formatDateTime(block.line.agreedAt) })}
            </p>
          </>
        ) : (
          <p>{t('besked.line.none')}</p>
        )}
      </div>
      {block.openContradictions > 0 ? (
        <p className="hub-warning-text">
          <span aria-hidden="true">⚠ </span>
          {t('besked.topicFlag', { count: block.openContradictions })}
        </p>
      ) : null}
      <h3>{t('besked.entries', { count: block.entries.length })}</h3>
      <ul className="besked-entries">
        {block.entries.map((e) => (
          <li key={e.id} className={`besked-entry${e.contradicted ? ' besked-entry--contradicted' : ''}`}>
            <p className="hub-strong">
              <MemberName member={e.teller} />
            </p>
            <p className="hub-small hub-muted">
              {formatDate(e.toldOn)} – {languageName(e.language)}
              {e.interpreterUsed ? `, ${t('besked.interpreter')}` : ''}
            </p>
            <p>{e.summary}</p>
            {e.contradicted ? (
              <p className="hub-warning-text">
                <span aria-hidden="true">⚠ </span>
                {t('besked.contradicted')}
              </p>
            ) : null}
            {abilities.markContradiction && block.entries.length > 1 ? (
              <label className="mtg-radio">
                <input type="checkbox" checked={selected.includes(e.id)} onChange={() => toggle(e.id)} />{' '}
                {t('besked.mark.select', { name: e.teller.displayName })}
              </label>
            ) : null}
          </li>
        ))}
      </ul>
      <MeetingErrorRegion
        error={mark.error ?? (agree.error && !fieldIssue(agree.error, 'tellerMemberId') ? agree.error : null)}
      />
      {selected.length === 2 ? (
        <form className="form hub-form hub-form--inline" onSubmit={markPair} noValidate>
          <Field
            label={t('besked.mark.note')}
            hint={t('besked.mark.noteHint')}
            value={note}
            maxLength={1000}
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="submit" className="button" disabled={mark.isPending}>
            {t('besked.mark.submit')}
          </button>
        </form>
      ) : null}
      {abilities.agreeLine && !agreeing ? (
        <button type="button" className="button button--secondary" onClick={() => setAgreeing(true)}>
          {block.line ? t('besked.line.change') : t('besked.line.add')}
        </button>
      ) : null}
      {abilities.agreeLine && agreeing ? (
        <form className="form hub-form" onSubmit={submitLine} noValidate>
          <TextAreaField
            label={t('besked.line.text', { topic: name })}
            hint={t('besked.line.textHint')}
            rows={3}
            maxLength={2000}
            value={line}
            onChange={(e) => setLine(e.target.value)}
            error={missing.line ? t('besked.line.errors.text') : null}
          />
          <SelectField
            label={t('besked.line.tellerField')}
            value={teller}
            onChange={setTeller}
            options={[
              { value: '', label: t('meetings.choose') },
              ...tellers.map((m) => ({ value: m.memberId, label: `${m.displayName} (${t(`hubRole.${m.hubRole}`)})` })),
            ]}
            error={missing.teller || fieldIssue(agree.error, 'tellerMemberId') ? t('besked.line.errors.teller') : null}
          />
          <div className="hub-actions">
            <button type="submit" className="button" disabled={agree.isPending}>
              {t('besked.line.submit')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setAgreeing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
