import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';
import { acquireDataDirLock } from './lock.ts';

export type Schema = typeof schema;
/** The Drizzle handle. A transaction has the same type, so repos take either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Run migrations to the latest committed one. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The raw PGlite instance in embedded mode (backup uses it). */
  pglite?: PGlite;
  pool?: pg.Pool;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** Skip the folder lock: only for a data folder this process already owns (tests' private copies). */
  skipLock?: boolean;
  poolSize?: number;
  /** How long a query waits for a connection before failing (503 to a request); default 10 s. */
  connectionTimeoutMs?: number;
}

/**
 * The embedded database is one process for one small installation, yet PostgreSQL's defaults size
 * shared memory for a hundred connections and 128 MB of buffers, all of it allocated and zeroed
 * at every start inside the WebAssembly heap, which never shrinks. These cut the resident memory
 * at start by about a third and the start itself by the time spent zeroing; the operating
 * system's file cache still holds what the buffers no longer do.
 */
const embeddedStartParams = [
  ...PGlite.defaultStartParams,
  ...['shared_buffers=32MB', 'max_connections=10', 'wal_buffers=1MB'].flatMap((setting) => ['-c', setting]),
];

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    // A request waits at most this long for a connection (the database restarting, or every connection
    // busy) and then answers 503, instead of hanging until the client gives up.
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: opts.connectionTimeoutMs ?? 10_000,
    });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', (err) => console.error('PostgreSQL pool error:', err.message));
    // Nor may one checked out: the pool listens only while a client is idle, so a database that goes away while
    // a transaction sits between two statements raised an unhandled 'error' and ended the process. With this
    // listener the client's next statement fails instead (the request answers 503), and the pool drops it.
    pool.on('connect', (client) => {
      client.on('error', (err) => console.error('PostgreSQL connection lost:', err.message));
    });
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      pool,
      migrate: async () => {
        await migratePg(drizzlePg({ client: pool, schema }), { migrationsFolder });
      },
      close: () => pool.end(),
    };
  }
  const dataDir = path.resolve(opts.dataDir ?? './data');
  fs.mkdirSync(dataDir, { recursive: true });
  const release = opts.skipLock ? () => undefined : acquireDataDirLock(dataDir);
  try {
    const client = new PGlite(path.join(dataDir, 'pg'), { startParams: embeddedStartParams });
    await client.waitReady;
    const pgl = drizzlePglite({ client, schema });
    return {
      db: pgl as unknown as Db,
      kind: 'pglite',
      pglite: client,
      migrate: () => migratePglite(pgl, { migrationsFolder }),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
