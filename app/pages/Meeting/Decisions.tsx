import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../common/schemas/meetings.ts';
import { fieldIssue } from '../../components/errors.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { useCreateDecision } from './api.ts';
import { useOwnerOptions } from './ChildPart.tsx';
import { DecisionItem } from './DecisionItem.tsx';
import { MeetingErrorRegion } from './values.tsx';

interface Props {
  meeting: Meeting;
  onSaved: (message: string) => void;
}

/** The meeting's decisions, typed as they are taken: each with one owner and a due date. */
export function Decisions({ meeting: m, onSaved }: Props) {
  const { t } = useTranslation();
  const create = useCreateDecision(m.id);
  const owners = useOwnerOptions(m);
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [item, setItem] = useState('');
  const [missing, setMissing] = useState({ text: false, owner: false, dueOn: false });
  const err = create.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = { text: !text.trim(), owner: !owner, dueOn: !dueOn };
    setMissing(found);
    if (found.text || found.owner || found.dueOn) return;
    create.mutate(
      { text: text.trim(), ownerUserId: owner, dueOn, agendaItemId: item || null },
      {
        onSuccess: () => {
          setText('');
          setOwner('');
          setDueOn('');
          setItem('');
          onSaved(t('meetings.decisions.added'));
        },
      },
    );
  };
  const named = ['text', 'ownerUserId', 'dueOn'].some((f) => fieldIssue(err, f));

  return (
    <section className="panel hub-section" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('meetings.decisions.title')}</h2>
      {m.decisions.length === 0 ? <p>{t('meetings.decisions.none')}</p> : null}
      <ul className="hub-question-list">
        {m.decisions.map((d) => (
          <DecisionItem key={d.id} decision={d} onSaved={onSaved} />
        ))}
      </ul>
      {m.abilities.write ? (
        <form className="form hub-form" onSubmit={submit} noValidate aria-labelledby="decision-new-heading">
          <h3 id="decision-new-heading">{t('meetings.decisions.add')}</h3>
          <MeetingErrorRegion error={err && !named ? err : null} />
          <TextAreaField
            label={t('meetings.decisions.text')}
            rows={2}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={missing.text || fieldIssue(err, 'text') ? t('meetings.decisions.errors.text') : null}
          />
          <SelectField
            label={t('meetings.decisions.owner')}
            hint={t('meetings.decisions.ownerHint')}
            value={owner}
            onChange={setOwner}
            options={[{ value: '', label: t('meetings.choose') }, ...owners]}
            error={missing.owner || fieldIssue(err, 'ownerUserId') ? t('meetings.decisions.errors.owner') : null}
          />
          <Field
            label={t('meetings.decisions.dueOn')}
            type="date"
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
            error={missing.dueOn || fieldIssue(err, 'dueOn') ? t('meetings.decisions.errors.dueOn') : null}
          />
          {m.agenda.length > 0 ? (
            <SelectField
              label={t('meetings.decisions.agendaItem')}
              value={item}
              onChange={setItem}
              options={[
                { value: '', label: t('meetings.decisions.noItem') },
                ...m.agenda.map((a) => ({ value: a.id, label: a.title })),
              ]}
            />
          ) : null}
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? t('meetings.saving') : t('meetings.decisions.addSubmit')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
