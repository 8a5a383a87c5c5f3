import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { Deps } from '../deps.ts';
import { buildApp } from '../http/app.ts';
import { subscribe } from '../notify/channel.ts';
import { buildOrganisation, buildTenant, buildUser, TEST_PASSWORD } from '../test/factories.ts';
import { anonymous, login } from '../test/harness.ts';
import { openDatabase, type Database } from './connect.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

/** A PostgreSQL error as node-postgres raises it, wrapped by drizzle as a failed query. */
function failedQuery(code: string, message = 'server said no'): Error {
  const driver = Object.assign(new pg.DatabaseError(message, 0, 'error'), { code });
  return new DrizzleQueryError('select 1', [], driver);
}

describe('what counts as the database being unavailable', () => {
  it('the server going away, a refused or cut connection, no connection in time', () => {
    expect(isDatabaseUnavailable(failedQuery('57P01', 'terminating connection due to administrator command'))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(failedQuery('57P03', 'the database system is starting up'))).toBe(true);
    expect(isDatabaseUnavailable(failedQuery('08006'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('not a fault of the request or the code', () => {
    expect(isDatabaseUnavailable(failedQuery('23505', 'duplicate key value'))).toBe(false);
    expect(isDatabaseUnavailable(failedQuery('42601', 'syntax error'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

function appOn(database: Database, databaseUrl: string) {
  const config = loadConfig({ publicUrl: 'http://127.0.0.1:3000', loginMaxPerMinute: 1000, databaseUrl });
  const deps = { db: database.db, kind: database.kind, config };
  return { deps, app: buildApp(deps) };
}

/** The answer Navet gives while the database is gone: 503, when to retry, nothing of its internals. */
function expectUnavailable(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  expect(res.statusCode).toBe(503);
  expect(res.headers['retry-after']).toBe('5');
  expect(JSON.parse(res.body)).toEqual({
    error: 'database_unavailable',
    message: 'The database cannot be reached right now. Try again in a few seconds.',
  });
  expect(res.body).not.toMatch(/select|ECONN|stack|at /i);
}

/**
 * A TCP relay in front of the real PostgreSQL that can cut every connection and refuse new ones, as a killed
 * server does, and come back: the pool must answer 503 meanwhile and reconnect by itself afterwards.
 */
async function relayTo(target: URL) {
  const sockets = new Set<net.Socket>();
  let up = true;
  const server = net.createServer((client) => {
    if (!up) return client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      up = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      up = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(!process.env.DATABASE_URL)('PostgreSQL going away under a running app, and coming back', () => {
  let database: Database;
  let app: FastifyInstance;
  let deps: Deps;
  let relay: Awaited<ReturnType<typeof relayTo>>;
  beforeAll(async () => {
    const target = new URL(process.env.DATABASE_URL!);
    relay = await relayTo(target);
    const via = new URL(target);
    via.hostname = '127.0.0.1';
    via.port = String(relay.port);
    database = await openDatabase({ databaseUrl: via.toString(), poolSize: 2, connectionTimeoutMs: 2_000 });
    const built = appOn(database, via.toString());
    deps = built.deps;
    app = await built.app;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await relay.close();
  });

  it('503 while it is gone; the same session, and notices between processes, work again once it is back', async () => {
    const heard: string[] = [];
    const subscription = await subscribe(deps, 'navet_unavailable_test', (payload) => heard.push(payload));
    const tenant = await buildTenant(database.db);
    const organisation = await buildOrganisation(database.db, tenant.id);
    const user = await buildUser(database.db, {
      tenantId: tenant.id,
      organisationId: organisation.id,
      role: 'social_worker',
    });
    const client = await login(app, user.email, TEST_PASSWORD);
    expect((await client.get('/api/children')).statusCode).toBe(200);

    // Refused at once, or at the latest when the 2 s connection wait runs out: never a hang (the test's
    // timeout would catch one).
    relay.cut();
    expectUnavailable(await client.get('/api/children'));
    expectUnavailable(await anonymous(app).get('/api/health'));

    // Gone long enough for the listener's first attempts to reconnect to be refused too.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    relay.restore();
    const again = await client.get('/api/children');
    expect(again.statusCode).toBe(200);
    // The listener reconnects by itself (every second) and listens again: a notice sent now reaches it.
    await expect
      .poll(
        async () => {
          await database.db.execute(sql`select pg_notify('navet_unavailable_test', 'back')`);
          return heard.includes('back');
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(true);
    await subscription.close();
  });

  it('a transaction open when the database goes away fails its next statement; the process carries on', async () => {
    const inside = database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      relay.cut();
      // The lost connection is noticed between two statements, while the pool has the client checked out.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.execute(sql`select 1`);
    });
    await expect(inside).rejects.toSatisfy(isDatabaseUnavailable);
    relay.restore();
    expect((await anonymous(app).get('/api/health')).statusCode).toBe(200);
  });
});
