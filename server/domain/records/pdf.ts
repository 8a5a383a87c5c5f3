import PDFDocument from 'pdfkit';
import type { ExtractDocument } from '../../../common/schemas/records.ts';
import sv from '../../../common/i18n/areas/records.sv.json';
import { findFonts, paragraph } from '../../pdf/fonts.ts';
import { childParts, userParts } from './coverage.ts';

const L = sv.records;
const MARGIN = 56;

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => params[k] ?? '');
}

function sectionTitle(key: string): string {
  return (L.section as Record<string, string>)[key] ?? key;
}

function sectionOf(table: string, subject: ExtractDocument['subject']): string {
  return (subject === 'child' ? childParts : userParts).find((p) => p.table === table)?.key ?? table;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/**
 * The extract for a person to read (Swedish, as the municipality hands it over): each kind of record under
 * its heading, each row as "field: value", then what was withheld under secrecy (category and reason, never
 * content), then the access log. The JSON beside it carries the same content.
 */
export async function renderExtractPdf(d: ExtractDocument, names: Map<string, string>): Promise<Buffer> {
  const fonts = findFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'sv',
    tagged: true,
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: fill(L.pdf.title, { name: d.subjectName }), Author: 'Navet' },
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
  const heading = (s: string, size = 13) => doc.moveDown(0.5).font('bold').fontSize(size).text(s, { width });
  const text = (s: string) => {
    doc.font('regular').fontSize(10);
    paragraph(doc, s, fonts, { width });
  };

  doc
    .font('bold')
    .fontSize(18)
    .text(fill(L.pdf.title, { name: d.subjectName }), { width });
  text(fill(L.pdf.generated, { at: d.generatedAt.slice(0, 16).replace('T', ' '), by: d.requestedBy }));
  text(L.pdf.intro);
  for (const s of d.sections) {
    heading(`${sectionTitle(s.key)} (${s.rows.length})`);
    if (s.rows.length === 0) text(L.pdf.none);
    s.rows.forEach((row, i) => {
      doc
        .moveDown(0.2)
        .font('bold')
        .fontSize(10)
        .text(`${i + 1}.`, { width });
      for (const [k, v] of Object.entries(row)) text(`${k}: ${show(v)}`);
    });
  }
  heading(L.pdf.withheldTitle);
  if (d.withheld.length === 0) text(L.pdf.noneWithheld);
  for (const w of d.withheld)
    text(
      fill(L.pdf.withheldRow, {
        count: String(w.count),
        section: sectionTitle(sectionOf(w.table, d.subject)),
        category: (L.category as Record<string, string>)[w.category] ?? w.category,
        owner: names.get(w.owner) ?? w.owner,
        reason: L.reason[w.reason],
      }),
    );
  heading(d.subject === 'child' ? L.pdf.accessTitle : L.pdf.actionsTitle);
  if (d.accesses.length === 0) text(L.pdf.none);
  for (const a of d.accesses)
    text(`${a.at.slice(0, 19).replace('T', ' ')}  ${a.action}  ${a.actor ?? '—'}  ${a.organisation ?? ''}`);
  doc.end();
  return done;
}
