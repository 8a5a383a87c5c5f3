import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.tsx';

export interface GuestDraft {
  name: string;
  organisation: string;
}

/** External guests, by name and organisation: people who do not use Navet (an interpreter, a teacher). */
export function GuestsField({ guests, onChange }: { guests: GuestDraft[]; onChange: (g: GuestDraft[]) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [missing, setMissing] = useState(false);

  const add = () => {
    setMissing(!name.trim());
    if (!name.trim()) return;
    onChange([...guests, { name: name.trim(), organisation: organisation.trim() }]);
    setName('');
    setOrganisation('');
  };

  return (
    <fieldset className="fieldset">
      <legend>{t('meetings.guests.title')}</legend>
      <p className="field__hint">{t('meetings.guests.hint')}</p>
      {guests.length > 0 ? (
        <ul className="mtg-list">
          {guests.map((g, i) => (
            <li key={`${g.name}-${i}`}>
              {g.name}
              {g.organisation ? `, ${g.organisation}` : ''}{' '}
              <button
                type="button"
                className="button button--quiet"
                onClick={() => onChange(guests.filter((_, j) => j !== i))}
              >
                {t('meetings.guests.remove', { name: g.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="field-row">
        <Field
          label={t('meetings.guests.name')}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          error={missing ? t('meetings.guests.nameMissing') : null}
        />
        <Field
          label={t('meetings.guests.organisation')}
          value={organisation}
          maxLength={200}
          onChange={(e) => setOrganisation(e.target.value)}
        />
      </div>
      <button type="button" className="button button--secondary" onClick={add}>
        {t('meetings.guests.add')}
      </button>
    </fieldset>
  );
}
