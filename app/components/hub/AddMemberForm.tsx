import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../common/roles.ts';
import { hubRoles, type HubRole } from '../../../common/schemas/children.ts';
import { useAddMember } from '../../api/hub.ts';
import { fieldIssue } from '../errors.ts';
import { Field, SelectField } from '../Field.tsx';
import { localIsoDate } from '../format.ts';
import { HubErrorRegion } from './HubError.tsx';
import { PersonPicker, type Person } from './PersonPicker.tsx';
import { useHubRoleOptions } from './values.tsx';

/**
 * The hub role a person most likely takes, from their role at work. Only a
 * first guess for the select: the user decides and the server checks.
 */
const likelyHubRole: Partial<Record<Role, HubRole>> = {
  social_worker: 'social_worker',
  god_man: 'god_man',
  contact_person: 'contact_person',
  school_mentor: 'school_mentor',
  school_health: 'school_health',
  child_psychiatry: 'child_psychiatry',
  volunteer: 'civil_society',
};

interface AddMemberFormProps {
  childId: string;
  memberUserIds: readonly string[];
  onAdded: (name: string) => void;
}

export function AddMemberForm({ childId, memberUserIds, onAdded }: AddMemberFormProps) {
  const { t } = useTranslation();
  const add = useAddMember(childId);
  const roleOptions = useHubRoleOptions(hubRoles);
  const [person, setPerson] = useState<Person | null>(null);
  const [hubRole, setHubRole] = useState<string>('');
  const [organisationId, setOrganisationId] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [missing, setMissing] = useState<{ person: boolean; role: boolean }>({ person: false, role: false });
  const organisations = person ? [...new Map(person.organisations.map((o) => [o.id, o])).values()] : [];

  const choose = (p: Person | null) => {
    setPerson(p);
    setOrganisationId('');
    const guess = p?.organisations.map((o) => likelyHubRole[o.role]).find(Boolean);
    if (guess) setHubRole(guess);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const role = hubRoles.find((r) => r === hubRole);
    setMissing({ person: !person, role: !role });
    if (!person || !role) return;
    add.mutate(
      {
        userId: person.userId,
        hubRole: role,
        ...(organisations.length > 1 && organisationId ? { organisationId } : {}),
        ...(startsOn ? { startsOn } : {}),
      },
      {
        onSuccess: (member) => {
          onAdded(member.displayName);
          setPerson(null);
          setHubRole('');
          setStartsOn('');
        },
      },
    );
  };

  const err = add.error;
  return (
    <form className="form hub-form" onSubmit={submit} noValidate aria-labelledby="add-member-heading">
      <h3 id="add-member-heading">{t('hub.members.addTitle')}</h3>
      <HubErrorRegion error={err} />
      <PersonPicker
        label={t('hub.members.person')}
        value={person?.userId ?? ''}
        onChange={choose}
        excludeUserIds={memberUserIds}
        error={
          missing.person
            ? t('hub.members.errors.person')
            : fieldIssue(err, 'userId')
              ? t('hub.members.errors.personInvalid')
              : null
        }
      />
      <SelectField
        label={t('hub.members.role')}
        hint={t('hub.members.roleHint')}
        value={hubRole}
        onChange={setHubRole}
        options={[{ value: '', label: t('hub.choose') }, ...roleOptions]}
        error={
          missing.role
            ? t('hub.members.errors.role')
            : fieldIssue(err, 'hubRole')
              ? t('hub.members.errors.roleInvalid')
              : null
        }
      />
      {organisations.length > 1 ? (
        <SelectField
          label={t('hub.members.organisation')}
          hint={t('hub.members.organisationHint')}
          value={organisationId}
          onChange={setOrganisationId}
          options={[
            { value: '', label: t('hub.choose') },
            ...organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
          error={fieldIssue(err, 'organisationId') ? t('hub.members.errors.organisation') : null}
        />
      ) : null}
      <Field
        label={t('hub.members.startsOn')}
        hint={t('hub.members.startsOnHint')}
        type="date"
        value={startsOn}
        max={localIsoDate()}
        onChange={(e) => setStartsOn(e.target.value)}
        error={fieldIssue(err, 'startsOn') ? t('hub.members.errors.startsOn') : null}
      />
      <button type="submit" className="button" disabled={add.isPending}>
        {add.isPending ? t('hub.saving') : t('hub.members.add')}
      </button>
    </form>
  );
}
