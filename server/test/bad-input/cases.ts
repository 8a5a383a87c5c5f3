import fc from 'fast-check';
import type { Operation } from './operations.ts';
import { INT32_MAX, INT32_MIN } from '../../../common/schemas/int.ts';
import { anyJson, validValue, type JsonSchema } from './schema-arbitrary.ts';
import { badIds, evilString } from './strings.ts';

export type Where = 'params' | 'query' | 'body';

/** One generated request: what is sent, and where it was made bad on purpose. */
export interface Case {
  kind: string;
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  /** Query text appended as is: keys no route declares. */
  rawQuery?: string;
  /** The JSON text sent, and the value it holds. */
  body?: { text: string; value: unknown };
}

const HUGE = 200_000;

const propsOf = (s: JsonSchema | undefined) => Object.entries(s?.properties ?? {});
const isIntegerProp = (s: JsonSchema) =>
  [s, ...(s.anyOf ?? [])].some((x) => x.type === 'integer' || (Array.isArray(x.type) && x.type.includes('integer')));

/**
 * Integers at and past the edges: of a PostgreSQL `integer` column, of what
 * JSON can hold exactly, and of the schema's own range. validValue keeps to
 * small numbers, so without these a 500 from the database never shows.
 */
function edgeIntegers(s: JsonSchema): fc.Arbitrary<number> {
  const declared = [s, ...(s.anyOf ?? [])].flatMap((x) => [x.maximum, x.minimum]).filter((v) => v !== undefined);
  return fc.constantFrom(
    INT32_MAX,
    INT32_MAX + 1,
    INT32_MIN - 1,
    2 ** 40,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    ...declared.flatMap((v) => [v, v + 1, v - 1]),
  );
}
const isStringProp = (s: JsonSchema) =>
  [s, ...(s.anyOf ?? [])].some((x) => x.type === 'string' || (Array.isArray(x.type) && x.type.includes('string')));
const maxLengthOf = (s: JsonSchema) =>
  Math.max(...[s, ...(s.anyOf ?? [])].map((x) => x.maxLength ?? (x.enum || x.pattern || x.format ? 64 : -1)));

const withBody = (value: unknown, text = JSON.stringify(value)) => ({ text: text ?? 'null', value });

const asObject = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...(v as Record<string, unknown>) } : {};

/** Text of a JSON object with one extra member spliced in at the front, key written raw. */
function splice(value: Record<string, unknown>, member: string): string {
  const rest = JSON.stringify(value).slice(1);
  return `{${member}${rest === '}' ? '' : ','}${rest}`;
}

const protoMembers = [
  '"__proto__":{"polluted":"yes"}',
  '"constructor":{"prototype":{"polluted":"yes"}}',
  '"nested":{"deeper":{"__proto__":{"polluted":"yes"}}}',
  '"list":[{"constructor":{"prototype":{"polluted":"yes"}}}]',
];

const protoQueries = [
  '__proto__[polluted]=yes',
  '__proto__.polluted=yes',
  'constructor[prototype][polluted]=yes',
  '__proto__=yes',
  'constructor=yes',
  'hasOwnProperty=yes',
  'toString=1',
];

/** The bad requests worth sending to one operation, given real path parameters. */
export function casesFor(op: Operation, params: Record<string, string>): fc.Arbitrary<Case> {
  const body = op.body;
  const valid = body ? validValue(body) : fc.constant(undefined);
  const base = (kind: string, b: unknown): Case => ({
    kind,
    params,
    query: {},
    ...(body ? { body: withBody(b) } : {}),
  });
  const arbs: fc.Arbitrary<Case>[] = [];

  // Any operation: prototype keys in the query string.
  arbs.push(
    fc
      .tuple(valid, fc.subarray(protoQueries, { minLength: 1 }))
      .map(([b, q]) => ({ ...base('proto-query', b), rawQuery: q.join('&') })),
  );
  if (op.pathParams.length > 0) {
    arbs.push(
      fc
        .tuple(valid, fc.constantFrom(...op.pathParams.map((p) => p.name)), badIds)
        .map(([b, name, bad]) => ({ ...base('bad-param', b), params: { ...params, [name]: bad } })),
    );
  }
  if (op.queryParams.length > 0) {
    const badQueryValue = fc.oneof(
      evilString,
      fc.constantFrom(
        '-1',
        '0',
        '1.5',
        '1e400',
        'NaN',
        'true',
        '',
        ' ',
        '2147483648',
        '-2147483649',
        '9007199254740991',
        '99999999999999999999',
        'x'.repeat(HUGE),
      ),
      fc.tuple(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 })),
    );
    arbs.push(
      fc
        .tuple(valid, fc.constantFrom(...op.queryParams.map((p) => p.name)), badQueryValue)
        .map(([b, name, v]) => ({ ...base('bad-query', b), query: { [name]: v } })),
    );
  }
  if (body) {
    const props = propsOf(body);
    arbs.push(
      fc
        .oneof(
          fc.array(anyJson, { maxLength: 3 }),
          fc.integer(),
          fc.double(),
          fc.constant(null),
          evilString,
          fc.boolean(),
        )
        .map((b) => base('body-type', b)),
    );
    arbs.push(
      fc
        .tuple(valid, fc.dictionary(evilString, anyJson, { maxKeys: 3 }))
        .map(([b, extra]) => base('extra', { ...extra, ...asObject(b) })),
    );
    arbs.push(
      fc
        .tuple(valid, fc.constantFrom(...protoMembers))
        .map(([b, member]) => ({ ...base('proto-body', b), body: withBody(b, splice(asObject(b), member)) })),
    );
    if ((body.required ?? []).length > 0) {
      arbs.push(
        fc.tuple(valid, fc.constantFrom(...body.required!)).map(([b, key]) => {
          const o = asObject(b);
          delete o[key];
          return base('missing', o);
        }),
      );
    }
    if (props.length > 0) {
      arbs.push(
        fc
          .tuple(valid, fc.constantFrom(...props.map(([k]) => k)), anyJson)
          .map(([b, key, v]) => base('wrong-type', { ...asObject(b), [key]: v })),
      );
    }
    const integers = props.filter(([, s]) => isIntegerProp(s));
    if (integers.length > 0) {
      arbs.push(
        fc
          .tuple(valid, fc.constantFrom(...integers))
          .chain(([b, [key, s]]) => edgeIntegers(s).map((v) => base('edge-int', { ...asObject(b), [key]: v }))),
      );
    }
    const strings = props.filter(([, s]) => isStringProp(s));
    if (strings.length > 0) {
      arbs.push(
        fc
          .tuple(valid, fc.constantFrom(...strings.map(([k]) => k)), evilString)
          .map(([b, key, v]) => base('evil-text', { ...asObject(b), [key]: v })),
      );
      arbs.push(
        fc.tuple(valid, fc.constantFrom(...strings)).map(([b, [key, s]]) => {
          const max = maxLengthOf(s);
          return base('huge', { ...asObject(b), [key]: 'ä'.repeat(max < 0 ? HUGE : max + 1) });
        }),
      );
    }
  }
  return fc.oneof(...arbs);
}

/**
 * encodeURIComponent refuses lone surrogates; a client can still send their
 * WTF-8 bytes, which is what a broken client or an attacker would do.
 */
const loneSurrogates = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const wtf8 = (u: string) => {
  const c = u.charCodeAt(0);
  return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
    .map((b) => `%${b.toString(16).toUpperCase()}`)
    .join('');
};

function encode(s: string): string {
  return s
    .split(loneSurrogates)
    .map(encodeURIComponent)
    .reduce((out, part, i) => out + (i > 0 ? wtf8(s.match(loneSurrogates)![i - 1]!) : '') + part, '');
}

/**
 * The query value the route receives: the query parser leaves a percent
 * sequence that is not valid UTF-8 as it was, so a lone surrogate arrives as text.
 */
export const queryAsReceived = (v: string | string[]) =>
  Array.isArray(v) ? v.map((x) => x.replace(loneSurrogates, wtf8)) : v.replace(loneSurrogates, wtf8);

/** The URL of a case: path parameters and query encoded the way a browser would. */
export function urlOf(op: Operation, c: Case): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encode(c.params[name] ?? ''));
  const pairs = Object.entries(c.query).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map((x) => `${encode(k)}=${encode(x)}`),
  );
  if (c.rawQuery) pairs.push(c.rawQuery);
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

/** Whether JSON text holds a key that would reach an object's prototype if merged naively. */
export function hasProtoKeys(text: string): boolean {
  const walk = (v: unknown): boolean => {
    if (typeof v !== 'object' || v === null) return false;
    if (Array.isArray(v)) return v.some(walk);
    if (Object.hasOwn(v, '__proto__')) return true;
    const ctor = (v as Record<string, unknown>).constructor;
    if (
      Object.hasOwn(v, 'constructor') &&
      typeof ctor === 'object' &&
      ctor !== null &&
      Object.hasOwn(ctor, 'prototype')
    )
      return true;
    return Object.values(v).some(walk);
  };
  return walk(JSON.parse(text));
}
