import fc from 'fast-check';

/** SQL fragments: free text must store them as text, never run them. */
export const sqlFragments = [
  "' OR '1'='1",
  "'; DROP TABLE children; --",
  '" OR ""="',
  '1; SELECT pg_sleep(5)',
  '$$; select 1; $$',
  'x\\',
  '%_%',
  "Robert'); DELETE FROM audit_log;--",
];

/** Script and template fragments: stored and answered as plain text. */
export const scriptFragments = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '=HYPERLINK("http://evil.example","klicka")',
  '+1',
  '-1',
  '@SUM(A1:A9)',
];

/** Unicode that is valid text and must come back exactly as sent. */
export const unicodeText = [
  'Åsa Öberg läser',
  '\u202eevil\u202c',
  '\u200fמרחב\u200e',
  'e\u0301\u0301\u0301\u0301',
  '👨‍👩‍👧‍👦',
  '🇸🇪',
  '\ufeffBOM',
  'مرحبا بك',
  'line\u2028sep\u2029',
  'tab\there\r\nnewline',
];

/** Strings no PostgreSQL text column can hold as sent: NUL and lone surrogates. */
export const brokenText = ['\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\udbff'];

export const protoWords = ['__proto__', 'constructor', 'prototype'];

/** Any UTF-16 code unit, lone surrogates and NUL included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Text from all of the above, plus random code units. */
export const evilString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...sqlFragments, ...scriptFragments, ...unicodeText, ...brokenText, ...protoWords),
  fc.string({ unit: codeUnit, maxLength: 30 }),
);

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True for text PostgreSQL would refuse or silently change. */
export function isBrokenText(s: string): boolean {
  return s.includes('\u0000') || loneSurrogate.test(s);
}

/** Malformed values for an id in the path. */
export const badIds: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'abc',
    '0',
    '-1',
    '1e9999',
    'null',
    'undefined',
    '../../etc/passwd',
    "' OR 1=1 --",
    '00000000-0000-0000-0000-00000000000g',
    '9b2f1c1e-6c8a-4c52-9f7e-5b1b0c1d2e3f-x',
    '\u0000',
    '\ud800',
    '%',
    '👨‍👩‍👧',
    'x'.repeat(5000),
    ...protoWords,
  ),
  fc.string({ unit: codeUnit, minLength: 1, maxLength: 40 }),
);
