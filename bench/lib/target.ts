import pg from 'pg';
import { loadConfig } from '../../server/config.ts';
import { openDatabase, type Database } from '../../server/db/connect.ts';

/** Where the benchmark's data lives: a PostgreSQL database, or an embedded data folder. */
export interface Target {
  kind: 'postgres' | 'pglite';
  databaseUrl?: string;
  dataDir?: string;
}

export function targetFromEnv(): Target {
  const config = loadConfig();
  return config.databaseUrl
    ? { kind: 'postgres', databaseUrl: config.databaseUrl }
    : { kind: 'pglite', dataDir: config.dataDir };
}

/** Environment for a spawned server (navet, baseline, generator) pointing at the target. */
export function envOf(target: Target): Record<string, string> {
  return target.kind === 'postgres'
    ? { DATABASE_URL: target.databaseUrl!, NAVET_DATA_DIR: '' }
    : { DATABASE_URL: '', NAVET_DATA_DIR: target.dataDir! };
}

export function describe(target: Target): string {
  return target.kind === 'postgres'
    ? `PostgreSQL ${new URL(target.databaseUrl!).pathname.slice(1)}`
    : `embedded ${target.dataDir}`;
}

/** Opens the target; an embedded folder is locked while open, so close before starting a server on it. */
export function open(target: Target): Promise<Database> {
  return openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 2 });
}

export async function query<T = Record<string, unknown>>(
  database: Database,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (database.pool) return (await database.pool.query(text, params)).rows as T[];
  return (await database.pglite!.query(text, params)).rows as T[];
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database beside the one in DATABASE_URL, for one size of the scale
 * curve. Its name says what it is, and only such names are ever dropped.
 */
export async function freshScaleDatabase(baseUrl: string, size: number): Promise<Target> {
  const base = new URL(baseUrl).pathname.slice(1) || 'navet';
  const name = `${base}_bench_scale_${size}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  await onServer(baseUrl, `drop database if exists ${name} with (force)`);
  await onServer(baseUrl, `create database ${name}`);
  return { kind: 'postgres', databaseUrl: withDatabase(baseUrl, name) };
}

export async function dropScaleDatabase(target: Target): Promise<void> {
  const name = new URL(target.databaseUrl!).pathname.slice(1);
  if (!/_bench_scale_\d+$/.test(name)) throw new Error(`refusing to drop ${name}: not a scale database`);
  await onServer(target.databaseUrl!, `drop database if exists ${name} with (force)`);
}
