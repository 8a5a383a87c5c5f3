import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collaboration } from '../../../common/schemas/collaboration-core.ts';
import {
  governanceLevels,
  type GovernanceContent,
  type GovernanceVersion,
} from '../../../common/schemas/governance.ts';
import { isApiError } from '../../api/client.ts';
import { TextAreaField } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useGovernance, useSaveDraft } from './api.ts';
import { CollabError, fieldError } from './errors.tsx';
import { DocumentView } from './GovernancePage.tsx';

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
/** Routine links, one a line: "Title | https://…". */
const links = (s: string) =>
  lines(s).map((l) => {
    const [title, url] = l.split('|').map((x) => x.trim());
    return { title: title ?? '', url: url ?? '' };
  });

/**
 * The draft's editor. A save sends the revision read; if someone saved first
 * the server answers 409, their text is shown beside this one and nothing
 * typed here is lost: saving again then replaces theirs knowingly.
 */
export function GovernanceEditor({ c, v, onDone }: { c: Collaboration; v: GovernanceVersion; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveDraft(c.id);
  const gov = useGovernance(c.id);
  const [content, setContent] = useState<GovernanceContent>(v.content);
  const [revision, setRevision] = useState(v.revision);
  const [links_, setLinks] = useState(v.content.routineLinks.map((l) => `${l.title} | ${l.url}`).join('\n'));
  const [theirs, setTheirs] = useState<GovernanceVersion | null>(null);
  const set = (patch: Partial<GovernanceContent>) => setContent((x) => ({ ...x, ...patch }));
  const setLevel = (l: (typeof governanceLevels)[number], patch: Partial<GovernanceContent['levels']['strategic']>) =>
    setContent((x) => ({ ...x, levels: { ...x.levels, [l]: { ...x.levels[l], ...patch } } }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { number: v.number, body: { revision, content: { ...content, routineLinks: links(links_) } } },
      {
        onSuccess: onDone,
        onError: (err) => {
          if (!isApiError(err, 'version_conflict')) return;
          void gov.refetch().then((r) => {
            const fresh = r.data?.current ?? null;
            if (fresh) {
              setTheirs(fresh);
              setRevision(fresh.revision);
            }
          });
        },
      },
    );
  };
  const area = (label: string, value: string, onChange: (s: string) => void, field: string) => (
    <TextAreaField
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={fieldError(t, save.error, `content.${field}`)}
      rows={4}
    />
  );
  return (
    <form onSubmit={submit} noValidate className="panel">
      <CollabError error={save.error} />
      {theirs ? (
        <Notice kind="warning" title={t('collaborationSetup.conflictTitle')}>
          <p>{t('collaborationSetup.conflictBody')}</p>
          <details>
            <summary>{t('collaborationSetup.theirText')}</summary>
            <DocumentView v={theirs} />
          </details>
        </Notice>
      ) : null}
      {area(t('collaborationSetup.pdf.purpose'), content.purpose, (s) => set({ purpose: s }), 'purpose')}
      {area(t('collaborationSetup.pdf.sharedGoal'), content.sharedGoal, (s) => set({ sharedGoal: s }), 'sharedGoal')}
      {governanceLevels.map((l) => (
        <fieldset key={l}>
          <legend>{t(`collaborationSetup.pdf.level.${l}`)}</legend>
          {area(
            t('collaborationSetup.membersLabel'),
            content.levels[l].members.join('\n'),
            (s) => setLevel(l, { members: lines(s) }),
            `levels.${l}.members`,
          )}
          {area(
            t('collaborationSetup.pdf.mandate'),
            content.levels[l].mandate,
            (s) => setLevel(l, { mandate: s }),
            `levels.${l}.mandate`,
          )}
          {area(
            t('collaborationSetup.pdf.meets'),
            content.levels[l].meets,
            (s) => setLevel(l, { meets: s }),
            `levels.${l}.meets`,
          )}
        </fieldset>
      ))}
      {area(
        t('collaborationSetup.pdf.questionPath'),
        content.questionPath,
        (s) => set({ questionPath: s }),
        'questionPath',
      )}
      {area(t('collaborationSetup.pdf.routines'), content.routines, (s) => set({ routines: s }), 'routines')}
      <TextAreaField
        label={t('collaborationSetup.routineLinks')}
        hint={t('collaborationSetup.routineLinksHint')}
        value={links_}
        onChange={(e) => setLinks(e.target.value)}
        error={fieldError(t, save.error, 'content.routineLinks')}
      />
      {area(
        t('collaborationSetup.pdf.secrecy'),
        content.secrecyAndConsent,
        (s) => set({ secrecyAndConsent: s }),
        'secrecyAndConsent',
      )}
      {area(
        t('collaborationSetup.pdf.indicators'),
        content.followUp.indicators,
        (s) => set({ followUp: { ...content.followUp, indicators: s } }),
        'followUp.indicators',
      )}
      {area(
        t('collaborationSetup.pdf.when'),
        content.followUp.when,
        (s) => set({ followUp: { ...content.followUp, when: s } }),
        'followUp.when',
      )}
      <p className="field__hint">{t('collaborationSetup.editResetsSignOffs')}</p>
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          {theirs ? t('collaborationSetup.saveOverTheirs') : t('collaborationSetup.saveDraft')}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
