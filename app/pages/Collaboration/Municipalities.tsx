import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collaboration } from '../../../common/schemas/collaboration-core.ts';
import { Field, SelectField } from '../../components/Field.tsx';
import { useDirectory, useInvite } from './api.ts';
import { CollabError, fieldError } from './errors.tsx';

/** The municipalities taking part and those invited; a coordinator invites another from the directory. */
export function Municipalities({ collaboration: c }: { collaboration: Collaboration }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [tenantId, setTenantId] = useState('');
  const directory = useDirectory(q, c.abilities.manage);
  const invite = useInvite(c.id);
  const known = new Set(c.municipalities.filter((m) => m.status !== 'declined').map((m) => m.tenantId));
  const options = (directory.data?.municipalities ?? []).filter((m) => !known.has(m.id));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate(tenantId || (options[0]?.id ?? ''), { onSuccess: () => setTenantId('') });
  };
  return (
    <section aria-labelledby="municipalities-heading">
      <h2 id="municipalities-heading">{t('collaborationSetup.municipalities')}</h2>
      <ul>
        {c.municipalities.map((m) => (
          <li key={m.tenantId}>
            {m.name}: {t(`collaborationSetup.participation.${m.status}`)}
          </li>
        ))}
      </ul>
      {c.abilities.manage ? (
        <form onSubmit={submit} noValidate className="panel">
          <h3>{t('collaborationSetup.invite')}</h3>
          <CollabError error={invite.error} />
          <Field
            label={t('collaborationSetup.searchMunicipality')}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          {options.length > 0 ? (
            <SelectField
              label={t('collaborationSetup.municipality')}
              value={tenantId || options[0]!.id}
              onChange={setTenantId}
              options={options.map((m) => ({ value: m.id, label: m.name }))}
              error={fieldError(t, invite.error, 'tenantId')}
            />
          ) : (
            <p>{t('collaborationSetup.noMunicipality')}</p>
          )}
          <button type="submit" className="button" disabled={options.length === 0 || invite.isPending}>
            {t('collaborationSetup.inviteButton')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
