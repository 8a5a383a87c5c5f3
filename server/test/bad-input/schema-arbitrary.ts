import fc from 'fast-check';
import { INT32_MAX, INT32_MIN } from '../../../common/schemas/int.ts';
import { evilString } from './strings.ts';

/** The part of JSON Schema (as zod writes it into the OpenAPI document) these tests read. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

const isoDate = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 60;
  const fits = (v: string) => v.length >= min && v.length <= max;
  if (s.format === 'uuid') return fc.uuid({ version: 4 });
  if (s.format === 'date') return isoDate;
  if (s.format === 'date-time') return isoDate.map((d) => `${d}T09:00:00.000Z`);
  if (s.format === 'email') return fc.emailAddress().filter(fits);
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter(fits);
  // Free text: ordinary words most of the time, the nasty strings often enough to matter.
  return fc
    .oneof(
      { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, 20) }) },
      { weight: 2, arbitrary: evilString },
    )
    .map((v) => (v.length < min ? v.padEnd(min, 'x') : v.slice(0, max)));
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1000);
  const lo = Math.max(min, -1e6);
  const hi = Math.min(max, 1e6);
  return integer
    ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
    : fc.double({ min: lo, max: hi, noNaN: true });
}

/**
 * Values that fit the schema as far as JSON Schema can say. zod's refinements
 * (a period that ends after it starts) are not in the document, so a value from
 * here may still be refused: the tests allow any 4xx for it, never a 5xx.
 */
export function validValue(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validValue(a, depth)));
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue({ ...s, type }, depth)));
  switch (types[0] ?? 'any') {
    case 'string':
      return stringArb(s);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validValue(s.items ?? {}, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
      });
    case 'object': {
      if (depth > 4) return fc.constant({});
      const props = s.properties ?? {};
      const arbs = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validValue(v, depth + 1)]));
      return fc.record(arbs, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** A value of any JSON type, for putting where the schema wants another. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  evilString,
  fc.constant([]),
  fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
  fc.constant({}),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);

/**
 * Every integer in a schema whose range is wider than a PostgreSQL `integer`
 * column, by path. `wide` names the paths that go into a `bigint` column.
 */
export function wideIntegers(s: JsonSchema, path: string, wide: ReadonlySet<string> = new Set()): string[] {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.flatMap((a) => wideIntegers(a, path, wide));
  const types = Array.isArray(s.type) ? s.type : [s.type];
  const out: string[] = [];
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : Infinity);
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -Infinity);
  if (types.includes('integer') && !s.enum && !wide.has(path) && (max > INT32_MAX || min < INT32_MIN)) out.push(path);
  if (s.properties)
    for (const [k, v] of Object.entries(s.properties)) out.push(...wideIntegers(v, `${path}.${k}`, wide));
  if (s.items) out.push(...wideIntegers(s.items, `${path}[]`, wide));
  return out;
}

/** Every string in a schema (object properties, array items) with no upper bound, by path. */
export function unboundedStrings(s: JsonSchema, path: string): string[] {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.flatMap((a) => unboundedStrings(a, path));
  const types = Array.isArray(s.type) ? s.type : [s.type];
  const out: string[] = [];
  if (types.includes('string') && s.maxLength === undefined && !s.enum && !s.pattern && !s.format) out.push(path);
  if (s.properties) for (const [k, v] of Object.entries(s.properties)) out.push(...unboundedStrings(v, `${path}.${k}`));
  if (s.items) out.push(...unboundedStrings(s.items, `${path}[]`));
  if (types.includes('array') && s.maxItems === undefined) out.push(`${path} (array without maxItems)`);
  return out;
}
