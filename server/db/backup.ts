import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase } from './connect.ts';
import { acquireDataDirLock } from './lock.ts';

const run = promisify(execFile);

/** Where the database lives: PostgreSQL by URL, or an embedded data folder. */
export interface DatabaseLocation {
  databaseUrl?: string;
  dataDir: string;
}

/** A problem the operator can fix (wrong file, non-empty target); the CLI prints it and exits 2. */
export class BackupError extends Error {}

// The first bytes tell the two formats apart, so a file is never fed to the wrong tool.
const PG_CUSTOM_MAGIC = Buffer.from('PGDMP');
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

function fileKind(file: string): 'postgres' | 'embedded' | 'unknown' {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    if (head.subarray(0, 5).equals(PG_CUSTOM_MAGIC)) return 'postgres';
    if (head.subarray(0, 2).equals(GZIP_MAGIC)) return 'embedded';
    return 'unknown';
  } finally {
    fs.closeSync(fd);
  }
}

/** pg_dump and pg_restore from PATH, else from the PostgreSQL 15 install. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/lib/postgresql/15/bin'];
  for (const dir of dirs) {
    const candidate = dir && path.join(dir, name);
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  throw new BackupError(
    `${name} was not found on PATH or in /usr/lib/postgresql/15/bin. Install the PostgreSQL client.`,
  );
}

/** The URL without its password (which would show in `ps`), and the password for PGPASSWORD. */
function splitPassword(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(databaseUrl);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

async function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(tool, args, { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr?.trim();
    throw new Error(`${path.basename(tool)} failed${stderr ? `:\n${stderr}` : ''}`);
  }
}

/** Writes beside the target and renames, so a failed backup never leaves a half file under the name. */
function writeAtomically(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${file}.${process.pid}.partial`;
  return write(tmp).then(
    () => fs.renameSync(tmp, file),
    (err: unknown) => {
      fs.rmSync(tmp, { force: true });
      throw err;
    },
  );
}

export async function backup(location: DatabaseLocation, file: string): Promise<void> {
  const target = path.resolve(file);
  if (location.databaseUrl) {
    const { url, env } = splitPassword(location.databaseUrl);
    await writeAtomically(target, (tmp) => runTool(pgTool('pg_dump'), ['-Fc', '-f', tmp, '-d', url], env));
    return;
  }
  // Opening takes the folder lock: a running server keeps it, and copying files
  // under a live writer is how backups end up corrupt.
  const database = await openDatabase({ dataDir: location.dataDir });
  try {
    const client = database.pglite;
    if (!client) throw new Error('embedded database without a PGlite client');
    await client.exec('CHECKPOINT');
    const blob = await client.dumpDataDir('gzip');
    await writeAtomically(target, async (tmp) => fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer())));
  } finally {
    await database.close();
  }
}

export async function restore(location: DatabaseLocation, file: string): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupError(`There is no file ${source}.`);
  const kind = fileKind(source);
  if (location.databaseUrl) {
    if (kind !== 'postgres') {
      throw new BackupError(
        `${source} is not a PostgreSQL backup (pg_dump custom format).` +
          (kind === 'embedded' ? ' It is an embedded-database backup: unset DATABASE_URL to restore it.' : ''),
      );
    }
    await requireEmptyPostgres(location.databaseUrl);
    const { url, env } = splitPassword(location.databaseUrl);
    // Owners and grants belong to the old server; `navet migrate` grants anew.
    await runTool(pgTool('pg_restore'), ['--no-owner', '--no-acl', '--exit-on-error', '-d', url, source], env);
    return;
  }
  if (kind !== 'embedded') {
    throw new BackupError(
      `${source} is not an embedded-database backup.` +
        (kind === 'postgres' ? ' It is a PostgreSQL backup: set DATABASE_URL to restore it.' : ''),
    );
  }
  const dataDir = path.resolve(location.dataDir);
  requireEmptyFolder(dataDir);
  const release = acquireDataDirLock(dataDir);
  try {
    requireEmptyFolder(dataDir, 'navet.lock');
    const blob = new Blob([fs.readFileSync(source)], { type: 'application/gzip' });
    const client = new PGlite(path.join(dataDir, 'pg'), { loadDataDir: blob });
    await client.waitReady;
    await client.close();
  } catch (err) {
    // Leave no half-restored folder behind: the next attempt needs it empty.
    fs.rmSync(path.join(dataDir, 'pg'), { recursive: true, force: true });
    throw err;
  } finally {
    release();
  }
}

function requireEmptyFolder(dataDir: string, ...allowed: string[]): void {
  if (!fs.existsSync(dataDir)) return;
  const entries = fs.readdirSync(dataDir).filter((e) => !allowed.includes(e));
  if (entries.length > 0) {
    throw new BackupError(
      `The data folder ${dataDir} is not empty. Restore only into an empty or new folder ` +
        '(set NAVET_DATA_DIR), so that no data is overwritten.',
    );
  }
}

async function requireEmptyPostgres(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p', 'v', 'm', 'S') and n.nspname not in ('pg_catalog', 'information_schema')
         and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'`,
    );
    if (Number(rows[0]?.n ?? 0) > 0) {
      throw new BackupError(
        'The database in DATABASE_URL is not empty. Restore only into a new, empty database, so that no data is overwritten.',
      );
    }
  } finally {
    await client.end();
  }
}
