import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  collaborationPersonRoles,
  partyKinds,
  type CollaborationPersonRole,
  type PartyKind,
} from '../../../common/schemas/collaboration.ts';
import type { Collaboration } from '../../../common/schemas/collaboration-core.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Field, SelectField } from '../../components/Field.tsx';
import { useSession } from '../../components/RequireSession.tsx';
import { useAddParty, useAddPerson, useCandidates, useEndParty, useEndPerson } from './api.ts';
import { CollabError, fieldError } from './errors.tsx';

/** The parties, each with its representatives at the two levels, and the coordinators. */
export function Parties({ collaboration: c }: { collaboration: Collaboration }) {
  const { t } = useTranslation();
  const endParty = useEndParty(c.id);
  const endPerson = useEndPerson(c.id);
  const coordinators = c.people.filter((p) => p.role === 'coordinator');
  const manage = c.abilities.manage;
  const own = useOwn();
  // Each municipality ends its own parties and its own staff's roles (the server says so too).
  const endButton = (name: string, tenantId: string | null, onConfirm: () => void) =>
    manage && own(tenantId) ? (
      <ConfirmDialog
        trigger={t('collaborationSetup.end', { name })}
        title={t('collaborationSetup.endTitle', { name })}
        body={t('collaborationSetup.endBody')}
        confirm={t('collaborationSetup.endConfirm')}
        onConfirm={onConfirm}
      />
    ) : null;
  return (
    <section aria-labelledby="parties-heading">
      <h2 id="parties-heading">{t('collaborationSetup.parties')}</h2>
      <CollabError error={endParty.error ?? endPerson.error} />
      {c.parties.length === 0 ? <p>{t('collaborationSetup.noParties')}</p> : null}
      <ul className="link-list">
        {c.parties.map((p) => (
          <li key={p.id} className="panel">
            <h3>{p.name}</h3>
            <p>
              {t(`collaborationSetup.kind.${p.kind}`)} · {p.municipality ?? t('collaborationSetup.outside')}
            </p>
            <ul>
              {c.people
                .filter((x) => x.partyId === p.id)
                .map((x) => (
                  <li key={x.id}>
                    {x.name}: {t(`collaborationSetup.role.${x.role}`)}{' '}
                    {endButton(x.name, x.tenantId, () => endPerson.mutate(x.id))}
                  </li>
                ))}
            </ul>
            {endButton(p.name, p.tenantId, () => endParty.mutate(p.id))}
          </li>
        ))}
      </ul>
      <h3>{t('collaborationSetup.coordinators')}</h3>
      <ul>
        {coordinators.map((x) => (
          <li key={x.id}>
            {x.name} {endButton(x.name, x.tenantId, () => endPerson.mutate(x.id))}
          </li>
        ))}
      </ul>
      {manage ? <PartyForm c={c} /> : null}
      {manage ? <PersonForm c={c} /> : null}
    </section>
  );
}

function PartyForm({ c }: { c: Collaboration }) {
  const { t } = useTranslation();
  const add = useAddParty(c.id);
  const candidates = useCandidates(c.id, true);
  // Each municipality brings its own organisations in; another member's come through that municipality.
  const own = useOwn();
  const orgs = new Map<string, string>();
  for (const u of candidates.data?.users ?? [])
    if (own(u.tenantId)) for (const o of u.organisations) orgs.set(o.id, `${o.name} (${u.municipality})`);
  const taken = new Set(c.parties.map((p) => p.organisationId));
  const [organisationId, setOrganisationId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PartyKind>('social_services');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(organisationId ? { organisationId, kind, ...(name ? { name } : {}) } : { name, kind }, {
      onSuccess: () => {
        setName('');
        setOrganisationId('');
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate className="panel">
      <h3>{t('collaborationSetup.addParty')}</h3>
      <CollabError error={add.error} />
      <SelectField
        label={t('collaborationSetup.organisation')}
        hint={t('collaborationSetup.organisationHint')}
        value={organisationId}
        onChange={setOrganisationId}
        error={fieldError(t, add.error, 'organisationId')}
        options={[
          { value: '', label: t('collaborationSetup.outsideParty') },
          ...[...orgs].filter(([id]) => !taken.has(id)).map(([value, label]) => ({ value, label })),
        ]}
      />
      <Field
        label={t('collaborationSetup.partyName')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldError(t, add.error, 'name')}
      />
      <SelectField
        label={t('collaborationSetup.partyKind')}
        value={kind}
        onChange={(v) => setKind(v as PartyKind)}
        options={partyKinds.map((k) => ({ value: k, label: t(`collaborationSetup.kind.${k}`) }))}
        error={fieldError(t, add.error, 'kind')}
      />
      <button type="submit" className="button" disabled={add.isPending}>
        {t('collaborationSetup.addPartyButton')}
      </button>
    </form>
  );
}

/** Whether something of this municipality (or from outside, null) is the reader's municipality's to change. */
function useOwn() {
  const tenantId = useSession().tenant.id;
  return (of: string | null) => of === null || of === tenantId;
}

function PersonForm({ c }: { c: Collaboration }) {
  const { t } = useTranslation();
  const add = useAddPerson(c.id);
  const candidates = useCandidates(c.id, true);
  const own = useOwn();
  // A municipality names its own staff, for its own parties or for outside ones.
  const parties = c.parties.filter((p) => own(p.tenantId));
  const users = (candidates.data?.users ?? []).filter((u) => own(u.tenantId));
  const [role, setRole] = useState<CollaborationPersonRole>('strategic_representative');
  const [partyId, setPartyId] = useState('');
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const coordinator = role === 'coordinator';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const party = coordinator ? {} : { partyId: partyId || parties[0]?.id };
    add.mutate(userId ? { role, ...party, userId } : { role, ...party, name }, {
      onSuccess: () => {
        setUserId('');
        setName('');
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate className="panel">
      <h3>{t('collaborationSetup.addPerson')}</h3>
      <CollabError error={add.error} />
      <SelectField
        label={t('collaborationSetup.personRole')}
        value={role}
        onChange={(v) => setRole(v as CollaborationPersonRole)}
        options={collaborationPersonRoles.map((r) => ({ value: r, label: t(`collaborationSetup.role.${r}`) }))}
      />
      {coordinator ? null : (
        <SelectField
          label={t('collaborationSetup.party')}
          value={partyId || (parties[0]?.id ?? '')}
          onChange={setPartyId}
          error={fieldError(t, add.error, 'partyId')}
          options={parties.map((p) => ({ value: p.id, label: p.name }))}
        />
      )}
      <SelectField
        label={t('collaborationSetup.user')}
        hint={t('collaborationSetup.userHint')}
        value={userId}
        onChange={setUserId}
        error={fieldError(t, add.error, 'userId')}
        options={[
          { value: '', label: t('collaborationSetup.byName') },
          ...users.map((u) => ({
            value: u.id,
            label: `${u.displayName} – ${u.organisations.map((o) => o.name).join(', ')} (${u.municipality})`,
          })),
        ]}
      />
      {userId ? null : (
        <Field
          label={t('collaborationSetup.personName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(t, add.error, 'name')}
        />
      )}
      <button type="submit" className="button" disabled={add.isPending}>
        {t('collaborationSetup.addPersonButton')}
      </button>
    </form>
  );
}
