import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors, type Issue } from '../errors.ts';

/*
 * PostgreSQL cannot store NUL in text or jsonb (the insert fails, which would
 * be a 500), and node-postgres turns a lone UTF-16 surrogate into U+FFFD, so
 * the text would silently not come back as sent. Neither is ever meaningful
 * input, so every request is checked once here, after the route's zod schemas
 * have parsed it, instead of in each of the many schemas that take text.
 */

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MESSAGE = 'Text may not contain NUL characters or broken unicode.';

function collect(value: unknown, path: string, out: Issue[], depth = 0): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000') || loneSurrogate.test(value)) out.push({ path, message: MESSAGE });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => collect(v, `${path}.${i}`, out, depth + 1));
  } else if (typeof value === 'object' && value !== null && depth < 32) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000') || loneSurrogate.test(k)) out.push({ path: `${path}.${k}`, message: MESSAGE });
      collect(v, `${path}.${k}`, out, depth + 1);
    }
  }
}

export function textIssues(req: Pick<FastifyRequest, 'body' | 'query' | 'params'>): Issue[] {
  const out: Issue[] = [];
  collect(req.params, 'params', out);
  collect(req.query, 'query', out);
  collect(req.body, 'body', out);
  return out;
}

export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preHandler', async (req) => {
    const issues = textIssues(req);
    if (issues.length > 0) throw errors.validation(issues);
  });
}
