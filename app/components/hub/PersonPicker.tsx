import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayTakeHubRole } from '../../../common/hub-roles.ts';
import type { HubRole } from '../../../common/schemas/children.ts';
import type { PeopleList } from '../../../common/schemas/hub.ts';
import { usePeople } from '../../api/hub.ts';
import { Field, SelectField } from '../Field.tsx';

export type Person = PeopleList['items'][number];

interface PersonPickerProps {
  label: string;
  hint?: string;
  /** The chosen person's user id, or '' for none. */
  value: string;
  onChange: (person: Person | null) => void;
  error?: string | null;
  /** People who cannot be chosen here (already in the hub, the leaving member). */
  excludeUserIds?: readonly string[];
  /** Only people whose role at work and organisation fit this place in the hub. */
  hubRole?: HubRole;
}

/** Whether the person may take the hub role through one of their organisations (the server checks it too). */
export function fits(p: Person, hubRole: HubRole | undefined): boolean {
  return !hubRole || p.organisations.some((o) => mayTakeHubRole(hubRole, o.role, o.principalType));
}

/**
 * Search the municipality's colleagues, then choose one from a plain select:
 * native controls work with every screen reader and on every phone.
 */
export function PersonPicker({ label, hint, value, onChange, error, excludeUserIds = [], hubRole }: PersonPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  // Wait for a pause in typing before asking the server.
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const people = usePeople(q);
  // The chosen person stays in the list while the user searches for someone else.
  const [chosen, setChosen] = useState<Person | null>(null);
  const found = (people.data?.items ?? []).filter((p) => !excludeUserIds.includes(p.userId) && fits(p, hubRole));
  const keep = chosen && chosen.userId === value && !found.some((p) => p.userId === value) ? [chosen] : [];
  const items = [...keep, ...found];
  const describe = (p: Person) => {
    const orgs = [...new Set(p.organisations.map((o) => o.name))].join(', ');
    return orgs ? `${p.displayName} – ${orgs}` : p.displayName;
  };

  return (
    <div className="hub-person-picker">
      <Field
        label={t('hub.people.search', { what: label })}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        maxLength={200}
        autoComplete="off"
      />
      <SelectField
        label={label}
        hint={hint ?? (people.data ? t('hub.people.matches', { count: found.length }) : undefined)}
        error={error}
        value={items.some((p) => p.userId === value) ? value : ''}
        onChange={(userId) => {
          const person = items.find((p) => p.userId === userId) ?? null;
          setChosen(person);
          onChange(person);
        }}
        options={[
          { value: '', label: t('hub.choose') },
          ...items.map((p) => ({ value: p.userId, label: describe(p) })),
        ]}
      />
    </div>
  );
}
