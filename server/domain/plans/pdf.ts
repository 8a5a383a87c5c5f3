import everydayEn from '../../../common/i18n/areas/everyday.en.json';
import everydaySv from '../../../common/i18n/areas/everyday.sv.json';
import en from '../../../common/i18n/en.json';
import sv from '../../../common/i18n/sv.json';
import type { PlanMeasure, PlanVersion } from '../../../common/schemas/plans.ts';
import { fill, MARGIN, openPdf, type PdfWriter } from '../../pdf/document.ts';
import { isPrincipal } from '../sharing/lookup.ts';

export type PdfLang = 'sv' | 'en';
type Labels = typeof sv.plans;
type More = typeof everydaySv.everyday.plan.pdf;
const dictionaries: Record<PdfLang, { L: Labels; M: More }> = {
  sv: { L: sv.plans, M: everydaySv.everyday.plan.pdf },
  en: { L: en.plans, M: everydayEn.everyday.plan.pdf },
};

/** What the handed-out document needs beyond the version: who issues it and who signs. */
export interface PlanPdfContext {
  /** The municipality (tenant) issuing the plan: the letterhead. */
  municipality: string;
  /** In full for readers entitled to it, masked as the API masks it for others; null when the child has none. */
  caseNumber: string | null;
  /** The day the SIP meeting was held before adoption, if one was. */
  meetingHeldOn: string | null;
  /** Names printed under the signature lines (blank lines when the hub has no such member). */
  godMan: string | null;
  socialWorker: string | null;
}

/**
 * The PDF of one adopted version, as the reader may see it (the version is
 * already filtered by the sharing rule): the document a municipality gives the
 * child and the god man. Each measure is printed once, numbered, in part 1;
 * parts 2 and 3 refer to those numbers. It ends with signature lines.
 */
export async function renderPlanPdf(v: PlanVersion, ctx: PlanPdfContext, lang: PdfLang = 'sv'): Promise<Buffer> {
  const { L, M } = dictionaries[lang];
  const c = v.content;
  const { w, finish } = openPdf({
    lang,
    title: `${L.kindLong[c.kind]} – ${v.childName} – v${v.number}`,
    runningHeader: `${ctx.municipality} – ${L.kindLong[c.kind]} – ${v.childName}`,
    pageLabel: (page, pages) => fill(M.page, { page: String(page), pages: String(pages) }),
  });
  const date = (iso: string) => iso.slice(0, 10);

  // The letterhead, then what this document is.
  w.doc.font('bold').fontSize(14).text(ctx.municipality, MARGIN, MARGIN, { width: w.width });
  w.rule();
  w.title(L.kindLong[c.kind]);
  w.text(fill(L.pdf.child, { name: v.childName }));
  if (ctx.caseNumber) w.text(fill(M.caseNumber, { number: ctx.caseNumber }));
  w.text(fill(L.pdf.version, { number: String(v.number), date: date(v.adoptedAt), name: v.adoptedBy.displayName }));
  w.text(fill(L.pdf.followUp, { date: v.followUpOn, name: v.followUpBy.displayName }));
  if (ctx.meetingHeldOn) w.text(fill(M.meetingHeld, { date: date(ctx.meetingHeldOn) }));
  else if (v.meetingWaiverReason) w.text(fill(M.meetingWaived, { reason: v.meetingWaiverReason }));
  if (v.childApproval.approved) w.text(L.pdf.approved);
  if (v.childApproval.note) w.text(fill(L.pdf.approvalNote, { note: v.childApproval.note }));
  if (c.consent) w.text(fill(L.pdf.consent, { from: c.consent.validFrom, to: c.consent.validTo }));
  if (c.chair) w.text(fill(L.pdf.chair, { name: c.chair.displayName }));
  w.text(fill(L.pdf.initiator, { name: c.initiator.displayName }));
  if (v.someWithheld) w.note(L.pdf.withheld);

  // The four parts the law requires; each measure in full once, referred to by its number after.
  w.heading(L.pdf.fourPartsTitle);
  const numberOf = new Map(c.measures.map((m, i) => [m.id, i + 1]));
  const refs = (list: PlanMeasure[]) =>
    fill(M.measureRef, { numbers: list.map((m) => String(numberOf.get(m.id))).join(', ') });
  w.subheading(L.pdf.part1);
  if (c.measures.length === 0) w.text(L.pdf.none);
  for (const m of c.measures) measure(w, L, numberOf.get(m.id)!, m);
  w.subheading(L.pdf.part2);
  const byPrincipal = new Map<string, PlanMeasure[]>();
  for (const m of c.measures.filter((m) => isPrincipal(m.responsibleOrganisation)))
    byPrincipal.set(m.responsibleOrganisation.name, [...(byPrincipal.get(m.responsibleOrganisation.name) ?? []), m]);
  if (byPrincipal.size === 0) w.text(L.pdf.none);
  for (const [org, list] of byPrincipal) w.text(`${org}: ${refs(list)}`);
  w.subheading(L.pdf.part3);
  const others = c.measures.filter((m) => !isPrincipal(m.responsibleOrganisation));
  if (others.length > 0) for (const m of others) w.text(`${m.responsibleOrganisation.name}: ${refs([m])}`);
  else w.text(c.noOtherMeasures ? L.pdf.noOthers : L.pdf.none);
  w.subheading(L.pdf.part4);
  w.text(c.overallResponsibleOrganisation?.name ?? '—');

  // The plan in full.
  w.heading(L.pdf.childPart);
  if (c.childParticipation) w.text(L.childParticipation[c.childParticipation]);
  if (c.childWords) {
    w.subheading(L.pdf.childWords);
    w.text(c.childWords);
  }
  if (c.childGoals) {
    w.subheading(L.pdf.childGoals);
    w.text(c.childGoals);
  }
  w.subheading(L.pdf.relatives);
  w.text(c.relativesTakePart ? L.pdf.relativesTakePart : L.pdf.relativesNot);
  if (c.relativesNote) w.text(c.relativesNote);
  w.heading(L.pdf.needs);
  if (c.needs.length === 0) w.text(L.pdf.none);
  for (const n of c.needs) {
    w.text(`• ${n.text}`);
    w.small(fill(L.pdf.owner, { organisation: n.owningOrganisation.name, category: L.category[n.category] }));
  }
  w.heading(L.pdf.participants);
  if (c.participants.length === 0) w.text(M.noParticipants);
  for (const p of c.participants) {
    const org = p.organisation?.name ?? p.organisationName;
    w.text(`• ${p.displayName}${org ? `, ${org}` : ''} (${L.pdf[p.kind]})`);
  }
  if (c.notes.length > 0) {
    w.heading(L.pdf.notes);
    for (const n of c.notes) {
      w.text(`• ${n.text}`);
      w.small(fill(L.pdf.owner, { organisation: n.owningOrganisation.name, category: L.category[n.category] }));
    }
  }

  // Signatures: the child, the god man and the social worker, each with a line, a date and a printed name.
  w.room(230);
  w.heading(M.signatures);
  w.text(M.signaturesIntro);
  for (const [role, name] of [
    [M.signChild, v.childName],
    [M.signGodMan, ctx.godMan],
    [M.signSocialWorker, ctx.socialWorker],
  ] as const)
    signatureLine(w, role, name, M);
  return finish();
}

function measure(w: PdfWriter, L: Labels, n: number, m: PlanMeasure) {
  w.room(70);
  w.text(`${n}. ${m.description}`);
  const person = m.responsibleUser?.displayName ?? m.responsibleName ?? '—';
  w.small(fill(L.pdf.goal, { goal: m.goal }));
  w.small(fill(L.pdf.responsible, { organisation: m.responsibleOrganisation.name, person }));
  w.small(fill(L.pdf.period, { start: m.startOn, end: m.endOn ?? L.pdf.open }));
  w.small(fill(L.pdf.status, { status: L.measureStatus[m.status] }));
  w.doc.moveDown(0.3);
}

/** A line to sign on, and under it the role, a place for the date and the name in print. */
function signatureLine(w: PdfWriter, role: string, name: string | null, M: More) {
  const doc = w.doc;
  w.room(60);
  doc.moveDown(1.6);
  const y = doc.y;
  const half = w.width / 2 - 10;
  doc.markContent('Artifact', { type: 'Layout' });
  doc.lineWidth(0.5).strokeColor('#000000');
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + half, y)
    .stroke();
  doc
    .moveTo(MARGIN + half + 20, y)
    .lineTo(MARGIN + w.width, y)
    .stroke();
  doc.endMarkedContent();
  doc.font('regular').fontSize(9);
  doc.text(M.signDate, MARGIN + half + 20, y + 3, { width: half });
  doc.text(role, MARGIN, y + 3, { width: half });
  if (name) doc.text(`${M.signName}: ${name}`, MARGIN, undefined, { width: half });
  doc.x = MARGIN;
}
