import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Reveal } from '../Reveal.tsx';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import type { ChecklistItem, FirstMeeting as FirstMeetingData } from '../../../common/schemas/hub.ts';
import { useFirstMeeting, useRecordChecklist, useSetProposedDate } from '../../api/hub.ts';
import { fieldIssue } from '../errors.ts';
import { Field, TextAreaField } from '../Field.tsx';
import { Link } from 'react-router';
import { localIsoDate, useFormatDate, useFormatDateTime, useFormatMeetingTime } from '../format.ts';
import { Loading } from '../Notice.tsx';
import { Agreements } from './Agreements.tsx';
import { HubErrorRegion, SavedRegion } from './HubError.tsx';
import { sectionIds } from './sections.ts';
import { Warning } from './values.tsx';

/** The first meeting of the core three: when, who, the guide's checklist, and how the adults reach each other. */
export function FirstMeeting({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const meeting = useFirstMeeting(child.id, child.abilities.readFirstMeeting);
  const [saved, setSaved] = useState<string | null>(null);
  if (!child.abilities.readFirstMeeting) return null;
  const data = meeting.data;
  const done = data?.items.filter((i) => i.done).length ?? 0;

  return (
    <section className="panel hub-section" id={sectionIds.firstMeeting} aria-labelledby="first-meeting-heading">
      <h2 id="first-meeting-heading">{t('hub.firstMeeting.title')}</h2>
      <p className="hub-muted">{t('hub.firstMeeting.intro')}</p>
      <HubErrorRegion error={meeting.error} />
      <SavedRegion message={saved} />
      {meeting.isPending ? <Loading /> : null}
      {data ? (
        <>
          {data.open ? (
            <Warning>{t('hub.firstMeeting.progress', { done, total: data.items.length })}</Warning>
          ) : (
            <p className="hub-ok">
              <span aria-hidden="true">✓ </span>
              {t('hub.firstMeeting.allDone')}
            </p>
          )}
          <ProposedDate childId={child.id} meeting={data} onSaved={setSaved} />
          <h3>{t('hub.firstMeeting.participants')}</h3>
          {data.participants.length > 0 ? (
            <ul className="hub-plain-list">
              {data.participants.map((p) => (
                <li key={p.memberId}>
                  {p.displayName} ({t(`hubRole.${p.hubRole}`)})
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('hub.firstMeeting.noParticipants')}</p>
          )}
          <Reveal label={t('hub.firstMeeting.checklist')}>
            <Checklist childId={child.id} meeting={data} onSaved={setSaved} />
          </Reveal>
        </>
      ) : null}
      <Agreements child={child} />
    </section>
  );
}

function ProposedDate({
  childId,
  meeting,
  onSaved,
}: {
  childId: string;
  meeting: FirstMeetingData;
  onSaved: (m: string) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const when = useFormatMeetingTime();
  const setDate = useSetProposedDate(childId);
  const [value, setValue] = useState(meeting.proposedOn ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDate.mutate({ proposedOn: value || null }, { onSuccess: () => onSaved(t('hub.firstMeeting.dateSaved')) });
  };
  if (meeting.meeting) {
    const m = meeting.meeting;
    return (
      <p>
        <strong>{t('hub.firstMeeting.scheduled')}</strong> {when(m.startsAt, m.endsAt)}{' '}
        <Link to={`/meetings/${m.id}`}>{t('hub.firstMeeting.openMeeting')}</Link>
      </p>
    );
  }
  const schedule = new URLSearchParams({ child: childId, kind: 'first_hub', date: meeting.proposedOn ?? '' });
  return (
    <>
      <p>
        <strong>{t('hub.firstMeeting.proposedOn')}</strong>{' '}
        {meeting.proposedOn ? formatDate(meeting.proposedOn) : t('hub.firstMeeting.noDate')}
      </p>
      {meeting.abilities.record ? (
        <p>
          <Link className="button button--secondary" to={`/meetings/new?${schedule.toString()}`}>
            {t('hub.firstMeeting.schedule')}
          </Link>
        </p>
      ) : null}
      {meeting.abilities.record ? (
        <form className="hub-inline-form" onSubmit={submit} noValidate>
          <HubErrorRegion error={setDate.error} />
          <Field
            label={t('hub.firstMeeting.changeDate')}
            type="date"
            value={value}
            min={localIsoDate()}
            onChange={(e) => setValue(e.target.value)}
            error={fieldIssue(setDate.error, 'proposedOn') ? t('hub.firstMeeting.errors.date') : null}
          />
          <button type="submit" className="button button--secondary" disabled={setDate.isPending}>
            {t('hub.firstMeeting.saveDate')}
          </button>
        </form>
      ) : null}
    </>
  );
}

type Draft = Record<ChecklistItem, { done: boolean; note: string }>;

function draftOf(meeting: FirstMeetingData): Draft {
  return Object.fromEntries(meeting.items.map((i) => [i.item, { done: i.done, note: i.note ?? '' }])) as Draft;
}

/** One form for the whole checklist: tick what the meeting did, note what was agreed, save once. */
function Checklist({
  childId,
  meeting,
  onSaved,
}: {
  childId: string;
  meeting: FirstMeetingData;
  onSaved: (m: string) => void;
}) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const record = useRecordChecklist(childId);
  const [draft, setDraft] = useState<Draft>(() => draftOf(meeting));
  const canRecord = meeting.abilities.record;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const changed = meeting.items.filter(
      (i) => draft[i.item].done !== i.done || draft[i.item].note.trim() !== (i.note ?? ''),
    );
    record.mutate(
      changed.map((i) => ({
        item: i.item,
        body: { done: draft[i.item].done, note: draft[i.item].note.trim() || null },
      })),
      { onSuccess: () => onSaved(t('hub.firstMeeting.checklistSaved')) },
    );
  };

  return (
    <form className="hub-checklist" onSubmit={submit} noValidate aria-labelledby="checklist-heading">
      <h3 id="checklist-heading">{t('hub.firstMeeting.checklist')}</h3>
      <HubErrorRegion error={record.error} />
      <ul className="hub-checklist__items">
        {meeting.items.map((i) => {
          const d = draft[i.item];
          const label = t(`hub.checklist.${i.item}.label`);
          return (
            <li key={i.item} className="hub-checklist__item">
              {canRecord ? (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={d.done}
                    onChange={(e) => setDraft({ ...draft, [i.item]: { ...d, done: e.target.checked } })}
                  />
                  {label}
                </label>
              ) : (
                <p className="hub-checklist__label">
                  <span aria-hidden="true">{i.done ? '✓ ' : '○ '}</span>
                  {label}{' '}
                  <span className="visually-hidden">
                    {i.done ? t('hub.firstMeeting.done') : t('hub.firstMeeting.notDone')}
                  </span>
                </p>
              )}
              <p className="hub-muted hub-checklist__help">{t(`hub.checklist.${i.item}.help`)}</p>
              {canRecord ? (
                <TextAreaField
                  label={t('hub.firstMeeting.note', { item: label })}
                  value={d.note}
                  rows={2}
                  maxLength={2000}
                  onChange={(e) => setDraft({ ...draft, [i.item]: { ...d, note: e.target.value } })}
                />
              ) : i.note ? (
                <p>{i.note}</p>
              ) : null}
              {i.recordedAt ? (
                <p className="hub-muted hub-small">
                  {t('hub.firstMeeting.recorded', {
                    when: formatDateTime(i.recordedAt),
                    who: i.recordedBy ?? t('hub.unknownPerson'),
                  })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {canRecord ? (
        <button type="submit" className="button" disabled={record.isPending}>
          {record.isPending ? t('hub.saving') : t('hub.firstMeeting.saveChecklist')}
        </button>
      ) : null}
    </form>
  );
}
