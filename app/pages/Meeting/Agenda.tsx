import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../common/schemas/meetings.ts';
import { fieldIssue } from '../../components/errors.ts';
import { Field, SelectField } from '../../components/Field.tsx';
import { useAddAgendaItem, useRemoveAgendaItem } from './api.ts';
import { useOwnerOptions } from './ChildPart.tsx';
import { AgendaItemEdit } from './AgendaItemEdit.tsx';
import { DecisionItem } from './DecisionItem.tsx';
import { MeetingErrorRegion } from './values.tsx';

interface Props {
  meeting: Meeting;
  onSaved: (message: string) => void;
}

/**
 * The agenda. Item 1 is always the follow-up of earlier decisions, filled in
 * by Navet; the rest each have an owner and say whether the child takes part.
 */
export function Agenda({ meeting: m, onSaved }: Props) {
  const { t } = useTranslation();
  const add = useAddAgendaItem(m.id);
  const remove = useRemoveAgendaItem(m.id);
  const owners = useOwnerOptions(m);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [childPresent, setChildPresent] = useState(false);
  const [missing, setMissing] = useState({ title: false, owner: false });
  const [editing, setEditing] = useState<string | null>(null);
  const err = add.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = { title: !title.trim(), owner: !owner };
    setMissing(found);
    if (found.title || found.owner) return;
    add.mutate(
      { title: title.trim(), ownerUserId: owner, childPresent },
      {
        onSuccess: () => {
          setTitle('');
          setOwner('');
          setChildPresent(false);
          onSaved(t('meetings.agenda.added'));
        },
      },
    );
  };

  return (
    <section className="panel hub-section" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('meetings.agenda.title')}</h2>
      <ol className="mtg-agenda">
        {m.child ? (
          <li>
            <h3 className="mtg-agenda__title">{t('meetings.agenda.followUp')}</h3>
            <p className="hub-muted hub-small">
              {t('meetings.agenda.followUpHint', { name: m.organiser.displayName })}
            </p>
            {m.followUp.length === 0 ? (
              <p>{t('meetings.agenda.followUpNone')}</p>
            ) : (
              <ul className="hub-question-list">
                {m.followUp.map((d) => (
                  <DecisionItem key={d.id} decision={d} showMeeting onSaved={onSaved} />
                ))}
              </ul>
            )}
          </li>
        ) : null}
        {m.agenda.map((item) => (
          <li key={item.id}>
            {editing === item.id ? (
              <AgendaItemEdit
                meeting={m}
                item={item}
                onDone={(message) => {
                  setEditing(null);
                  if (message) onSaved(message);
                }}
              />
            ) : (
              <>
                <h3 className="mtg-agenda__title">{item.title}</h3>
                <p className="hub-small">
                  {t('meetings.agenda.ownedBy', { name: item.owner.displayName })}
                  {item.childPresent ? (
                    <>
                      {' · '}
                      <span className="hub-badge">
                        {t('meetings.agenda.childPresent', { name: m.child?.displayName ?? '' })}
                      </span>
                    </>
                  ) : null}
                </p>
                {m.abilities.write ? (
                  <>
                    <button type="button" className="button button--quiet" onClick={() => setEditing(item.id)}>
                      {t('everyday.agenda.edit', { title: item.title })}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => remove.mutate(item.id, { onSuccess: () => onSaved(t('meetings.agenda.removed')) })}
                    >
                      {t('meetings.agenda.remove', { title: item.title })}
                    </button>
                  </>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ol>
      {m.agenda.length === 0 && !m.child ? <p>{t('meetings.agenda.empty')}</p> : null}
      <MeetingErrorRegion error={remove.error ?? (err && !fieldIssue(err, 'ownerUserId') ? err : null)} />
      {m.abilities.write ? (
        <form className="form hub-form" onSubmit={submit} noValidate aria-labelledby="agenda-new-heading">
          <h3 id="agenda-new-heading">{t('meetings.agenda.add')}</h3>
          <Field
            label={t('meetings.agenda.itemTitle')}
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            error={missing.title || fieldIssue(err, 'title') ? t('meetings.agenda.errors.title') : null}
          />
          <SelectField
            label={t('meetings.agenda.owner')}
            value={owner}
            onChange={setOwner}
            options={[{ value: '', label: t('meetings.choose') }, ...owners]}
            error={missing.owner || fieldIssue(err, 'ownerUserId') ? t('meetings.agenda.errors.owner') : null}
          />
          {m.child ? (
            <label className="mtg-radio">
              <input type="checkbox" checked={childPresent} onChange={(e) => setChildPresent(e.target.checked)} />{' '}
              {t('meetings.agenda.childPresentField', { name: m.child.displayName })}
            </label>
          ) : null}
          <button type="submit" className="button button--secondary" disabled={add.isPending}>
            {t('meetings.agenda.addSubmit')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
