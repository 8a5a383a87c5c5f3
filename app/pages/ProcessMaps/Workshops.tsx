import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapDetail } from '../../../common/schemas/processmaps.ts';
import { useAddWorkshop } from '../../api/processmaps.ts';
import { Field, TextAreaField } from '../../components/Field.tsx';
import { fieldIssue } from '../../components/errors.ts';
import { ErrorRegion } from '../../components/Notice.tsx';

/** Step 2: the mapping workshops, with who took part from which party. */
export function Workshops({ id, map }: { id: string; map: MapDetail }) {
  const { t } = useTranslation();
  const add = useAddWorkshop(id, map.id);
  const [heldOn, setHeldOn] = useState('');
  const [people, setPeople] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // One participant a line: "Name, Party".
    const participants = people
      .split('\n')
      .map((l) => l.split(','))
      .filter((p) => p[0]?.trim())
      .map(([name = '', ...party]) => ({ name: name.trim(), party: party.join(',').trim() || '–' }));
    add.mutate({ heldOn, participants }, { onSuccess: () => setPeople('') });
  };
  return (
    <section aria-labelledby="workshops-heading">
      <h2 id="workshops-heading">{t('processmaps.workshopsHeading')}</h2>
      {map.workshops.length === 0 ? <p>{t('processmaps.noWorkshops')}</p> : null}
      <ul>
        {map.workshops.map((w) => (
          <li key={w.id}>
            {w.heldOn}: {w.participants.map((p) => `${p.name} (${p.party})`).join(', ')}
          </li>
        ))}
      </ul>
      {map.canEdit ? (
        <form onSubmit={submit} aria-labelledby="new-workshop">
          <h3 id="new-workshop">{t('processmaps.newWorkshop')}</h3>
          <Field
            label={t('processmaps.heldOn')}
            type="date"
            value={heldOn}
            onChange={(e) => setHeldOn(e.target.value)}
            error={fieldIssue(add.error, 'body.heldOn') ? t('processmaps.fieldError') : null}
          />
          <TextAreaField
            label={t('processmaps.participants')}
            hint={t('processmaps.participantsHint')}
            value={people}
            onChange={(e) => setPeople(e.target.value)}
            error={fieldIssue(add.error, 'body.participants') ? t('processmaps.fieldError') : null}
          />
          <ErrorRegion error={add.error} />
          <button type="submit" disabled={add.isPending}>
            {t('processmaps.recordWorkshop')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
