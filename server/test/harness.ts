import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../db/connect.ts';
import type { Deps } from '../deps.ts';
import { buildApp } from '../http/app.ts';
import { privateDatabase } from './private-database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  deps: Deps;
  close(): Promise<void>;
}

/** Closes the database, then drops it (removes its folder or the private PostgreSQL database). */
async function withDrop(database: Database, drop: () => Promise<void>): Promise<Database> {
  const closeDatabase = () => database.close();
  return {
    ...database,
    close: async () => {
      await closeDatabase();
      await drop();
    },
  };
}

/** A private copy of the migrated template folder, or the shared PostgreSQL database. */
export async function openTestDatabase(): Promise<Database> {
  // Tests share one PostgreSQL server on a busy machine: wait for a connection as long as a test may take.
  if (process.env.DATABASE_URL)
    return openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 4, connectionTimeoutMs: 60_000 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'navet-test-'));
  fs.cpSync(inject('templateDir'), dir, { recursive: true });
  return withDrop(await openDatabase({ dataDir: dir, skipLock: true }), async () =>
    fs.rmSync(dir, { recursive: true, force: true }),
  );
}

/**
 * The real HTTP app on a test database. Call in beforeAll; close in afterAll.
 * `ownDatabase`: on PostgreSQL, a database of the file's own instead of the shared one, for tests that
 * compare whole-database counts (other files write to the shared one at the same time). Embedded test
 * databases are always the file's own.
 */
export async function startTestApp(
  overrides: Partial<Config> = {},
  { ownDatabase = false }: { ownDatabase?: boolean } = {},
): Promise<TestApp> {
  const own = ownDatabase && process.env.DATABASE_URL ? await privateDatabase({ migrated: true }) : null;
  const database = own ? await withDrop(await own.open(), () => own.drop()) : await openTestDatabase();
  const config = loadConfig({ publicUrl: 'http://127.0.0.1:3000', loginMaxPerMinute: 1000, ...overrides });
  const deps: Deps = { db: database.db, kind: database.kind, config };
  const app = await buildApp(deps);
  return {
    app,
    database,
    deps,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A logged-in client: carries the session cookie and CSRF token on every request. */
export interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  cookie: string;
  csrfToken: string;
}

export function clientFor(app: FastifyInstance, cookie: string, csrfToken: string): Client {
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) } });
  const withBody = (method: 'POST' | 'PUT' | 'PATCH') => (url: string, body?: unknown) =>
    request({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: withBody('POST'),
    put: withBody('PUT'),
    patch: withBody('PATCH'),
    delete: (url) => request({ method: 'DELETE', url }),
    cookie,
    csrfToken,
  };
}

/** Logs in by password (tenant without TOTP) and returns a client. */
export async function login(app: FastifyInstance, email: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ stage: string; csrfToken: string }>();
  if (body.stage !== 'done') throw new Error(`login needs stage ${body.stage}`);
  return clientFor(app, sessionCookie(res), body.csrfToken);
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((k) => k.name === 'navet_session');
  if (!c) throw new Error('no session cookie');
  return `navet_session=${c.value}`;
}

/** An anonymous client (no cookie). */
export function anonymous(app: FastifyInstance): Client {
  return clientFor(app, '', '');
}
