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

/** The database of one size of the scale curve, beside the one in DATABASE_URL. Its name says what it is. */
export function scaleTarget(baseUrl: string, size: number): Target {
  const base = new URL(baseUrl).pathname.slice(1) || 'navet';
  const name = `${base}_scale_${size}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  return { kind: 'postgres', databaseUrl: withDatabase(baseUrl, name) };
}

function nameOf(target: Target): string {
  const name = new URL(target.databaseUrl!).pathname.slice(1);
  // Only databases named by scaleTarget are ever created or dropped here.
  if (!/^[a-z0-9_]+_scale_\d+$/.test(name)) throw new Error(`refusing to touch ${name}: not a scale database`);
  return name;
}

/** The number of children in a kept scale database, or null when it does not exist. */
export async function scaleChildren(target: Target): Promise<number | null> {
  const client = new pg.Client({ connectionString: target.databaseUrl });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const { rows } = await client.query<{ n: string }>('select count(*) as n from children');
    return Number(rows[0]?.n ?? 0);
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

export async function recreateScaleDatabase(target: Target): Promise<void> {
  const name = nameOf(target);
  await onServer(target.databaseUrl!, `drop database if exists ${name} with (force)`);
  await onServer(target.databaseUrl!, `create database ${name}`);
}

export async function dropScaleDatabase(target: Target): Promise<void> {
  await onServer(target.databaseUrl!, `drop database if exists ${nameOf(target)} with (force)`);
}
