import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../common/schemas/meetings.ts';
import { Field, SelectField } from '../../components/Field.tsx';
import { useInvite, useMeetingHub, useRemoveParticipant } from './api.ts';
import { Attendance } from './Attendance.tsx';
import { MeetingErrorRegion, ResponseText } from './values.tsx';

interface Props {
  meeting: Meeting;
  onSaved: (message: string) => void;
}

/** Who is invited and what each answered; the organiser invites more or withdraws an invitation. */
export function Participants({ meeting: m, onSaved }: Props) {
  const { t } = useTranslation();
  const invite = useInvite(m.id);
  const remove = useRemoveParticipant(m.id);
  const hub = useMeetingHub(m.child?.id ?? null);
  const [userId, setUserId] = useState('');
  const [guest, setGuest] = useState({ name: '', organisation: '' });
  const [guestMissing, setGuestMissing] = useState(false);
  const canManage = m.abilities.manage;

  const invited = new Set(m.participants.map((p) => p.userId));
  const candidates =
    m.child && hub.data?.view === 'full'
      ? hub.data.members.filter((x) => x.hubRole !== 'civil_society' && !invited.has(x.userId))
      : [];
  const inviteUser = (e: FormEvent) => {
    e.preventDefault();
    if (!userId) return;
    invite.mutate(
      { userIds: [userId], guests: [] },
      {
        onSuccess: () => {
          setUserId('');
          onSaved(t('meetings.participants.invited'));
        },
      },
    );
  };
  const inviteGuest = (e: FormEvent) => {
    e.preventDefault();
    setGuestMissing(!guest.name.trim());
    if (!guest.name.trim()) return;
    invite.mutate(
      {
        userIds: [],
        guests: [{ name: guest.name.trim(), organisation: guest.organisation.trim() || null }],
      },
      {
        onSuccess: () => {
          setGuest({ name: '', organisation: '' });
          onSaved(t('meetings.participants.invited'));
        },
      },
    );
  };

  return (
    <section className="panel hub-section" aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t('meetings.participants.title')}</h2>
      <MeetingErrorRegion error={invite.error ?? remove.error} />
      <ul className="mtg-people">
        {m.participants.map((p) => (
          <li key={p.id}>
            <span className="hub-strong">{p.displayName}</span>
            {p.hubRole ? <span className="hub-muted"> ({t(`hubRole.${p.hubRole}`)})</span> : null}
            {p.organisation ? <span className="hub-muted">, {p.organisation}</span> : null}
            {p.organiser ? (
              <>
                {' '}
                <span className="hub-badge">{t('meetings.participants.organiser')}</span>
              </>
            ) : null}
            {p.guest ? <span className="hub-muted"> – {t('meetings.participants.guest')}</span> : null}{' '}
            {/* Once attendance is recorded it says more than the answer to the invitation. */}
            {p.attended !== null ? (
              <span
                className={p.attended ? 'mtg-response mtg-response--accepted' : 'mtg-response mtg-response--declined'}
              >
                <span aria-hidden="true">{p.attended ? '✓ ' : '✗ '}</span>
                {p.attended ? t('everyday.attendance.present') : t('everyday.attendance.absent')}
              </span>
            ) : p.guest ? null : (
              <ResponseText response={p.response} />
            )}
            {canManage && !p.organiser ? (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => remove.mutate(p.id, { onSuccess: () => onSaved(t('meetings.participants.removed')) })}
              >
                {t('meetings.participants.remove', { name: p.displayName })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <Attendance meeting={m} onSaved={onSaved} />
      {canManage ? (
        <div className="mtg-invite">
          {candidates.length > 0 ? (
            <form className="form hub-form hub-form--inline" onSubmit={inviteUser} noValidate>
              <SelectField
                label={t('meetings.participants.inviteUser')}
                value={userId}
                onChange={setUserId}
                options={[
                  { value: '', label: t('meetings.choose') },
                  ...candidates.map((c) => ({
                    value: c.userId,
                    label: `${c.displayName} (${t(`hubRole.${c.hubRole}`)})`,
                  })),
                ]}
              />
              <button type="submit" className="button button--secondary" disabled={!userId || invite.isPending}>
                {t('meetings.participants.inviteSubmit')}
              </button>
            </form>
          ) : null}
          <form className="form hub-form hub-form--inline" onSubmit={inviteGuest} noValidate>
            <Field
              label={t('meetings.guests.name')}
              value={guest.name}
              maxLength={200}
              onChange={(e) => setGuest((g) => ({ ...g, name: e.target.value }))}
              error={guestMissing ? t('meetings.guests.nameMissing') : null}
            />
            <Field
              label={t('meetings.guests.organisation')}
              value={guest.organisation}
              maxLength={200}
              onChange={(e) => setGuest((g) => ({ ...g, organisation: e.target.value }))}
            />
            <button type="submit" className="button button--secondary" disabled={invite.isPending}>
              {t('meetings.guests.add')}
            </button>
          </form>
        </div>
      ) : null}
    </section>
  );
}
