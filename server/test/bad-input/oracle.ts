import { hasProtoKeys, queryAsReceived, type Case, type Where } from './cases.ts';
import { checks, type Operation } from './operations.ts';
import type { JsonSchema } from './schema-arbitrary.ts';
import { isBrokenText } from './strings.ts';

/** Whether text the schema would keep (declared fields, not stripped extras) is broken. */
function brokenWhereKept(s: JsonSchema | undefined, v: unknown): boolean {
  if (typeof v === 'string') return isBrokenText(v);
  if (typeof v !== 'object' || v === null) return false;
  const variants = s ? [s, ...(s.anyOf ?? []), ...(s.oneOf ?? [])] : [];
  if (Array.isArray(v)) {
    const items = variants.find((x) => x.items)?.items;
    return v.some((x) => brokenWhereKept(items, x));
  }
  const declared = variants.find((x) => x.properties)?.properties;
  return Object.entries(v).some(([k, x]) =>
    declared ? k in declared && brokenWhereKept(declared[k], x) : brokenWhereKept(undefined, x),
  );
}

/**
 * Where the case breaks the operation's contract: its schemas, and the rule
 * that text is well-formed unicode without NUL (PostgreSQL can store nothing else).
 */
export function faultsOf(op: Operation, c: Case): Where[] {
  const out: Where[] = [];
  if (!checks(op.validParams, c.params) || Object.values(c.params).some(isBrokenText)) out.push('params');
  const declaredQuery = Object.fromEntries(op.queryParams.map((p) => [p.name, p.schema ?? {}]));
  const query = Object.fromEntries(Object.entries(c.query).map(([k, v]) => [k, queryAsReceived(v)]));
  if (!checks(op.validQuery, query) || brokenWhereKept({ type: 'object', properties: declaredQuery }, query))
    out.push('query');
  if (c.body && op.validBody) {
    // Judged as the server receives it: JSON turns a generated NaN or ±Infinity into null, which may be valid.
    const sent = asSent(c.body.text, c.body.value);
    if (hasProtoKeys(c.body.text) || !checks(op.validBody, sent) || brokenWhereKept(op.body, sent)) out.push('body');
  }
  return out;
}

function asSent(text: string, value: unknown): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return value;
  }
}
