import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/connect.ts';

/**
 * A whole database of one's own, for tests that tamper with the audit log, back
 * up and restore, or drive the CLI: what they do must not reach the shared
 * PostgreSQL database that the other test files use at the same time.
 * Embedded: a temporary data folder; PostgreSQL: a new database on the same
 * server as DATABASE_URL, dropped by `drop()`.
 */
export interface PrivateDatabase {
  databaseUrl?: string;
  dataDir: string;
  /** Environment for a spawned `navet` process that points it here. */
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

function adminUrl(databaseUrl: string, name: string): string {
  const u = new URL(databaseUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer(databaseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(databaseUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** `migrated`: a copy of the migrated template; otherwise empty (a restore target). */
export async function privateDatabase({ migrated }: { migrated: boolean }): Promise<PrivateDatabase> {
  const shared = process.env.DATABASE_URL;
  if (shared) {
    const name = `navet_private_${randomBytes(6).toString('hex')}`;
    await onServer(shared, `create database ${name}`);
    const databaseUrl = adminUrl(shared, name);
    const open = () => openDatabase({ databaseUrl, poolSize: 2, connectionTimeoutMs: 60_000 });
    if (migrated) {
      const d = await open();
      await d.migrate();
      await d.close();
    }
    return {
      databaseUrl,
      dataDir: '',
      env: { DATABASE_URL: databaseUrl },
      open,
      drop: () => onServer(shared, `drop database if exists ${name} with (force)`),
    };
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'navet-private-'));
  const dataDir = path.join(root, 'data');
  if (migrated) fs.cpSync(inject('templateDir'), dataDir, { recursive: true });
  return {
    dataDir,
    env: { NAVET_DATA_DIR: dataDir, DATABASE_URL: '' },
    open: () => openDatabase({ dataDir }),
    drop: async () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** Plain SQL on either kind of database: for tampering with rows the application never changes. */
export async function rawQuery<T extends Record<string, unknown>>(
  database: Database,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (database.pool) return (await database.pool.query<T>(text, params)).rows;
  if (database.pglite) return (await database.pglite.query<T>(text, params)).rows;
  throw new Error('database without a client');
}
