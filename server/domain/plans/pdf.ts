import PDFDocument from 'pdfkit';
import en from '../../../common/i18n/en.json';
import sv from '../../../common/i18n/sv.json';
import type { PlanMeasure, PlanVersion } from '../../../common/schemas/plans.ts';
import { isPrincipal } from '../sharing/lookup.ts';
import { findFonts, paragraph, type Fonts } from './pdf-text.ts';

export type PdfLang = 'sv' | 'en';
type Labels = typeof sv.plans;
const dictionaries: Record<PdfLang, Labels> = { sv: sv.plans, en: en.plans };

function fill(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => params[k] ?? '');
}

const MARGIN = 56;

/**
 * The PDF of one adopted version, as the reader may see it (the version is
 * already filtered by the sharing rule). The four parts the law requires get
 * a page of their own, the second, so a reader finds them at once.
 */
export async function renderPlanPdf(v: PlanVersion, lang: PdfLang = 'sv'): Promise<Buffer> {
  const fonts = findFonts();
  const L = dictionaries[lang];
  const c = v.content;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang,
    tagged: true,
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: `${L.kindLong[c.kind]} – ${v.childName} – v${v.number}`, Author: 'Navet' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const width = doc.page.width - 2 * MARGIN;
  const w = new Writer(doc, fonts, width);
  const date = (iso: string) => iso.slice(0, 10);

  // Page 1: what this document is.
  w.title(L.kindLong[c.kind]);
  w.text(fill(L.pdf.child, { name: v.childName }));
  w.text(fill(L.pdf.version, { number: String(v.number), date: date(v.adoptedAt), name: v.adoptedBy.displayName }));
  w.text(fill(L.pdf.followUp, { date: v.followUpOn, name: v.followUpBy.displayName }));
  if (v.childApproval.approved) w.text(L.pdf.approved);
  if (v.childApproval.note) w.text(fill(L.pdf.approvalNote, { note: v.childApproval.note }));
  if (c.consent) w.text(fill(L.pdf.consent, { from: c.consent.validFrom, to: c.consent.validTo }));
  if (c.chair) w.text(fill(L.pdf.chair, { name: c.chair.displayName }));
  w.text(fill(L.pdf.initiator, { name: c.initiator.displayName }));
  if (v.someWithheld) w.note(L.pdf.withheld);

  // Page 2: the four parts.
  doc.addPage();
  w.title(L.pdf.fourPartsTitle);
  w.heading(L.pdf.part1);
  w.measures(c.measures, L);
  w.heading(L.pdf.part2);
  const byPrincipal = new Map<string, PlanMeasure[]>();
  for (const m of c.measures.filter((m) => isPrincipal(m.responsibleOrganisation)))
    byPrincipal.set(m.responsibleOrganisation.name, [...(byPrincipal.get(m.responsibleOrganisation.name) ?? []), m]);
  if (byPrincipal.size === 0) w.text(L.pdf.none);
  for (const [org, list] of byPrincipal) {
    w.subheading(org);
    w.measures(list, L);
  }
  w.heading(L.pdf.part3);
  const others = c.measures.filter((m) => !isPrincipal(m.responsibleOrganisation));
  if (others.length > 0) w.measures(others, L);
  else w.text(c.noOtherMeasures ? L.pdf.noOthers : L.pdf.none);
  w.heading(L.pdf.part4);
  w.text(c.overallResponsibleOrganisation?.name ?? '—');

  // Page 3 on: the plan in full.
  doc.addPage();
  w.title(L.pdf.detailsTitle);
  w.heading(L.pdf.childPart);
  if (c.childParticipation) w.text(L.childParticipation[c.childParticipation]);
  if (c.childWords) {
    w.subheading(L.pdf.childWords);
    w.own(c.childWords);
  }
  if (c.childGoals) {
    w.subheading(L.pdf.childGoals);
    w.own(c.childGoals);
  }
  w.heading(L.pdf.relatives);
  w.text(c.relativesTakePart ? L.pdf.relativesTakePart : L.pdf.relativesNot);
  if (c.relativesNote) w.own(c.relativesNote);
  w.heading(L.pdf.needs);
  if (c.needs.length === 0) w.text(L.pdf.none);
  for (const n of c.needs)
    w.item(n.text, fill(L.pdf.owner, { organisation: n.owningOrganisation.name, category: L.category[n.category] }));
  w.heading(L.pdf.participants);
  for (const p of c.participants)
    w.text(
      `${p.displayName}${p.organisation ? `, ${p.organisation.name}` : p.organisationName ? `, ${p.organisationName}` : ''} (${L.pdf[p.kind]})`,
    );
  if (c.notes.length > 0) {
    w.heading(L.pdf.notes);
    for (const n of c.notes)
      w.item(n.text, fill(L.pdf.owner, { organisation: n.owningOrganisation.name, category: L.category[n.category] }));
  }
  doc.end();
  return done;
}

/** Keeps the layout rules in one place: headings, items, and the child's own text in its direction. */
class Writer {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: Fonts,
    private readonly width: number,
  ) {}

  title(s: string) {
    this.doc.font('bold').fontSize(18).text(s, { width: this.width }).moveDown(0.6);
  }
  heading(s: string) {
    this.doc.moveDown(0.5).font('bold').fontSize(13).text(s, { width: this.width }).moveDown(0.2);
  }
  subheading(s: string) {
    this.doc.font('bold').fontSize(11).text(s, { width: this.width });
  }
  text(s: string) {
    this.doc.font('regular').fontSize(11);
    paragraph(this.doc, s, this.fonts, { width: this.width });
  }
  note(s: string) {
    this.doc.moveDown(0.5).font('bold').fontSize(11).text(s, { width: this.width });
  }
  /** The child's own words: any language, any direction. */
  own(s: string) {
    this.doc.fontSize(11);
    paragraph(this.doc, s, this.fonts, { width: this.width });
    this.doc.moveDown(0.3);
  }
  item(main: string, sub: string) {
    this.text(`• ${main}`);
    this.doc.font('regular').fontSize(9).text(sub, { width: this.width, indent: 12 }).moveDown(0.2);
  }
  measures(list: PlanMeasure[], L: Labels) {
    if (list.length === 0) this.text(L.pdf.none);
    for (const m of list) {
      this.text(`• ${m.description}`);
      const person = m.responsibleUser?.displayName ?? m.responsibleName ?? '—';
      const lines = [
        fill(L.pdf.goal, { goal: m.goal }),
        fill(L.pdf.responsible, { organisation: m.responsibleOrganisation.name, person }),
        fill(L.pdf.period, { start: m.startOn, end: m.endOn ?? L.pdf.open }),
        fill(L.pdf.status, { status: L.measureStatus[m.status] }),
      ];
      this.doc.font('regular').fontSize(9);
      for (const line of lines) paragraph(this.doc, line, this.fonts, { width: this.width - 12 });
      this.doc.moveDown(0.3);
    }
  }
}
