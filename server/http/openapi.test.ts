import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../common/errors.ts';
import { anonymous, startTestApp, type Client, type TestApp } from '../test/harness.ts';

/*
 * The OpenAPI document is the list of routes these tests walk, so a route added
 * tomorrow is covered without touching this file. The first test keeps the
 * document honest: every route the app serves must be in it. What each role
 * gets with a session is the authorisation matrix in server/test/authz/.
 */

/** Reachable without a session, by design. Anything else answering 2xx anonymously is a hole. */
const PUBLIC = new Set([
  'GET /api/health',
  'GET /api/auth/login-info',
  'POST /api/auth/login',
  // A calendar app cannot log in: the private token in the address is the credential.
  'GET /api/calendar/feeds/{token}',
  // Login through the municipality's identity provider, invitations and password reset: before any session.
  'GET /api/auth/oidc/providers',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  'POST /api/auth/invitations/lookup',
  'POST /api/auth/invitations/accept',
  'POST /api/auth/invitations/oidc',
  'POST /api/auth/reset',
  'POST /api/auth/reset/check',
  'POST /api/auth/reset/complete',
]);
/** Served but deliberately left out of the document. */
const UNDOCUMENTED = new Set(['GET /api/openapi.json']);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Schema {
  type?: unknown;
  properties?: Record<string, unknown>;
}
interface Content {
  'application/json'?: { schema?: Schema };
}
interface Operation {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Content };
  responses?: Record<string, { content?: Content }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
}
interface Endpoint {
  method: string;
  path: string;
  op: Operation;
}

let t: TestApp;
let doc: Document;
let endpoints: Endpoint[];
beforeAll(async () => {
  t = await startTestApp();
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json<Document>();
  endpoints = Object.entries(doc.paths).flatMap(([path, ops]) =>
    METHODS.flatMap((m) => (ops[m] ? [{ method: m.toUpperCase(), path, op: ops[m] }] : [])),
  );
});
afterAll(async () => t.close());

/** Every "METHOD /path" the app serves under /api, read from Fastify's route tree. */
function servedRoutes(app: FastifyInstance): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    const path = (stack[depth - 1] ?? '') + (m[2] ?? '');
    stack.length = depth;
    stack.push(path);
    const openApiPath = path.replace(/:(\w+)/g, '{$1}');
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD' && openApiPath.startsWith('/api/')) out.push(`${method} ${openApiPath}`);
    }
  }
  return out;
}

/** The URL with every path parameter replaced by a fresh random UUID. */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, () => randomUUID());

function send(client: Client, e: Endpoint): Promise<LightMyRequestResponse> {
  const url = concrete(e.path);
  if (e.method === 'GET' || e.method === 'DELETE') return client.request({ method: e.method, url });
  return client.request({ method: e.method, url, payload: {} });
}

function expectErrorShape(e: Endpoint, res: LightMyRequestResponse) {
  const parsed = ErrorBody.safeParse(res.json());
  expect(parsed.success, `${e.method} ${e.path} → ${res.statusCode} ${res.body}`).toBe(true);
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document listing every route the app serves', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const documented = new Set(endpoints.map((e) => `${e.method} ${e.path}`));
    const served = servedRoutes(t.app);
    expect(served.length).toBeGreaterThanOrEqual(documented.size);
    const missing = served.filter((r) => !documented.has(r) && !UNDOCUMENTED.has(r));
    expect(missing).toEqual([]);
    for (const r of [...PUBLIC, '/api/admin/users', '/api/audit/reviews', '/api/children'].map((p) =>
      p.includes(' ') ? p : `GET ${p}`,
    ))
      expect(documented.has(r), r).toBe(true);
  });

  it('gives every operation a response schema, its path parameters and, for bodies, a request schema', () => {
    for (const e of endpoints) {
      const name = `${e.method} ${e.path}`;
      // A redirect (the provider's login and its callback) is the success of a browser navigation.
      const success = Object.entries(e.op.responses ?? {}).filter(([code]) => /^[23]/.test(code));
      expect(success.length, name).toBeGreaterThan(0);
      for (const [code, response] of success) {
        if (code.startsWith('2') && code !== '204' && code !== '202')
          expect(response.content?.['application/json']?.schema, `${name} ${code}`).toBeDefined();
      }
      if (!PUBLIC.has(name)) {
        const unauth = e.op.responses?.['401']?.content?.['application/json']?.schema;
        expect(unauth?.properties, `${name} documents its 401`).toHaveProperty('error');
      }
      for (const param of e.path.match(/\{[^}]+\}/g) ?? []) {
        const declared = e.op.parameters?.find((p) => p.in === 'path' && `{${p.name}}` === param);
        expect(declared?.schema, `${name} declares ${param}`).toBeDefined();
      }
      if (e.op.requestBody) expect(e.op.requestBody.content?.['application/json']?.schema, name).toBeDefined();
    }
    // Routes that take input do declare it.
    const login = endpoints.find((e) => e.method === 'POST' && e.path === '/api/auth/login');
    expect(login?.op.requestBody).toBeDefined();
  });
});

describe('walking every documented operation', () => {
  it('without a session: only the public ones answer 2xx; the rest 401 before looking at the input', async () => {
    expect(endpoints.length).toBeGreaterThan(10);
    for (const e of endpoints) {
      const res = await send(anonymous(t.app), e);
      const name = `${e.method} ${e.path}`;
      if (PUBLIC.has(name)) {
        expect(res.statusCode, name).toBeLessThan(500);
        if (res.statusCode >= 400) expectErrorShape(e, res);
        continue;
      }
      expect(res.statusCode, `${name} → ${res.body}`).toBe(401);
      expectErrorShape(e, res);
      expect(res.json().error, name).toBe('unauthenticated');
    }
  });
});
