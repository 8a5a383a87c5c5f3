import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../common/roles.ts';
import type { CompetenceOverview, Session } from '../../../common/schemas/competence.ts';
import { useCreateSession, useCreateTopic, useSetAttendance } from '../../api/competence.ts';
import { Field, SelectField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { CheckList, CompetenceError, fieldError } from './errors.tsx';

const staffRoles = roles.filter((r) => r !== 'volunteer' && r !== 'tenant_admin');

export function TrainingSection({ id, data }: { id: string; data: CompetenceOverview }) {
  const { t } = useTranslation();
  const manage = data.abilities.manage;
  return (
    <section className="panel" aria-labelledby="training-title">
      <h2 id="training-title">{t('competence.training.title')}</h2>
      <h3>{t('competence.training.topics')}</h3>
      {data.topics.length === 0 ? <p>{t('competence.training.noTopics')}</p> : null}
      <ul>
        {data.topics.map((x) => (
          <li key={x.id}>
            {x.name} –{' '}
            {x.renewalMonths === null
              ? t('competence.training.noRenewal')
              : t('competence.training.renewalEvery', { count: x.renewalMonths })}
          </li>
        ))}
      </ul>
      {manage ? <TopicForm id={id} /> : null}
      <h3>{t('competence.training.title')}</h3>
      {data.sessions.length === 0 ? <p>{t('competence.training.none')}</p> : null}
      <ul className="link-list">
        {data.sessions.map((s) => (
          <SessionItem key={s.id} id={id} s={s} data={data} />
        ))}
      </ul>
      {manage && data.topics.length > 0 ? <SessionForm id={id} data={data} /> : null}
    </section>
  );
}

function TopicForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const create = useCreateTopic(id);
  const [name, setName] = useState('');
  const [renewal, setRenewal] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name, renewalMonths: renewal === '' ? null : Number(renewal) },
      { onSuccess: () => (setName(''), setRenewal('')) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <h4>{t('competence.training.addTopic')}</h4>
      <CompetenceError error={create.error} />
      <Field
        label={t('competence.training.topicName')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldError(t, create.error, 'name')}
      />
      <Field
        label={t('competence.training.renewal')}
        hint={t('competence.training.renewalHint')}
        type="number"
        inputMode="numeric"
        min={1}
        value={renewal}
        onChange={(e) => setRenewal(e.target.value)}
        error={fieldError(t, create.error, 'renewalMonths')}
      />
      <button type="submit" className="button" disabled={create.isPending}>
        {t('competence.training.saveTopic')}
      </button>
    </form>
  );
}

function SessionItem({ id, s, data }: { id: string; s: Session; data: CompetenceOverview }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [editing, setEditing] = useState(false);
  const [attendees, setAttendees] = useState(s.attendees.map((a) => a.id));
  const save = useSetAttendance(id);
  const label = t('competence.training.attendeesOf', { topic: s.topic.name, date: formatDate(s.heldOn) });
  return (
    <li>
      <h4>
        {s.topic.name}, {formatDate(s.heldOn)}
      </h4>
      {s.roles.length > 0 ? (
        <p>
          {t('competence.training.shouldAttend')}: {s.roles.map((r) => t(`role.${r}`)).join(', ')}
        </p>
      ) : null}
      <p>
        {t('competence.training.attendedCount', { count: s.attendees.length })}
        {s.attendees.length > 0 ? `: ${s.attendees.map((a) => a.name).join(', ')}` : ''}
      </p>
      {data.abilities.manage && !editing ? (
        <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
          {t('competence.training.editAttendance')}
        </button>
      ) : null}
      {editing ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ sessionId: s.id, attendeeUserIds: attendees }, { onSuccess: () => setEditing(false) });
          }}
        >
          <CompetenceError error={save.error} />
          <CheckList
            legend={label}
            options={data.staff.map((p) => ({ value: p.id, label: p.name }))}
            value={attendees}
            onChange={setAttendees}
            error={fieldError(t, save.error, 'attendeeUserIds')}
          />
          <button type="submit" className="button" disabled={save.isPending}>
            {t('competence.training.saveAttendance')}
          </button>
        </form>
      ) : null}
    </li>
  );
}

function SessionForm({ id, data }: { id: string; data: CompetenceOverview }) {
  const { t } = useTranslation();
  const create = useCreateSession(id);
  const [topicId, setTopicId] = useState(data.topics[0]?.id ?? '');
  const [heldOn, setHeldOn] = useState('');
  const [sessionRoles, setRoles] = useState<string[]>([]);
  const [partyIds, setPartyIds] = useState<string[]>([]);
  const [attendees, setAttendees] = useState<string[]>([]);
  const err = create.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        topicId,
        ...(heldOn ? { heldOn } : {}),
        roles: sessionRoles as Role[],
        partyIds,
        attendeeUserIds: attendees,
      },
      { onSuccess: () => (setAttendees([]), setHeldOn('')) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <h4>{t('competence.training.addSession')}</h4>
      <CompetenceError error={err} />
      <SelectField
        label={t('competence.training.topic')}
        value={topicId}
        onChange={setTopicId}
        error={fieldError(t, err, 'topicId')}
        options={data.topics.map((x) => ({ value: x.id, label: x.name }))}
      />
      <Field
        label={t('competence.training.heldOn')}
        type="date"
        value={heldOn}
        onChange={(e) => setHeldOn(e.target.value)}
        error={fieldError(t, err, 'heldOn')}
      />
      <CheckList
        legend={t('competence.training.shouldAttend')}
        options={staffRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        value={sessionRoles}
        onChange={setRoles}
      />
      {data.parties.length > 0 ? (
        <CheckList
          legend={t('competence.needs.parties')}
          options={data.parties.map((p) => ({ value: p.id, label: p.name }))}
          value={partyIds}
          onChange={setPartyIds}
        />
      ) : null}
      <CheckList
        legend={t('competence.training.attended')}
        options={data.staff.map((p) => ({ value: p.id, label: p.name }))}
        value={attendees}
        onChange={setAttendees}
        error={fieldError(t, err, 'attendeeUserIds')}
      />
      <button type="submit" className="button" disabled={create.isPending}>
        {t('competence.training.saveSession')}
      </button>
    </form>
  );
}
