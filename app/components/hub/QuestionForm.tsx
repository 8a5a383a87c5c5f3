import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubMember, Topic } from '../../../common/schemas/hub.ts';
import { categoryOfTopic, infoCategories, type InfoCategory } from '../../../common/schemas/sharing.ts';
import { useCreateQuestion } from '../../api/hub.ts';
import { fieldIssue } from '../errors.ts';
import { Field, SelectField, TextAreaField } from '../Field.tsx';
import { localIsoDate } from '../format.ts';
import { HubErrorRegion } from './HubError.tsx';
import { useTopicName } from './values.tsx';

interface QuestionFormProps {
  childId: string;
  owners: HubMember[];
  topics: Topic[];
  onCreated: () => void;
}

export function QuestionForm({ childId, owners, topics, onCreated }: QuestionFormProps) {
  const { t } = useTranslation();
  const topicName = useTopicName();
  const create = useCreateQuestion(childId);
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [topic, setTopic] = useState('');
  // Null: follow the topic's category until the writer picks one.
  const [chosen, setChosen] = useState<InfoCategory | null>(null);
  const category = chosen ?? categoryOfTopic(topic);
  const [missing, setMissing] = useState({ text: false, owner: false, dueOn: false });
  const err = create.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m = { text: !text.trim(), owner: !owner, dueOn: !dueOn };
    setMissing(m);
    if (m.text || m.owner || m.dueOn) return;
    create.mutate(
      { text: text.trim(), ownerMemberId: owner, dueOn, topic: topic || null, category },
      {
        onSuccess: () => {
          setText('');
          setOwner('');
          setDueOn('');
          setTopic('');
          setChosen(null);
          onCreated();
        },
      },
    );
  };

  return (
    <form className="form hub-form" onSubmit={submit} noValidate aria-labelledby="new-question-heading">
      <h3 id="new-question-heading">{t('hub.questions.newTitle')}</h3>
      <HubErrorRegion error={err} />
      <TextAreaField
        label={t('hub.questions.text')}
        hint={t('hub.questions.textHint')}
        value={text}
        rows={3}
        maxLength={1000}
        onChange={(e) => setText(e.target.value)}
        error={missing.text || fieldIssue(err, 'text') ? t('hub.questions.errors.text') : null}
      />
      <SelectField
        label={t('hub.questions.owner')}
        hint={t('hub.questions.ownerHint')}
        value={owner}
        onChange={setOwner}
        options={[
          { value: '', label: t('hub.choose') },
          ...owners.map((m) => ({ value: m.memberId, label: `${m.displayName} (${t(`hubRole.${m.hubRole}`)})` })),
        ]}
        error={
          missing.owner
            ? t('hub.questions.errors.owner')
            : fieldIssue(err, 'ownerMemberId')
              ? // A chosen member the server refuses is one whose organisation may not see the question.
                t('hub.questions.errors.ownerNotShared')
              : null
        }
      />
      <Field
        label={t('hub.questions.dueOn')}
        type="date"
        value={dueOn}
        min={localIsoDate()}
        onChange={(e) => setDueOn(e.target.value)}
        error={missing.dueOn || fieldIssue(err, 'dueOn') ? t('hub.questions.errors.dueOn') : null}
      />
      <SelectField
        label={t('hub.questions.topic')}
        value={topic}
        onChange={setTopic}
        options={[
          { value: '', label: t('hub.questions.noTopic') },
          ...topics.map((tp) => ({ value: tp.key, label: topicName(tp) })),
        ]}
      />
      <SelectField
        label={t('hub.questions.category')}
        hint={t('hub.questions.categoryHint')}
        value={category}
        onChange={(v) => setChosen(v as InfoCategory)}
        options={infoCategories.map((c) => ({ value: c, label: t(`plans.category.${c}`) }))}
      />
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? t('hub.saving') : t('hub.questions.create')}
      </button>
    </form>
  );
}
