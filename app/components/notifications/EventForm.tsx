import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { eventSources, noteMax, type EventType } from '../../../common/schemas/events.ts';
import {
  asylumEventTypes,
  categoryOfEvent,
  infoCategories,
  type InfoCategory,
} from '../../../common/schemas/sharing.ts';
import { isApiError } from '../../api/client.ts';
import { fieldIssue } from '../errors.ts';
import { Field, SelectField, TextAreaField } from '../Field.tsx';
import { localIsoDate } from '../format.ts';
import { ErrorRegion, Notice } from '../Notice.tsx';
import { useFocusFirstError } from '../useFocusFirstError.ts';
import { useRecordEvent } from './api.ts';

interface EventFormProps {
  childId: string;
  /** The types this user may record on this child (from the server). */
  types: Exclude<EventType, 'turned_18'>[];
}

const sources = eventSources.filter((s) => s !== 'navet');

/** Records an event. A likely duplicate (same decision, same day) asks before it is recorded again. */
export function EventForm({ childId, types }: EventFormProps) {
  const { t } = useTranslation();
  const recordEvent = useRecordEvent(childId);
  const [type, setType] = useState('');
  const [occurredOn, setOccurredOn] = useState(localIsoDate());
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const [departureDate, setDepartureDate] = useState('');
  const [done, setDone] = useState(false);
  // Null: the type's category until the recorder picks one. Asylum events have no choice.
  const [chosen, setChosen] = useState<InfoCategory | null>(null);
  const choosable = type !== '' && !asylumEventTypes.includes(type);
  const category = chosen ?? categoryOfEvent(type);
  const err = recordEvent.error;
  const duplicate = isApiError(err, 'possible_duplicate');
  const formRef = useFocusFirstError(err);

  const send = (confirmDuplicate: boolean) => {
    setDone(false);
    recordEvent.mutate(
      {
        type: type as Exclude<EventType, 'turned_18'>,
        occurredOn,
        source: source as (typeof sources)[number],
        note,
        departureDate: type === 'departure_date_set' ? departureDate || null : null,
        confirmDuplicate,
        ...(choosable ? { category } : {}),
      },
      {
        onSuccess: () => {
          setType('');
          setSource('');
          setNote('');
          setDepartureDate('');
          setChosen(null);
          setDone(true);
        },
      },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send(false);
  };

  return (
    <form ref={formRef} className="form hub-form" onSubmit={submit} noValidate aria-labelledby="record-event-heading">
      <h3 id="record-event-heading">{t('notices.child.record')}</h3>
      {duplicate ? (
        <div role="alert">
          <Notice kind="warning" title={t('notices.child.duplicateTitle')}>
            <p>{t('notices.child.duplicateBody')}</p>
            <button type="button" className="button" onClick={() => send(true)}>
              {t('notices.child.duplicateConfirm')}
            </button>
          </Notice>
        </div>
      ) : (
        <ErrorRegion error={err} />
      )}
      <div role="status">
        {done ? (
          <Notice kind="success" title={t('notices.child.recorded')}>
            {null}
          </Notice>
        ) : null}
      </div>
      <SelectField
        label={t('notices.child.type')}
        value={type}
        onChange={(v) => {
          setType(v);
          setChosen(null);
        }}
        options={[
          { value: '', label: t('notices.child.choose') },
          ...types.map((v) => ({ value: v, label: t(`notices.eventType.${v}`) })),
        ]}
        error={fieldIssue(err, 'type') ? t('notices.child.errors.type') : null}
      />
      <Field
        label={t('notices.child.occurredOn')}
        hint={t('notices.child.occurredOnHelp')}
        type="date"
        value={occurredOn}
        max={localIsoDate()}
        onChange={(e) => setOccurredOn(e.target.value)}
        error={fieldIssue(err, 'occurredOn') ? t('notices.child.errors.occurredOn') : null}
      />
      {type === 'departure_date_set' ? (
        <Field
          label={t('notices.child.departureDate')}
          type="date"
          value={departureDate}
          onChange={(e) => setDepartureDate(e.target.value)}
          error={fieldIssue(err, 'departureDate') ? t('notices.child.errors.departureDate') : null}
        />
      ) : null}
      <SelectField
        label={t('notices.child.source')}
        value={source}
        onChange={setSource}
        options={[
          { value: '', label: t('notices.child.choose') },
          ...sources.map((s) => ({ value: s, label: t(`notices.source.${s}`) })),
        ]}
        error={fieldIssue(err, 'source') ? t('notices.child.errors.source') : null}
      />
      <TextAreaField
        label={t('notices.child.note')}
        hint={t('notices.child.noteHelp')}
        value={note}
        rows={2}
        maxLength={noteMax}
        onChange={(e) => setNote(e.target.value)}
        error={fieldIssue(err, 'note') ? t('notices.child.errors.note') : null}
      />
      {choosable ? (
        <SelectField
          label={t('notices.child.category')}
          hint={t('notices.child.categoryHint')}
          value={category}
          onChange={(v) => setChosen(v as InfoCategory)}
          options={infoCategories.map((c) => ({ value: c, label: t(`plans.category.${c}`) }))}
        />
      ) : null}
      <button type="submit" className="button" disabled={recordEvent.isPending}>
        {t('notices.child.submit')}
      </button>
    </form>
  );
}
