import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../common/schemas/hub.ts';
import { categoryOfTopic, infoCategories, type InfoCategory } from '../../../common/schemas/sharing.ts';
import { fieldIssue } from '../../components/errors.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { localIsoDate } from '../../components/format.ts';
import { commonLanguages, useLanguageName, useTopicName } from '../../components/hub/values.tsx';
import { MeetingErrorRegion } from '../Meeting/values.tsx';
import { useRecordEntry } from './api.ts';

interface Props {
  childId: string;
  topics: Topic[];
  onSaved: (message: string) => void;
}

/** "What I told the child": topic, day, a sentence or two, the language and whether an interpreter was there. */
export function EntryForm({ childId, topics, onSaved }: Props) {
  const { t } = useTranslation();
  const topicName = useTopicName();
  const languageName = useLanguageName();
  const record = useRecordEntry(childId);
  const [topic, setTopic] = useState('');
  const [toldOn, setToldOn] = useState(() => localIsoDate());
  const [summary, setSummary] = useState('');
  const [language, setLanguage] = useState('sv');
  const [interpreterUsed, setInterpreterUsed] = useState(false);
  // Null: follow the topic's category until the teller picks one.
  const [chosen, setChosen] = useState<InfoCategory | null>(null);
  const category = chosen ?? categoryOfTopic(topic);
  const [missing, setMissing] = useState({ topic: false, summary: false, toldOn: false });
  const err = record.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = { topic: !topic, summary: !summary.trim(), toldOn: !toldOn };
    setMissing(found);
    if (found.topic || found.summary || found.toldOn) return;
    record.mutate(
      { topic, toldOn, summary: summary.trim(), language, interpreterUsed, category },
      {
        onSuccess: () => {
          setSummary('');
          setInterpreterUsed(false);
          setChosen(null);
          onSaved(t('besked.new.recorded'));
        },
      },
    );
  };
  const named = ['topic', 'toldOn', 'summary', 'language'].some((f) => fieldIssue(err, f));

  return (
    <form className="form panel hub-form" onSubmit={submit} noValidate aria-labelledby="besked-new-heading">
      <h2 id="besked-new-heading">{t('besked.new.title')}</h2>
      <p className="hub-muted">{t('besked.new.intro')}</p>
      <MeetingErrorRegion error={err && !named ? err : null} />
      <SelectField
        label={t('besked.new.topic')}
        value={topic}
        onChange={setTopic}
        options={[
          { value: '', label: t('meetings.choose') },
          ...topics.map((x) => ({ value: x.key, label: topicName(x) })),
        ]}
        error={missing.topic || fieldIssue(err, 'topic') ? t('besked.new.errors.topic') : null}
      />
      <SelectField
        label={t('besked.new.category')}
        hint={t('besked.new.categoryHint')}
        value={category}
        onChange={(v) => setChosen(v as InfoCategory)}
        options={infoCategories.map((c) => ({ value: c, label: t(`plans.category.${c}`) }))}
      />
      <Field
        label={t('besked.new.toldOn')}
        type="date"
        value={toldOn}
        max={localIsoDate()}
        onChange={(e) => setToldOn(e.target.value)}
        error={missing.toldOn || fieldIssue(err, 'toldOn') ? t('besked.new.errors.toldOn') : null}
      />
      <TextAreaField
        label={t('besked.new.summary')}
        hint={t('besked.new.summaryHint')}
        rows={3}
        maxLength={600}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        error={missing.summary || fieldIssue(err, 'summary') ? t('besked.new.errors.summary') : null}
      />
      <SelectField
        label={t('besked.new.language')}
        value={language}
        onChange={setLanguage}
        options={commonLanguages.map((code) => ({ value: code, label: languageName(code) }))}
      />
      <label className="mtg-radio">
        <input type="checkbox" checked={interpreterUsed} onChange={(e) => setInterpreterUsed(e.target.checked)} />{' '}
        {t('besked.new.interpreterUsed')}
      </label>
      <button type="submit" className="button" disabled={record.isPending}>
        {record.isPending ? t('meetings.saving') : t('besked.new.submit')}
      </button>
    </form>
  );
}
