import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventType, NoticeSettings, RoutingRule } from '../../../common/schemas/events.ts';
import {
  useAddLegalBasis,
  useArchiveLegalBasis,
  useLegalBases,
  useNoticeSettings,
  useSaveNoticeSettings,
} from '../../api/noticeSettings.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { fieldIssue } from '../../components/errors.ts';
import { Field } from '../../components/Field.tsx';
import { ErrorRegion, Loading, Notice } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';

/**
 * What the municipality decides about notices and sharing: whether every rejection gets an I-SIP drafted at
 * once, how long before an unacknowledged notice goes to the manager, who each event reaches, and the
 * municipality's own legal bases for sharing without consent.
 */
export function NoticeSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('noticeSettings.title'));
  const settings = useNoticeSettings();
  return (
    <div className="page">
      <p>
        <Link to="/admin">{t('admin.back')}</Link>
      </p>
      <h1>{t('noticeSettings.title')}</h1>
      <p className="lead">{t('noticeSettings.intro')}</p>
      {settings.isPending ? <Loading /> : null}
      <ErrorRegion error={settings.error} />
      {settings.data ? <SettingsForm current={settings.data} /> : null}
      {settings.data ? <RulesTable rules={settings.data.rules} /> : null}
      <LegalBasesSection />
    </div>
  );
}

function SettingsForm({ current }: { current: NoticeSettings }) {
  const { t } = useTranslation();
  const save = useSaveNoticeSettings();
  const [usesIsip, setUsesIsip] = useState(current.usesIsip);
  const [hours, setHours] = useState(String(current.escalationWorkingHours));
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate({ usesIsip, escalationWorkingHours: Number(hours) }, { onSuccess: () => setSaved(true) });
  };
  const hoursError = fieldIssue(save.error, 'body.escalationWorkingHours') ? t('noticeSettings.hoursError') : null;
  return (
    <section className="panel" aria-labelledby="notice-settings-heading">
      <h2 id="notice-settings-heading">{t('noticeSettings.settingsTitle')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="checkbox">
          <input
            id="notice-uses-isip"
            type="checkbox"
            checked={usesIsip}
            onChange={(e) => setUsesIsip(e.target.checked)}
            aria-describedby="notice-uses-isip-hint"
          />
          <label htmlFor="notice-uses-isip">{t('noticeSettings.usesIsip')}</label>
        </div>
        <p className="field__hint" id="notice-uses-isip-hint">
          {t('noticeSettings.usesIsipHint')}
        </p>
        <Field
          label={t('noticeSettings.hours')}
          hint={t('noticeSettings.hoursHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={45}
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          error={hoursError}
        />
        <ErrorRegion error={hoursError ? null : save.error} />
        <div role="status">
          {saved ? (
            <Notice kind="success">
              <p>{t('noticeSettings.saved')}</p>
            </Notice>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={save.isPending}>
          {t('noticeSettings.save')}
        </button>
      </form>
    </section>
  );
}

/** Who each event reaches, as the municipality's rules (or the defaults) say; read-only here. */
function RulesTable({ rules }: { rules: Record<EventType, RoutingRule> }) {
  const { t } = useTranslation();
  const audiences = (rule: RoutingRule, urgency: 'immediate' | 'normal') =>
    rule.notify
      .filter((n) => n.urgency === urgency)
      .map((n) => (n.audience === 'manager' ? t('noticeSettings.manager') : t(`hubRole.${n.audience}`)))
      .join(', ') || '–';
  return (
    <section className="panel" aria-labelledby="notice-rules-heading">
      <h2 id="notice-rules-heading">{t('noticeSettings.rulesTitle')}</h2>
      <p>{t('noticeSettings.rulesIntro')}</p>
      <div className="table-scroll" role="region" aria-labelledby="notice-rules-caption" tabIndex={0}>
        <table className="table">
          <caption id="notice-rules-caption" className="visually-hidden">
            {t('noticeSettings.rulesTitle')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('noticeSettings.colEvent')}</th>
              <th scope="col">{t('noticeSettings.colImmediate')}</th>
              <th scope="col">{t('noticeSettings.colNormal')}</th>
              <th scope="col">{t('noticeSettings.colEscalate')}</th>
            </tr>
          </thead>
          <tbody>
            {(Object.entries(rules) as [EventType, RoutingRule][]).map(([type, rule]) => (
              <tr key={type}>
                <th scope="row">{t(`notices.eventType.${type}`)}</th>
                <td>{audiences(rule, 'immediate')}</td>
                <td>{audiences(rule, 'normal')}</td>
                <td>{rule.escalate ? t('noticeSettings.yes') : t('noticeSettings.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function LegalBasesSection() {
  const { t, i18n } = useTranslation();
  const bases = useLegalBases();
  const add = useAddLegalBasis();
  const archive = useArchiveLegalBasis();
  const [draft, setDraft] = useState({ labelSv: '', labelEn: '', reference: '' });
  const [added, setAdded] = useState(false);
  const issue = (f: keyof typeof draft) => (fieldIssue(add.error, `body.${f}`) ? t('noticeSettings.required') : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAdded(false);
    add.mutate(draft, {
      onSuccess: () => {
        setAdded(true);
        setDraft({ labelSv: '', labelEn: '', reference: '' });
      },
    });
  };
  const field = (name: keyof typeof draft) => (
    <Field
      label={t(`noticeSettings.basis.${name}`)}
      value={draft[name]}
      onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
      error={issue(name)}
    />
  );
  const own = bases.data?.items.filter((b) => !b.builtIn) ?? [];
  return (
    <section className="panel" aria-labelledby="legal-bases-heading">
      <h2 id="legal-bases-heading">{t('noticeSettings.basesTitle')}</h2>
      <p>{t('noticeSettings.basesIntro')}</p>
      {bases.isPending ? <Loading /> : null}
      <ErrorRegion error={bases.error ?? archive.error} />
      {bases.data ? (
        <ul className="link-list">
          {bases.data.items.map((b) => (
            <li key={b.id}>
              {i18n.language === 'sv' ? b.labelSv : b.labelEn}
              {b.reference ? <span className="hub-muted"> ({b.reference})</span> : null}
              {b.builtIn ? <span className="hub-muted"> – {t('noticeSettings.builtIn')}</span> : null}
              {b.archived ? <span className="hub-muted"> – {t('noticeSettings.archived')}</span> : null}
              {!b.builtIn && !b.archived ? (
                <>
                  {' '}
                  <ConfirmDialog
                    trigger={t('noticeSettings.archive')}
                    triggerClassName="button button--secondary"
                    title={t('noticeSettings.archiveTitle')}
                    body={t('noticeSettings.archiveBody', { name: i18n.language === 'sv' ? b.labelSv : b.labelEn })}
                    confirm={t('noticeSettings.archive')}
                    onConfirm={() => archive.mutate(b.id)}
                  />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {bases.data && own.length === 0 ? <p>{t('noticeSettings.noOwn')}</p> : null}
      <h3>{t('noticeSettings.addTitle')}</h3>
      <form onSubmit={submit} noValidate>
        {field('labelSv')}
        {field('labelEn')}
        {field('reference')}
        <ErrorRegion
          error={
            add.error && !['labelSv', 'labelEn', 'reference'].some((f) => fieldIssue(add.error, `body.${f}`))
              ? add.error
              : null
          }
        />
        <div role="status">
          {added ? (
            <Notice kind="success">
              <p>{t('noticeSettings.basisAdded')}</p>
            </Notice>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={add.isPending}>
          {t('noticeSettings.add')}
        </button>
      </form>
    </section>
  );
}
