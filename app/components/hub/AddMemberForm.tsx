import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hubRolesFor, mayTakeHubRole } from '../../../common/hub-roles.ts';
import { hubRoles } from '../../../common/schemas/children.ts';
import { useAddMember } from '../../api/hub.ts';
import { fieldIssue } from '../errors.ts';
import { Field, SelectField } from '../Field.tsx';
import { localIsoDate } from '../format.ts';
import { HubErrorRegion } from './HubError.tsx';
import { PersonPicker, type Person } from './PersonPicker.tsx';
import { useHubRoleOptions } from './values.tsx';

interface AddMemberFormProps {
  childId: string;
  memberUserIds: readonly string[];
  onAdded: (name: string) => void;
}

export function AddMemberForm({ childId, memberUserIds, onAdded }: AddMemberFormProps) {
  const { t } = useTranslation();
  const add = useAddMember(childId);
  const [person, setPerson] = useState<Person | null>(null);
  const [hubRole, setHubRole] = useState<string>('');
  const chosenRole = hubRoles.find((r) => r === hubRole);
  // Only the places the chosen person's roles at work open (common/hub-roles.ts); every place before a choice.
  const roleOptions = useHubRoleOptions(
    person
      ? hubRoles.filter((h) => person.organisations.some((o) => mayTakeHubRole(h, o.role, o.principalType)))
      : hubRoles,
  );
  const [organisationId, setOrganisationId] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [missing, setMissing] = useState<{ person: boolean; role: boolean }>({ person: false, role: false });
  const organisations = person
    ? [
        ...new Map(
          person.organisations
            .filter((o) => !chosenRole || mayTakeHubRole(chosenRole, o.role, o.principalType))
            .map((o) => [o.id, o]),
        ).values(),
      ]
    : [];

  const choose = (p: Person | null) => {
    setPerson(p);
    setOrganisationId('');
    // A first guess from their role at work; the user decides and the server checks.
    const guess = p?.organisations.flatMap((o) => hubRolesFor(o.role, o.principalType))[0];
    setHubRole(guess ?? '');
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const role = chosenRole;
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
        hubRole={person ? undefined : chosenRole}
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
