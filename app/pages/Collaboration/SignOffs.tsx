import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collaboration } from '../../../common/schemas/collaboration-core.ts';
import type { GovernanceVersion } from '../../../common/schemas/governance.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Field } from '../../components/Field.tsx';
import { useFormatDateTime } from '../../components/format.ts';
import { useSignOff } from './api.ts';
import { CollabError, fieldError } from './errors.tsx';

/** Each party's sign-off of the current text; the last one adopts the version. */
export function SignOffs({ c, v }: { c: Collaboration; v: GovernanceVersion }) {
  const { t } = useTranslation();
  const when = useFormatDateTime();
  const sign = useSignOff(c.id);
  return (
    <section aria-labelledby="signoffs-heading">
      <h3 id="signoffs-heading">{t('collaborationSetup.pdf.signOffs')}</h3>
      <CollabError error={sign.error} />
      <ul className="link-list">
        {v.signOffs.map((s) => (
          <li key={s.partyId}>
            {t('collaborationSetup.signedLine', { party: s.partyName, name: s.signedBy, when: when(s.signedAt) })}
          </li>
        ))}
        {v.unsigned.map((u) => (
          <li key={u.partyId}>
            <UnsignedParty
              name={u.partyName}
              manage={c.abilities.manage && u.mayRecord}
              error={sign.error}
              onSign={(signedBy) =>
                sign.mutate({ number: v.number, body: { partyId: u.partyId, signedBy, revision: v.revision } })
              }
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function UnsignedParty({
  name,
  manage,
  error,
  onSign,
}: {
  name: string;
  manage: boolean;
  error: unknown;
  onSign: (signedBy: string) => void;
}) {
  const { t } = useTranslation();
  const [signedBy, setSignedBy] = useState('');
  if (!manage) return <>{t('collaborationSetup.pdf.notSigned', { party: name })}</>;
  return (
    <div className="panel">
      <p>{t('collaborationSetup.pdf.notSigned', { party: name })}</p>
      <Field
        label={t('collaborationSetup.signedByLabel', { party: name })}
        value={signedBy}
        onChange={(e) => setSignedBy(e.target.value)}
        error={fieldError(t, error, 'signedBy')}
      />
      <ConfirmDialog
        trigger={t('collaborationSetup.sign', { party: name })}
        triggerClassName="button"
        title={t('collaborationSetup.signTitle', { party: name })}
        body={t('collaborationSetup.signBody')}
        confirm={t('collaborationSetup.signConfirm')}
        onConfirm={() => onSign(signedBy)}
      />
    </div>
  );
}
