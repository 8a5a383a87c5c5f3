import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collaboration } from '../../../common/schemas/collaboration-core.ts';
import type { GovernanceVersion } from '../../../common/schemas/governance.ts';
import { Notice } from '../../components/Notice.tsx';
import { useFormatDate } from '../../components/format.ts';
import { governancePdfUrl, useGovernance, useStartDraft } from './api.ts';
import { CollabError } from './errors.tsx';
import { GovernanceEditor } from './GovernanceEditor.tsx';
import { SignOffs } from './SignOffs.tsx';
import { SubPage } from './SubPage.tsx';

/** Step 6: the governance document (samverkansdokument): draft, sign-offs, adoption, PDF of any version. */
export function GovernancePage() {
  return <SubPage part="governance">{(c) => <Governance c={c} />}</SubPage>;
}

function Governance({ c }: { c: Collaboration }) {
  const { t, i18n } = useTranslation();
  const date = useFormatDate();
  const gov = useGovernance(c.id);
  const start = useStartDraft(c.id);
  const current = gov.data?.current ?? null;
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const hasDraft = current?.status === 'draft';
  return (
    <>
      <CollabError error={gov.error ?? start.error} />
      {gov.data && gov.data.versions.length > 0 ? (
        <section aria-labelledby="versions-heading">
          <h2 id="versions-heading">{t('collaborationSetup.versions')}</h2>
          <ul className="link-list">
            {gov.data.versions.map((v) => (
              <li key={v.number}>
                {t('collaborationSetup.versionLine', {
                  number: v.number,
                  status: t(`collaborationSetup.docStatus.${v.status}`),
                })}
                {v.adoptedAt ? ` (${date(v.adoptedAt.slice(0, 10))})` : ''}{' '}
                <a href={governancePdfUrl(c.id, v.number, lang)} download>
                  {t('collaborationSetup.pdfLink', { number: v.number })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {c.abilities.manage && gov.data && !hasDraft ? (
        <p>
          <button type="button" className="button" onClick={() => start.mutate(lang)} disabled={start.isPending}>
            {current ? t('collaborationSetup.startRevisionButton') : t('collaborationSetup.startDraft')}
          </button>
        </p>
      ) : null}
      {gov.data && !current ? <p>{t('collaborationSetup.noDocument')}</p> : null}
      {current ? <Current c={c} v={current} /> : null}
    </>
  );
}

function Current({ c, v }: { c: Collaboration; v: GovernanceVersion }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const draft = v.status === 'draft';
  return (
    <section aria-labelledby="current-heading">
      <h2 id="current-heading">
        {t('collaborationSetup.versionLine', {
          number: v.number,
          status: t(`collaborationSetup.docStatus.${v.status}`),
        })}
      </h2>
      {!draft ? (
        <Notice kind="info" title={t('collaborationSetup.readOnlyTitle')}>
          <p>{t('collaborationSetup.readOnly')}</p>
        </Notice>
      ) : null}
      {draft && c.abilities.manage && editing ? (
        <GovernanceEditor c={c} v={v} onDone={() => setEditing(false)} />
      ) : (
        <DocumentView v={v} />
      )}
      {draft && c.abilities.manage && !editing ? (
        <button type="button" className="button button--quiet" onClick={() => setEditing(true)}>
          {t('collaborationSetup.editDraft')}
        </button>
      ) : null}
      <SignOffs c={c} v={v} />
    </section>
  );
}

export function DocumentView({ v }: { v: GovernanceVersion }) {
  const { t } = useTranslation();
  const c = v.content;
  return (
    <div className="panel">
      <h3>{t('collaborationSetup.pdf.purpose')}</h3>
      <p>{c.purpose}</p>
      <h3>{t('collaborationSetup.pdf.sharedGoal')}</h3>
      <p>{c.sharedGoal}</p>
      {(['strategic', 'operational', 'individual'] as const).map((l) => (
        <div key={l}>
          <h3>{t(`collaborationSetup.pdf.level.${l}`)}</h3>
          <p>
            {t('collaborationSetup.pdf.members')}: {c.levels[l].members.join('; ') || t('collaborationSetup.pdf.none')}
          </p>
          <p>
            {t('collaborationSetup.pdf.mandate')}: {c.levels[l].mandate}
          </p>
          <p>
            {t('collaborationSetup.pdf.meets')}: {c.levels[l].meets}
          </p>
        </div>
      ))}
      <h3>{t('collaborationSetup.pdf.questionPath')}</h3>
      <p>{c.questionPath}</p>
      <h3>{t('collaborationSetup.pdf.routines')}</h3>
      <p>{c.routines}</p>
      <ul>
        {c.routineLinks.map((l, i) => (
          <li key={i}>
            <a href={l.url}>{l.title}</a>
          </li>
        ))}
      </ul>
      <h3>{t('collaborationSetup.pdf.secrecy')}</h3>
      <p>{c.secrecyAndConsent}</p>
      <h3>{t('collaborationSetup.pdf.followUp')}</h3>
      <p>
        {t('collaborationSetup.pdf.indicators')}: {c.followUp.indicators}
      </p>
      <p>
        {t('collaborationSetup.pdf.when')}: {c.followUp.when}
      </p>
    </div>
  );
}
