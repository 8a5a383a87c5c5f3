import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  childParticipations,
  type ChildParticipation,
  type MeetingBody,
  type MeetingKind,
} from '../../../common/schemas/meetings.ts';
import { useChild } from '../../api/children.ts';
import { fieldIssue } from '../../components/errors.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import '../../components/hub/hub.css';
import { useLanguageName } from '../../components/hub/values.tsx';
import { Loading, Notice } from '../../components/Notice.tsx';
import { useSession } from '../../components/RequireSession.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFocusFirstError } from '../../components/useFocusFirstError.ts';
import { useCreateMeeting, useMeetingHub } from './api.ts';
import { GuestsField, type GuestDraft } from './GuestsField.tsx';
import './meetings.css';
import { MeetingErrorRegion } from './values.tsx';
import { childViewPath } from '../../components/hub/sections.ts';

const kinds: MeetingKind[] = ['hub', 'first_hub', 'sip'];

/** Schedule a meeting of a child's hub: when, where, who, and what the child wants. */
export function MeetingNewPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const childId = params.get('child') ?? '';
  const child = useChild(childId);
  const hub = useMeetingHub(childId || null);
  const me = useSession();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  useDocumentTitle(t('meetings.new.title'));

  // The first meeting's checklist links here with the kind and its proposed day filled in.
  const [kind, setKind] = useState<MeetingKind>(params.get('kind') === 'first_hub' ? 'first_hub' : 'hub');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(() =>
    /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : '',
  );
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('10:00');
  const [location, setLocation] = useState('');
  const [videoLink, setVideoLink] = useState('');
  const [invitees, setInvitees] = useState<string[]>([]);
  const [guests, setGuests] = useState<GuestDraft[]>([]);
  const [participation, setParticipation] = useState<ChildParticipation>('none');
  const [wishes, setWishes] = useState({ attendees: '', raise: '', avoid: '' });
  const [missing, setMissing] = useState({ title: false, date: false, order: false });
  // Each failed attempt (the form's own checks or the server's) sends focus to the first field in error.
  const [attempt, setAttempt] = useState(0);
  const formRef = useFocusFirstError(attempt || create.error);
  const languageName = useLanguageName();

  if (!childId) {
    return (
      <div className="page">
        <h1>{t('meetings.new.title')}</h1>
        <p>{t('meetings.new.noChild')}</p>
      </div>
    );
  }
  if (child.isPending || hub.isPending) return <Loading />;

  const staff =
    hub.data?.view === 'full'
      ? hub.data.members.filter((m) => m.hubRole !== 'civil_society' && m.userId !== me.user.id)
      : [];
  const err = create.error;
  const toggle = (userId: string) =>
    setInvitees((list) => (list.includes(userId) ? list.filter((x) => x !== userId) : [...list, userId]));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m = { title: !title.trim(), date: !date, order: Boolean(start && end && end <= start) };
    setMissing(m);
    if (m.title || m.date || m.order) {
      setAttempt((n) => n + 1);
      return;
    }
    const text = (s: string) => s.trim() || null;
    const body: MeetingBody = {
      kind,
      childId,
      title: title.trim(),
      startsAt: `${date}T${start}`,
      endsAt: `${date}T${end}`,
      location: text(location),
      videoLink: text(videoLink),
      inviteeUserIds: invitees,
      guests: guests.map((g) => ({ name: g.name, organisation: text(g.organisation) })),
      childParticipation: participation,
      childWishes: { attendees: text(wishes.attendees), raise: text(wishes.raise), avoid: text(wishes.avoid) },
    };
    create.mutate(body, { onSuccess: (meeting) => void navigate(`/meetings/${meeting.id}`) });
  };

  return (
    <div className="page hub-page">
      <p className="breadcrumb">
        <Link to={childViewPath(childId, 'meetings')}>
          {t('meetings.page.backToChild', { name: child.data?.displayName ?? '' })}
        </Link>
      </p>
      <h1>{t('meetings.new.title')}</h1>
      <p className="lead">{t('meetings.new.intro', { name: child.data?.displayName ?? '' })}</p>
      {child.data?.view === 'full' && child.data.interpreterNeeded ? (
        <Notice kind="warning" title={t('everyday.meeting.interpreterTitle', { name: child.data.displayName })}>
          <p>
            {child.data.interpreterLanguage
              ? t('everyday.meeting.interpreterBody', { language: languageName(child.data.interpreterLanguage) })
              : t('everyday.meeting.interpreterBodyNoLanguage')}
          </p>
        </Notice>
      ) : null}
      <form ref={formRef} className="form panel" onSubmit={submit} noValidate>
        <MeetingErrorRegion error={err && !fieldIssue(err, 'endsAt') && !fieldIssue(err, 'startsAt') ? err : null} />
        <SelectField
          label={t('meetings.new.kind')}
          value={kind}
          onChange={(v) => setKind(v as MeetingKind)}
          options={kinds.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
        />
        <Field
          label={t('meetings.new.titleField')}
          hint={t('meetings.new.titleHint')}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          error={missing.title || fieldIssue(err, 'title') ? t('meetings.new.errors.title') : null}
        />
        <fieldset className="fieldset">
          <legend>{t('meetings.new.when')}</legend>
          <p className="field__hint">{t('meetings.new.whenHint')}</p>
          <div className="field-row">
            <Field
              label={t('meetings.new.date')}
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              error={missing.date || fieldIssue(err, 'startsAt') ? t('meetings.new.errors.date') : null}
            />
            <Field
              label={t('meetings.new.start')}
              type="time"
              value={start}
              onChange={(e) => setStart(e.target.value)}
            />
            <Field
              label={t('meetings.new.end')}
              type="time"
              value={end}
              onChange={(e) => setEnd(e.target.value)}
              error={missing.order || fieldIssue(err, 'endsAt') ? t('meetings.new.errors.end') : null}
            />
          </div>
        </fieldset>
        <Field
          label={t('meetings.new.location')}
          value={location}
          maxLength={300}
          onChange={(e) => setLocation(e.target.value)}
        />
        <Field
          label={t('meetings.new.videoLink')}
          hint={t('meetings.new.videoHint')}
          type="url"
          value={videoLink}
          onChange={(e) => setVideoLink(e.target.value)}
          error={fieldIssue(err, 'videoLink') ? t('meetings.new.errors.videoLink') : null}
        />
        <fieldset className="fieldset">
          <legend>{t('meetings.new.invitees')}</legend>
          <p className="field__hint">{t('meetings.new.inviteesHint')}</p>
          {staff.length === 0 ? <p>{t('meetings.new.noStaff')}</p> : null}
          <ul className="mtg-checklist">
            {staff.map((m) => (
              <li key={m.memberId}>
                <label>
                  <input type="checkbox" checked={invitees.includes(m.userId)} onChange={() => toggle(m.userId)} />{' '}
                  {m.displayName} ({t(`hubRole.${m.hubRole}`)})
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <GuestsField guests={guests} onChange={setGuests} />
        <fieldset className="fieldset">
          <legend>{t('meetings.participation.legend')}</legend>
          {childParticipations.map((p) => (
            <label key={p} className="mtg-radio">
              <input
                type="radio"
                name="participation"
                value={p}
                checked={participation === p}
                onChange={() => setParticipation(p)}
              />{' '}
              {t(`meetings.participation.${p}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('meetings.wishes.title')}</legend>
          <p className="field__hint">{t('meetings.wishes.hint')}</p>
          {(['attendees', 'raise', 'avoid'] as const).map((k) => (
            <TextAreaField
              key={k}
              label={t(`meetings.wishes.${k}`)}
              rows={2}
              maxLength={2000}
              value={wishes[k]}
              onChange={(e) => setWishes((w) => ({ ...w, [k]: e.target.value }))}
            />
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t('meetings.saving') : t('meetings.new.submit')}
        </button>
      </form>
    </div>
  );
}
