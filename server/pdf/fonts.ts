/**
 * Fonts and right-to-left text for every PDF of Navet. pdfkit shapes Arabic-script
 * words (with the 'rtla' feature) but does not order a line right to left, so
 * a right-to-left paragraph is wrapped here, word by word, and each line is
 * drawn with its words in visual order, right-aligned.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../errors.ts';

const require = createRequire(import.meta.url);
/** A file inside an installed npm package: the fonts ship with Navet, nothing is fetched at run time. */
const packageFile = (pkg: string, file: string) =>
  path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

export interface Fonts {
  regular: string;
  bold: string;
  ethiopic: string | null;
}

/** DejaVu: Latin (å, ä, ö), Arabic script (Dari, Pashto, Arabic), Somali. Noto Sans Ethiopic: Tigrinya. */
export function bundledFonts(): Fonts {
  return {
    regular: packageFile('dejavu-fonts-ttf', 'ttf/DejaVuSans.ttf'),
    bold: packageFile('dejavu-fonts-ttf', 'ttf/DejaVuSans-Bold.ttf'),
    ethiopic: packageFile('@fontsource/noto-sans-ethiopic', 'files/noto-sans-ethiopic-ethiopic-400-normal.woff'),
  };
}

export const fontMissing = () =>
  new AppError(
    503,
    'pdf_font_missing',
    'The PDF fonts (npm packages dejavu-fonts-ttf and @fontsource/noto-sans-ethiopic) are not installed on the server.',
  );

/** The fonts to use; a clear 503 when they are missing (an installation fault, not a request fault). */
export function findFonts(fonts: Fonts = bundledFonts()): Fonts {
  if (!fs.existsSync(fonts.regular) || !fs.existsSync(fonts.bold)) throw fontMissing();
  return { ...fonts, ethiopic: fonts.ethiopic && fs.existsSync(fonts.ethiopic) ? fonts.ethiopic : null };
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
