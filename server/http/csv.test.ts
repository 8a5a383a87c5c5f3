import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_SEPARATOR, csvCell, toCsv } from './csv.ts';

/** What a spreadsheet gets: the file read by a real RFC 4180 parser. */
const read = (text: string): string[][] =>
  parse(text, { bom: true, delimiter: CSV_SEPARATOR, relax_column_count: false });

describe('toCsv', () => {
  it('starts with a UTF-8 byte order mark and ends every line with CRLF', () => {
    const text = toCsv(['a', 'b'], [['1', '2']]);
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text.slice(1)).toBe('a;b\r\n1;2\r\n');
  });

  it('separates cells with semicolons, as Excel in Swedish expects, and quotes cells holding one', () => {
    expect(toCsv(['a'], [['x;y'], ['1,5']]).slice(1)).toBe('a\r\n"x;y"\r\n"1,5"\r\n');
  });

  it('round-trips Swedish letters, quotes, separators and line breaks through a real parser', () => {
    const rows = [
      ['Åsa Öberg', 'läser "högt", sen; igen', 'rad ett\r\nrad två\nrad tre'],
      ['مرحبا', '👨‍👩‍👧', ''],
    ];
    expect(read(toCsv(['namn', 'text', 'anteckning'], rows))).toEqual([['namn', 'text', 'anteckning'], ...rows]);
  });

  it('neutralises text that a spreadsheet would run as a formula, and the parser reads it back inert', () => {
    const dangerous = ['=HYPERLINK("http://evil.example","klicka")', '+1', '-1', '@SUM(A1:A9)', '\t=1', '\r=1'];
    const [, row] = read(
      toCsv(
        dangerous.map((_, i) => `c${i}`),
        [dangerous],
      ),
    );
    expect(row).toEqual(dangerous.map((d) => `'${d}`));
    for (const cell of row!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('leaves ordinary text, numbers and empty values alone', () => {
    expect(csvCell('Sara Lind')).toBe('Sara Lind');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell("O'Brien")).toBe("O'Brien");
    expect(csvCell('a=b')).toBe('a=b');
  });
});
