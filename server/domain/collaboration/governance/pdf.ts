import en from '../../../../common/i18n/areas/collaborationSetup.en.json';
import sv from '../../../../common/i18n/areas/collaborationSetup.sv.json';
import { governanceLevels, type GovernanceVersion } from '../../../../common/schemas/governance.ts';
import { fill, openPdf } from '../../../pdf/document.ts';
import type { DocLang } from './template.ts';

const labels = { sv: sv.collaborationSetup.pdf, en: en.collaborationSetup.pdf };

/** The governance document of one version, with every party's sign-off (or its absence) on the last page. */
export async function renderGovernancePdf(name: string, v: GovernanceVersion, lang: DocLang): Promise<Buffer> {
  const L = labels[lang];
  const { w, finish } = openPdf({ lang, title: `${L.title} – ${name} – v${v.number}` });
  const c = v.content;

  w.title(`${L.title}: ${name}`);
  w.text(fill(L.version, { number: String(v.number), status: L.status[v.status] }));
  if (v.adoptedAt) w.text(fill(L.adoptedOn, { date: v.adoptedAt.slice(0, 10) }));
  w.heading(L.purpose);
  w.text(c.purpose);
  w.heading(L.sharedGoal);
  w.text(c.sharedGoal);
  w.heading(L.levelsTitle);
  for (const level of governanceLevels) {
    const l = c.levels[level];
    w.subheading(L.level[level]);
    w.text(`${L.members}: ${l.members.length > 0 ? l.members.join('; ') : L.none}`);
    w.text(`${L.mandate}: ${l.mandate}`);
    w.text(`${L.meets}: ${l.meets}`);
  }
  w.heading(L.questionPath);
  w.text(c.questionPath);
  w.heading(L.routines);
  w.text(c.routines);
  for (const link of c.routineLinks) w.text(`• ${link.title}: ${link.url}`);
  w.heading(L.secrecy);
  w.text(c.secrecyAndConsent);
  w.heading(L.followUp);
  w.text(`${L.indicators}: ${c.followUp.indicators}`);
  w.text(`${L.when}: ${c.followUp.when}`);

  w.heading(L.signOffs);
  if (v.signOffs.length === 0 && v.unsigned.length === 0) w.text(L.none);
  for (const s of v.signOffs)
    w.text(fill(L.signedBy, { party: s.partyName, name: s.signedBy, date: s.signedAt.slice(0, 10) }));
  for (const u of v.unsigned) w.text(fill(L.notSigned, { party: u.partyName }));
  return finish();
}
