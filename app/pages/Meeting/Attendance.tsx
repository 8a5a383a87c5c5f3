import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../common/schemas/meetings.ts';
import { useRecordAttendance } from './api.ts';
import { MeetingErrorRegion } from './values.tsx';

interface Props {
  meeting: Meeting;
  onSaved: (message: string) => void;
}

/**
 * Who came, ticked by the organiser once the meeting has started (and still after closing). Until
 * someone is marked, the tick follows their answer: an accepted invitee is assumed to have come.
 */
export function Attendance({ meeting: m, onSaved }: Props) {
  const { t } = useTranslation();
  const record = useRecordAttendance(m.id);
  const [came, setCame] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(m.participants.map((p) => [p.id, p.attended ?? (p.organiser || p.response === 'accepted')])),
  );
  if (!m.abilities.attendance) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(
      { attendance: m.participants.map((p) => ({ participantId: p.id, attended: came[p.id] ?? false })) },
      { onSuccess: () => onSaved(t('everyday.attendance.saved')) },
    );
  };
  return (
    <form className="form hub-form" onSubmit={submit} noValidate aria-labelledby="attendance-heading">
      <h3 id="attendance-heading">{t('everyday.attendance.title')}</h3>
      <p className="hub-muted hub-small">{t('everyday.attendance.intro')}</p>
      <MeetingErrorRegion error={record.error} />
      {m.participants.map((p) => (
        <label key={p.id} className="checkbox">
          <input
            type="checkbox"
            checked={came[p.id] ?? false}
            onChange={(e) => setCame((c) => ({ ...c, [p.id]: e.target.checked }))}
          />
          <span>{t('everyday.attendance.came', { name: p.displayName })}</span>
        </label>
      ))}
      <button type="submit" className="button button--secondary" disabled={record.isPending}>
        {t('everyday.attendance.save')}
      </button>
    </form>
  );
}
