import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import { channels, type Channel, type HubMember } from '../../../common/schemas/hub.ts';
import { useHub, useUpdateAgreement } from '../../api/hub.ts';
import { Field, SelectField } from '../Field.tsx';
import { HubErrorRegion, SavedRegion } from './HubError.tsx';
import { Warning } from './values.tsx';

/**
 * The communication agreement of the first meeting: when and how each adult
 * is reached. Each member keeps their own; the server says who may change which.
 */
export function Agreements({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const hub = useHub(child.id);
  const [saved, setSaved] = useState<string | null>(null);
  if (hub.data?.view !== 'full') return null;
  const members = hub.data.members;
  const missing = members.filter((m) => !m.agreement.availability || !m.agreement.preferredChannel).length;

  return (
    <div className="hub-agreements">
      <h3 id="agreements-heading">{t('hub.agreement.title')}</h3>
      <p className="hub-muted">{t('hub.agreement.intro')}</p>
      <SavedRegion message={saved} />
      {missing > 0 ? <Warning>{t('hub.agreement.missing', { count: missing })}</Warning> : null}
      <ul className="hub-agreement-list" aria-labelledby="agreements-heading">
        {members.map((m) => (
          <AgreementRow key={m.memberId} childId={child.id} member={m} onSaved={setSaved} />
        ))}
      </ul>
    </div>
  );
}

function AgreementRow({
  childId,
  member: m,
  onSaved,
}: {
  childId: string;
  member: HubMember;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const a = m.agreement;
  const editorId = `agreement-${m.memberId}`;
  return (
    <li className="hub-agreement">
      <h4 className="hub-agreement__name">
        {m.displayName} <span className="hub-muted">({t(`hubRole.${m.hubRole}`)})</span>
      </h4>
      <dl className="facts">
        <div>
          <dt>{t('hub.agreement.availability')}</dt>
          <dd>{a.availability ?? t('hub.agreement.notAgreed')}</dd>
        </div>
        <div>
          <dt>{t('hub.agreement.channel')}</dt>
          <dd>
            {a.preferredChannel ? t(`hub.channel.${a.preferredChannel}`) : t('hub.agreement.notAgreed')}
            {a.contactDetail ? `: ${a.contactDetail}` : null}
          </dd>
        </div>
      </dl>
      {m.abilities.editAgreement ? (
        <button
          ref={toggleRef}
          type="button"
          className="button button--quiet"
          aria-expanded={editing}
          aria-controls={editorId}
          onClick={() => setEditing(!editing)}
        >
          {editing ? t('hub.agreement.closeEditor') : t('hub.agreement.change')}
          <span className="visually-hidden"> {m.displayName}</span>
        </button>
      ) : null}
      <div id={editorId}>
        {editing ? (
          <AgreementEditor
            childId={childId}
            member={m}
            onDone={(saved) => {
              setEditing(false);
              toggleRef.current?.focus();
              if (saved) onSaved(t('hub.agreement.saved', { name: m.displayName }));
            }}
          />
        ) : null}
      </div>
    </li>
  );
}

function AgreementEditor({
  childId,
  member: m,
  onDone,
}: {
  childId: string;
  member: HubMember;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateAgreement(childId);
  const [availability, setAvailability] = useState(m.agreement.availability ?? '');
  const [channel, setChannel] = useState<string>(m.agreement.preferredChannel ?? '');
  const [detail, setDetail] = useState(m.agreement.contactDetail ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const preferredChannel: Channel | null = channels.find((c) => c === channel) ?? null;
    update.mutate(
      {
        memberId: m.memberId,
        body: {
          availability: availability.trim() || null,
          preferredChannel,
          contactDetail: detail.trim() || null,
        },
      },
      { onSuccess: () => onDone(true) },
    );
  };

  return (
    <form className="form hub-form hub-form--inline" onSubmit={submit} noValidate>
      <HubErrorRegion error={update.error} />
      <Field
        label={t('hub.agreement.availabilityFor', { name: m.displayName })}
        hint={t('hub.agreement.availabilityHint')}
        value={availability}
        maxLength={500}
        onChange={(e) => setAvailability(e.target.value)}
      />
      <SelectField
        label={t('hub.agreement.channelFor', { name: m.displayName })}
        value={channel}
        onChange={setChannel}
        options={[
          { value: '', label: t('hub.agreement.noChannel') },
          ...channels.map((c) => ({ value: c, label: t(`hub.channel.${c}`) })),
        ]}
      />
      <Field
        label={t('hub.agreement.contactDetail')}
        hint={t('hub.agreement.contactDetailHint')}
        value={detail}
        maxLength={200}
        onChange={(e) => setDetail(e.target.value)}
      />
      <div className="hub-actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t('hub.saving') : t('hub.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
