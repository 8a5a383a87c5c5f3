import PDFDocument from 'pdfkit';
import { findFonts, paragraph, type Fonts } from './fonts.ts';

/**
 * The one way Navet writes a PDF: tagged A4 with embedded fonts, the same
 * headings and text everywhere, and (when asked) a running header and
 * "page X of Y" on every page. Documents add their own pieces (tables,
 * charts, measures) around this writer rather than each setting up pdfkit.
 */
export const MARGIN = 56;

/** Fills `{{name}}` placeholders of an i18n template. */
export function fill(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => params[k] ?? '');
}

export interface PdfOptions {
  lang: string;
  /** The document title in its metadata (shown by readers instead of the file name). */
  title: string;
  /** Printed small at the top of every page (a municipality's letterhead line). */
  runningHeader?: string;
  /** The footer of page `page` of `pages`, e.g. "Sida 1 av 3"; no footer without it. */
  pageLabel?: (page: number, pages: number) => string;
}

export interface OpenPdf {
  doc: PDFKit.PDFDocument;
  w: PdfWriter;
  /** Adds the running header and page numbers, ends the document and gives its bytes. */
  finish: () => Promise<Buffer>;
}

export function openPdf(opts: PdfOptions): OpenPdf {
  const fonts = findFonts();
  // Pages are kept until the end so each footer can say how many there are.
  const paged = Boolean(opts.pageLabel || opts.runningHeader);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: opts.lang,
    tagged: true,
    displayTitle: true,
    pdfVersion: '1.7',
    bufferPages: paged,
    info: { Title: opts.title, Author: 'Navet' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const w = new PdfWriter(doc, fonts, doc.page.width - 2 * MARGIN);
  const finish = () => {
    if (paged) {
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        // Writing in the margins must not start a new page.
        const bottom = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc.markContent('Artifact', { type: 'Pagination' });
        doc.font('regular').fontSize(9).fillColor('#333333');
        if (opts.runningHeader)
          doc.text(opts.runningHeader, MARGIN, MARGIN / 2, { width: w.width, align: 'left', lineBreak: false });
        if (opts.pageLabel)
          doc.text(opts.pageLabel(i - range.start + 1, range.count), MARGIN, doc.page.height - MARGIN / 2 - 9, {
            width: w.width,
            align: 'center',
            lineBreak: false,
          });
        doc.endMarkedContent();
        doc.fillColor('#000000');
        doc.page.margins.bottom = bottom;
      }
    }
    doc.end();
    return done;
  };
  return { doc, w, finish };
}

/** Headings, text, and text in any language and direction, laid out alike in every document. */
export class PdfWriter {
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly fonts: Fonts,
    readonly width: number,
  ) {}

  title(s: string) {
    this.doc.font('bold').fontSize(18).text(s, MARGIN, undefined, { width: this.width }).moveDown(0.5);
  }
  heading(s: string) {
    this.room(60);
    this.doc.moveDown(0.6).font('bold').fontSize(13).text(s, MARGIN, undefined, { width: this.width }).moveDown(0.2);
  }
  subheading(s: string) {
    this.room(40);
    this.doc.moveDown(0.2).font('bold').fontSize(11).text(s, MARGIN, undefined, { width: this.width });
  }
  /** A paragraph in the document's text size; any script and direction. */
  text(s: string, size = 11) {
    this.doc.font('regular').fontSize(size);
    this.doc.x = MARGIN;
    paragraph(this.doc, s, this.fonts, { width: this.width });
  }
  /** Smaller text under an item, indented. */
  small(s: string, indent = 12) {
    this.doc.font('regular').fontSize(9);
    this.doc.x = MARGIN + indent;
    paragraph(this.doc, s, this.fonts, { width: this.width - indent });
    this.doc.x = MARGIN;
  }
  /** A line in bold, set apart (what a reader must not miss). */
  note(s: string) {
    this.doc.moveDown(0.5).font('bold').fontSize(11).text(s, MARGIN, undefined, { width: this.width });
  }
  /** A new page when fewer than `height` points are left on this one. */
  room(height: number) {
    if (this.doc.y + height > this.doc.page.height - MARGIN) this.doc.addPage();
  }
  /** A thin rule across the text width. */
  rule() {
    const y = this.doc.y + 2;
    this.doc.markContent('Artifact', { type: 'Layout' });
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + this.width, y)
      .lineWidth(0.5)
      .strokeColor('#444444')
      .stroke();
    this.doc.endMarkedContent();
    this.doc.y = y + 6;
  }
}
