/**
 * CSV for people who open it in Excel or LibreOffice: RFC 4180 quoting, CRLF
 * line ends, UTF-8 with a byte order mark (without it Excel reads å, ä and ö as
 * Latin-1), and semicolons between cells: Excel in Swedish (and most European
 * locales) splits on the list separator, which is a semicolon there, so a
 * comma-separated file would open as one column. Text that begins like a formula is neutralised with a leading
 * apostrophe (OWASP's rule for CSV injection): a display name such as
 * `=HYPERLINK("http://…")` must show as text, never run in a manager's sheet.
 */

export type CsvValue = string | number | boolean | null | undefined;

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const BOM = '\ufeff';
/** A spreadsheet reads a cell starting with one of these as a formula (tab and CR too, after trimming). */
const FORMULA_START = /^[=+\-@\t\r]/;
export const CSV_SEPARATOR = ';';
const NEEDS_QUOTES = /[";,\r\n]/;

/** One cell: neutralised if it is text that looks like a formula, quoted when it holds a quote, separator or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the header row, then one row per record, every line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const line = (cells: readonly CsvValue[]) => `${cells.map(csvCell).join(CSV_SEPARATOR)}\r\n`;
  return BOM + line(header) + rows.map(line).join('');
}
