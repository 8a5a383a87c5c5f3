import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Meeting } from '../../../common/schemas/meetings.ts';
import { fieldIssue } from '../../components/errors.ts';
import { Field, SelectField } from '../../components/Field.tsx';
import { useUpdateAgendaItem } from './api.ts';
import { useOwnerOptions } from './ChildPart.tsx';
import { MeetingErrorRegion } from './values.tsx';

/**
 * An agenda item's fields opened in place: title, owner and the child's part. The answer is the
 * whole meeting, so the page shows what the server now holds, someone else's changes included.
 */
export function AgendaItemEdit({
  meeting: m,
  item,
  onDone,
}: {
  meeting: Meeting;
  item: AgendaItem;
  onDone: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateAgendaItem(m.id);
  const owners = useOwnerOptions(m);
  const [title, setTitle] = useState(item.title);
  const [owner, setOwner] = useState(item.owner.userId);
  const [childPresent, setChildPresent] = useState(item.childPresent);
  const [missing, setMissing] = useState(false);
  const err = update.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!title.trim());
    if (!title.trim()) return;
    update.mutate(
      { itemId: item.id, body: { title: title.trim(), ownerUserId: owner, childPresent } },
      { onSuccess: () => onDone(t('everyday.agenda.saved', { title: title.trim() })) },
    );
  };

  return (
    <form
      className="form hub-form"
      onSubmit={submit}
      noValidate
      aria-label={t('everyday.agenda.editing', { title: item.title })}
    >
      <Field
        label={t('meetings.agenda.itemTitle')}
        value={title}
        maxLength={200}
        autoFocus
        onChange={(e) => setTitle(e.target.value)}
        error={missing || fieldIssue(err, 'title') ? t('meetings.agenda.errors.title') : null}
      />
      <SelectField
        label={t('meetings.agenda.owner')}
        value={owner}
        onChange={setOwner}
        options={
          owners.some((o) => o.value === owner) ? owners : [{ value: owner, label: item.owner.displayName }, ...owners]
        }
        error={fieldIssue(err, 'ownerUserId') ? t('meetings.agenda.errors.owner') : null}
      />
      {m.child ? (
        <label className="mtg-radio">
          <input type="checkbox" checked={childPresent} onChange={(e) => setChildPresent(e.target.checked)} />{' '}
          {t('meetings.agenda.childPresentField', { name: m.child.displayName })}
        </label>
      ) : null}
      <MeetingErrorRegion error={err && !fieldIssue(err, 'title') && !fieldIssue(err, 'ownerUserId') ? err : null} />
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={update.isPending}>
          {t('everyday.agenda.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => onDone(null)}>
          {t('everyday.agenda.cancel')}
        </button>
      </div>
    </form>
  );
}
