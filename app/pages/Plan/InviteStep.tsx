import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ParticipantInput, Plan } from '../../../common/schemas/plans.ts';
import { useHub, useOrganisations } from '../../api/hub.ts';
import { Field, SelectField } from '../../components/Field.tsx';
import { localIsoDate, useFormatDate, useFormatDateTime } from '../../components/format.ts';
import { useSendInvitations, useSetParticipants } from '../../components/plans/api.ts';
import { hasIssue, PlanErrorRegion } from '../../components/plans/values.tsx';

type Guest = { name: string; organisationId: string | null; organisationName: string | null };

/** Step 3: whom to call (principals are summoned, others invited), then the SIP meeting and its invitations. */
export function InviteStep({ plan, onSaved }: { plan: Plan; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const dateTime = useFormatDateTime();
  return (
    <section className="panel plan-step" id="step-invite" aria-labelledby="step-invite-heading">
      <h2 id="step-invite-heading" tabIndex={-1}>
        {t('plans.steps.invite')}
      </h2>
      <p className="plan-muted">{t('plans.invite.intro')}</p>
      {plan.participants.length === 0 ? <p>{t('plans.invite.none')}</p> : null}
      <ul className="plan-list" aria-label={t('plans.invite.listLabel')}>
        {plan.participants.map((p) => (
          <li key={p.id} className="plan-item">
            <strong>{p.displayName}</strong>
            {p.organisation ? `, ${p.organisation.name}` : p.organisationName ? `, ${p.organisationName}` : ''} –{' '}
            {t(`plans.invite.kind.${p.kind}`)}
            {p.invitedAt ? ` – ${t('plans.invite.sentAt', { at: dateTime(p.invitedAt) })}` : ''}
          </li>
        ))}
      </ul>
      {plan.abilities.edit ? <ParticipantsForm plan={plan} onSaved={onSaved} /> : null}
      {plan.abilities.invite ? <InvitationForm plan={plan} onSaved={onSaved} /> : null}
    </section>
  );
}

function ParticipantsForm({ plan, onSaved }: { plan: Plan; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const hub = useHub(plan.childId);
  const orgs = useOrganisations();
  const save = useSetParticipants(plan);
  const staff = hub.data?.view === 'full' ? hub.data.members.filter((m) => m.hubRole !== 'civil_society') : [];
  const [users, setUsers] = useState<string[]>(plan.participants.flatMap((p) => (p.userId ? [p.userId] : [])));
  const [guests, setGuests] = useState<Guest[]>(
    plan.participants
      .filter((p) => !p.userId)
      .map((p) => ({
        name: p.displayName,
        organisationId: p.organisation?.id ?? null,
        organisationName: p.organisationName,
      })),
  );
  const [guestName, setGuestName] = useState('');
  const [guestOrg, setGuestOrg] = useState('');
  const toggle = (id: string) => setUsers((u) => (u.includes(id) ? u.filter((x) => x !== id) : [...u, id]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const participants: ParticipantInput[] = [...users.map((userId) => ({ userId })), ...guests];
    save.mutate({ version: plan.version, participants }, { onSuccess: () => onSaved(t('plans.invite.saved')) });
  };
  const addGuest = () => {
    if (!guestName.trim()) return;
    setGuests((g) => [...g, { name: guestName.trim(), organisationId: guestOrg || null, organisationName: null }]);
    setGuestName('');
    setGuestOrg('');
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="participants-heading">
      <h3 id="participants-heading">{t('plans.invite.whom')}</h3>
      <PlanErrorRegion error={save.error} />
      <fieldset className="fieldset plan-fieldset">
        <legend>{t('plans.invite.hub')}</legend>
        <ul className="plan-checklist">
          {staff.map((m) => (
            <li key={m.memberId}>
              <label className="checkbox">
                <input type="checkbox" checked={users.includes(m.userId)} onChange={() => toggle(m.userId)} />
                <span>
                  {m.displayName} ({t(`hubRole.${m.hubRole}`)}, {m.organisation.name})
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="fieldset plan-fieldset">
        <legend>{t('plans.invite.guests')}</legend>
        <ul className="plan-checklist">
          {guests.map((g, i) => (
            <li key={`${g.name}-${i}`}>
              {g.name}{' '}
              <button
                type="button"
                className="button button--link"
                onClick={() => setGuests((all) => all.filter((_, j) => j !== i))}
              >
                {t('plans.remove')}
                <span className="visually-hidden">: {g.name}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="field-row">
          <Field
            label={t('plans.invite.guestName')}
            value={guestName}
            maxLength={200}
            onChange={(e) => setGuestName(e.target.value)}
          />
          <SelectField
            label={t('plans.invite.guestOrganisation')}
            value={guestOrg}
            onChange={setGuestOrg}
            options={[
              { value: '', label: t('plans.invite.outside') },
              ...(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
        </div>
        <button type="button" className="button button--secondary" onClick={addGuest}>
          {t('plans.invite.addGuest')}
        </button>
      </fieldset>
      <button type="submit" className="button" disabled={save.isPending}>
        {t('plans.invite.saveWhom')}
      </button>
    </form>
  );
}

function InvitationForm({ plan, onSaved }: { plan: Plan; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const send = useSendInvitations(plan);
  const [title, setTitle] = useState(
    t('plans.invite.defaultTitle', { kind: t(`plans.kind.${plan.kind}`), name: plan.childName }),
  );
  const [day, setDay] = useState('');
  const [start, setStart] = useState('13:00');
  const [end, setEnd] = useState('14:30');
  const [location, setLocation] = useState('');
  const [missing, setMissing] = useState(false);
  const err = send.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!day || !title.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    send.mutate(
      { title: title.trim(), startsAt: `${day}T${start}`, endsAt: `${day}T${end}`, location: location.trim() || null },
      { onSuccess: () => onSaved(t('plans.invite.sent')) },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="invitation-heading">
      <h3 id="invitation-heading">{t('plans.invite.meetingTitle')}</h3>
      <p className="plan-muted">{t('plans.invite.consentFirst')}</p>
      <PlanErrorRegion error={err} />
      {hasIssue(err, 'plan.consentId') ? (
        <p className="field__error">
          <span aria-hidden="true">⚠ </span>
          {t('plans.missing.consentId')}
        </p>
      ) : null}
      {hasIssue(err, 'plan.participants') ? (
        <p className="field__error">
          <span aria-hidden="true">⚠ </span>
          {t('plans.invite.errors.participants')}
        </p>
      ) : null}
      <Field
        label={t('plans.invite.title')}
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.target.value)}
        error={(missing && !title.trim()) || hasIssue(err, 'body.title') ? t('plans.errors.text') : null}
      />
      <div className="field-row">
        <Field
          label={t('plans.invite.day')}
          type="date"
          min={localIsoDate()}
          value={day}
          onChange={(e) => setDay(e.target.value)}
          error={(missing && !day) || hasIssue(err, 'body.startsAt') ? t('plans.invite.errors.day') : null}
        />
        <Field label={t('plans.invite.start')} type="time" value={start} onChange={(e) => setStart(e.target.value)} />
        <Field
          label={t('plans.invite.end')}
          type="time"
          value={end}
          onChange={(e) => setEnd(e.target.value)}
          error={hasIssue(err, 'body.endsAt') ? t('plans.invite.errors.end') : null}
        />
      </div>
      <Field
        label={t('plans.invite.location')}
        value={location}
        maxLength={300}
        onChange={(e) => setLocation(e.target.value)}
      />
      <button type="submit" className="button" disabled={send.isPending}>
        {t('plans.invite.send')}
      </button>
    </form>
  );
}

/** Step 4: the SIP meetings (held through the meetings machinery) and their decisions. */
export function MeetingStep({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const dateTime = useFormatDateTime();
  const date = useFormatDate();
  return (
    <section className="panel plan-step" id="step-meeting" aria-labelledby="step-meeting-heading">
      <h2 id="step-meeting-heading" tabIndex={-1}>
        {t('plans.steps.meeting')}
      </h2>
      {plan.meetings.length === 0 ? <p>{t('plans.meeting.none')}</p> : null}
      <ul className="plan-list">
        {plan.meetings.map((m) => (
          <li key={m.id} className="plan-item">
            <Link to={`/meetings/${m.id}`}>{m.title}</Link> – {dateTime(m.startsAt)} –{' '}
            {t(`plans.meeting.status.${m.status}`)}
          </li>
        ))}
      </ul>
      {plan.decisions.length > 0 ? (
        <>
          <h3>{t('plans.meeting.decisions')}</h3>
          <ul className="plan-list">
            {plan.decisions.map((d) => (
              <li key={d.id} className="plan-item">
                {d.text}
                <br />
                <span className="plan-muted">
                  {t('plans.meeting.decisionOwner', { name: d.owner.displayName, date: date(d.dueOn) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
