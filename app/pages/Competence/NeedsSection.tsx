import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roles, type Role } from '../../../common/roles.ts';
import {
  needPriorities,
  needSourceKinds,
  needStatuses,
  type CompetenceOverview,
  type Need,
  type NeedPriority,
  type NeedSourceKind,
  type NeedStatus,
} from '../../../common/schemas/competence.ts';
import { useCreateNeed, useUpdateNeed } from '../../api/competence.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { CheckList, CompetenceError, fieldError } from './errors.tsx';

const staffRoles = roles.filter((r) => r !== 'volunteer' && r !== 'tenant_admin');

export function NeedsSection({ id, data }: { id: string; data: CompetenceOverview }) {
  const { t } = useTranslation();
  const manage = data.abilities.manage;
  return (
    <section className="panel" aria-labelledby="needs-title">
      <h2 id="needs-title">{t('competence.needs.title')}</h2>
      {data.needs.length === 0 ? <p>{t('competence.needs.none')}</p> : null}
      <ul className="link-list">
        {data.needs.map((n) => (
          <NeedItem key={n.id} id={id} n={n} manage={manage} />
        ))}
      </ul>
      {manage ? <NeedForm id={id} data={data} /> : null}
    </section>
  );
}

function NeedItem({ id, n, manage }: { id: string; n: Need; manage: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const update = useUpdateNeed(id);
  return (
    <li id={`need-${n.id}`}>
      <h3>{n.title}</h3>
      <p>
        {t(`competence.needs.statusValue.${n.status}`)} · {t(`competence.needs.priorityValue.${n.priority}`)} ·{' '}
        {t(`competence.needs.sourceKind.${n.sourceKind}`)} · {t('competence.needs.owner')}: {n.owner.name} ·{' '}
        {t('competence.needs.due', { date: formatDate(n.dueOn) })}
        {n.overdue ? <strong> · {t('competence.needs.overdue')}</strong> : null}
      </p>
      {n.roles.length > 0 || n.parties.length > 0 ? (
        <p>{[...n.roles.map((r) => t(`role.${r}`)), ...n.parties.map((p) => p.name)].join(', ')}</p>
      ) : null}
      {n.description ? <p>{n.description}</p> : null}
      {n.sourceMapId && n.sourceId ? (
        <p>
          <Link to={`/collaborations/${id}/process-maps/${n.sourceMapId}#annotation-${n.sourceId}`}>
            {t('competence.needs.sourceLink')}
          </Link>
        </p>
      ) : null}
      {manage ? (
        <>
          <CompetenceError error={update.error} />
          <SelectField
            label={t('competence.needs.changeStatus', { title: n.title })}
            value={n.status}
            onChange={(v) => update.mutate({ needId: n.id, body: { status: v as NeedStatus } })}
            options={needStatuses.map((s) => ({ value: s, label: t(`competence.needs.statusValue.${s}`) }))}
          />
        </>
      ) : null}
    </li>
  );
}

function NeedForm({ id, data }: { id: string; data: CompetenceOverview }) {
  const { t } = useTranslation();
  const create = useCreateNeed(id);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [needRoles, setRoles] = useState<string[]>([]);
  const [partyIds, setPartyIds] = useState<string[]>([]);
  const [sourceKind, setSourceKind] = useState<NeedSourceKind>('manual');
  const [priority, setPriority] = useState<NeedPriority>('medium');
  const [ownerUserId, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        title,
        description,
        roles: needRoles as Role[],
        partyIds,
        sourceKind,
        priority,
        ...(ownerUserId ? { ownerUserId } : {}),
        ...(dueOn ? { dueOn } : {}),
      },
      {
        onSuccess: () => {
          setTitle('');
          setDescription('');
        },
      },
    );
  };
  const err = create.error;
  return (
    <form onSubmit={submit} noValidate>
      <h3>{t('competence.needs.add')}</h3>
      <CompetenceError error={err} />
      <Field
        label={t('competence.needs.what')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldError(t, err, 'title')}
      />
      <TextAreaField
        label={t('competence.needs.description')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={fieldError(t, err, 'description')}
      />
      <CheckList
        legend={t('competence.needs.roles')}
        options={staffRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        value={needRoles}
        onChange={setRoles}
      />
      {data.parties.length > 0 ? (
        <CheckList
          legend={t('competence.needs.parties')}
          options={data.parties.map((p) => ({ value: p.id, label: p.name }))}
          value={partyIds}
          onChange={setPartyIds}
          error={fieldError(t, err, 'partyIds.0')}
        />
      ) : null}
      <SelectField
        label={t('competence.needs.source')}
        value={sourceKind}
        onChange={(v) => setSourceKind(v as NeedSourceKind)}
        options={needSourceKinds.map((s) => ({ value: s, label: t(`competence.needs.sourceKind.${s}`) }))}
      />
      <SelectField
        label={t('competence.needs.priority')}
        value={priority}
        onChange={(v) => setPriority(v as NeedPriority)}
        options={needPriorities.map((p) => ({ value: p, label: t(`competence.needs.priorityValue.${p}`) }))}
      />
      <SelectField
        label={t('competence.needs.owner')}
        value={ownerUserId}
        onChange={setOwner}
        error={fieldError(t, err, 'ownerUserId')}
        options={[{ value: '', label: '—' }, ...data.staff.map((s) => ({ value: s.id, label: s.name }))]}
      />
      <Field
        label={t('competence.needs.dueOn')}
        type="date"
        value={dueOn}
        onChange={(e) => setDueOn(e.target.value)}
        error={fieldError(t, err, 'dueOn')}
      />
      <button type="submit" className="button" disabled={create.isPending}>
        {t('competence.needs.save')}
      </button>
    </form>
  );
}
