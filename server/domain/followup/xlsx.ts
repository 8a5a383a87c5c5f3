import ExcelJS from 'exceljs';
import type { Figures } from '../../../common/schemas/followup.ts';
import { FIGURE_COLUMNS, figureRows } from './export.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A shown count: digits become a number a spreadsheet can sum; "<5" and "–" stay text, so no masked number is written. */
const cell = (v: string | number | null): string | number | null =>
  typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;

/**
 * The masked figures as an XLSX workbook: the same rows and columns as the
 * CSV, one sheet. Text is written as text (never as a formula), so the
 * formula-safety the CSV writer adds is not needed here.
 */
export async function figuresXlsx(f: Figures): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Navet';
  const sheet = book.addWorksheet('followup', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = FIGURE_COLUMNS.map((key) => ({ header: key, key, width: key === 'indicator' ? 26 : 12 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of figureRows(f)) sheet.addRow(row.map(cell));
  return Buffer.from(await book.xlsx.writeBuffer());
}
