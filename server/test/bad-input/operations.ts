import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';
import type { JsonSchema } from './schema-arbitrary.ts';

/*
 * The operations of the OpenAPI document, each with validators compiled from
 * its own schemas. The validators are the oracle: when they refuse an input,
 * the app must answer 400; when they accept it, the app may still refuse it
 * (a zod refinement, a business rule) but never with a 5xx.
 */

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface RawOperation {
  parameters?: Parameter[];
  requestBody?: { content?: { 'application/json'?: { schema?: JsonSchema } } };
}
type RawDocument = { paths: Record<string, Record<string, RawOperation>> };

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  name: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body?: JsonSchema;
  validBody?: ValidateFunction;
  validParams: ValidateFunction;
  validQuery: ValidateFunction;
}

// Formats are spelled out as patterns by zod, so the patterns carry the check.
const exact = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
// Path and query values arrive as text; zod coerces them the way ajv does here.
const coercing = new Ajv2020({ strict: false, validateFormats: false, coerceTypes: true });

const objectOf = (params: Parameter[]) => ({
  type: 'object',
  properties: Object.fromEntries(params.map((p) => [p.name, p.schema ?? {}])),
  required: params.filter((p) => p.required).map((p) => p.name),
});

export async function readOperations(app: FastifyInstance): Promise<Operation[]> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`openapi.json: ${res.statusCode}`);
  const doc = res.json<RawDocument>();
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(m)) continue;
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const queryParams = params.filter((p) => p.in === 'query');
      const body = op.requestBody?.content?.['application/json']?.schema;
      out.push({
        method: m.toUpperCase() as Operation['method'],
        path,
        name: `${m.toUpperCase()} ${path}`,
        pathParams,
        queryParams,
        ...(body ? { body, validBody: exact.compile(body) } : {}),
        validParams: coercing.compile(objectOf(pathParams)),
        validQuery: coercing.compile(objectOf(queryParams)),
      });
    }
  }
  return out;
}

/** Coercion rewrites its input, so the oracle works on a copy. */
export const checks = (validate: ValidateFunction, value: unknown) => validate(structuredClone(value));
