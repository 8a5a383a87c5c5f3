/**
 * Fonts and right-to-left text for the plan's PDF. pdfkit shapes Arabic-script
 * words (with the 'rtla' feature) but does not order a line right to left, so
 * a right-to-left paragraph is wrapped here, word by word, and each line is
 * drawn with its words in visual order, right-aligned.
 */
import fs from 'node:fs';
import { AppError } from '../../errors.ts';

/** Debian's fonts-dejavu-core: Latin (å, ä, ö), Arabic script (Dari, Pashto, Arabic), Somali. */
export const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu'];
const REGULAR = 'DejaVuSans.ttf';
const BOLD = 'DejaVuSans-Bold.ttf';
/** Ethiopic (Tigrinya) is not in DejaVu: used when a Debian font package for it is installed. */
const ETHIOPIC = [
  '/usr/share/fonts/truetype/abyssinica/AbyssinicaSIL-Regular.ttf',
  '/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf',
];

export interface Fonts {
  regular: string;
  bold: string;
  ethiopic: string | null;
}

export const fontMissing = () =>
  new AppError(
    503,
    'pdf_font_missing',
    'The PDF needs the DejaVu fonts (Debian package fonts-dejavu-core), which are not installed on the server.',
  );

/** The fonts on this machine; a clear 503 when DejaVu is missing (an installation fault, not a request fault). */
export function findFonts(dirs: string[] = FONT_DIRS): Fonts {
  for (const dir of dirs) {
    const regular = `${dir}/${REGULAR}`;
    const bold = `${dir}/${BOLD}`;
    if (fs.existsSync(regular) && fs.existsSync(bold))
      return { regular, bold, ethiopic: ETHIOPIC.find((f) => fs.existsSync(f)) ?? null };
  }
  throw fontMissing();
}

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g;
const LTR_CHAR = /[A-Za-z\u00C0-\u024F\u1200-\u137F]/g;
const ETHIOPIC_CHAR = /[\u1200-\u137F]/;

/** Mostly right-to-left letters: Arabic, Dari, Pashto (and Hebrew). */
export function isRtl(text: string): boolean {
  return (text.match(RTL_CHAR)?.length ?? 0) > (text.match(LTR_CHAR)?.length ?? 0);
}

/** Writes a paragraph in the child's language or any other, in the right font and direction. */
export function paragraph(doc: PDFKit.PDFDocument, text: string, fonts: Fonts, opts: { width: number }): void {
  const font = ETHIOPIC_CHAR.test(text) && fonts.ethiopic ? fonts.ethiopic : fonts.regular;
  doc.font(font);
  if (!isRtl(text)) {
    doc.text(text, { width: opts.width });
    return;
  }
  for (const line of text.split('\n')) {
    const words = line.split(/\s+/).filter(Boolean);
    let current: string[] = [];
    const flush = () => {
      if (current.length === 0) return;
      doc.text([...current].reverse().join(' '), { width: opts.width, align: 'right', features: ['rtla'] });
      current = [];
    };
    for (const word of words) {
      if (current.length > 0 && doc.widthOfString([...current, word].join(' ')) > opts.width) flush();
      current.push(word);
    }
    flush();
  }
}
