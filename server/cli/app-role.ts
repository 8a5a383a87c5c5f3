import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { migrationsFolder, type Database } from '../db/connect.ts';
import { MINIMUM_MONTHS } from '../domain/retention/defaults.ts';
import { CliError } from './cli-error.ts';

/**
 * Least privilege for the role the server connects as (PostgreSQL only): it may
 * read and write the application's tables, but on audit_log only SELECT,
 * INSERT of unsealed rows, UPDATE of the seal columns of a row not sealed
 * yet (the sealer), and DELETE of sealed rows older than the installation's
 * audit minimum (the retention cut, which leaves a signed checkpoint), so not
 * even a compromised server can rewrite recent history. The owner (the
 * role that runs `navet migrate`) keeps DDL. Not a migration: the role's name is
 * the installation's business, not the schema's.
 */
export async function grantAppRole(pool: pg.Pool, role: string): Promise<void> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>(
      'select exists(select 1 from pg_roles where rolname = $1) as ok',
      [role],
    );
    if (!rows[0]?.ok) throw new CliError(`The role "${role}" (NAVET_APP_ROLE) does not exist. Create it first.`);
    const r = client.escapeIdentifier(role);
    await client.query('begin');
    await client.query(`grant usage on schema public to ${r}`);
    await client.query(`grant select, insert, update, delete on all tables in schema public to ${r}`);
    await client.query(`grant usage, select on all sequences in schema public to ${r}`);
    await client.query(`revoke update, delete, truncate on audit_log from ${r}`);
    // The sealer runs in the server, as this role: it may fill in the three seal columns and nothing else…
    await client.query(`grant update (seq, prev_hash, hash) on audit_log to ${r}`);
    // …and the retention run cuts the oldest rows: only sealed ones past the floor no admin may go below.
    await client.query(`grant delete on audit_log to ${r}`);
    // …and only on a row not sealed yet, so a sealed row cannot be re-chained by the server either. Policies
    // filter what the grants allow; they name no role, so a restore into another cluster keeps them.
    await client.query('alter table audit_log enable row level security');
    for (const [name, rule] of [
      ['audit_read', 'for select using (true)'],
      ['audit_append', 'for insert with check (seq is null)'],
      ['audit_seal', 'for update using (seq is null) with check (seq is not null)'],
      ['audit_cut', `for delete using (seq is not null and at < now() - interval '${MINIMUM_MONTHS.audit} months')`],
    ] as const) {
      await client.query(`drop policy if exists ${name} on audit_log`);
      await client.query(`create policy ${name} on audit_log ${rule}`);
    }
    // The server runs the migrator at start; reading the journal lets it see there is nothing to do.
    await client.query(`grant usage on schema drizzle to ${r}`);
    await client.query(`grant select on all tables in schema drizzle to ${r}`);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The SQLSTATE of a PostgreSQL error, looking through Drizzle's wrapping. */
export function pgErrorCode(err: unknown): string | undefined {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Whether the database has every committed migration, by Drizzle's own rule (the
 * newest applied migration's timestamp). For a server that connects as the
 * application role: it cannot run DDL, and need not when `navet migrate` ran.
 */
export async function migrationsApplied(pool: pg.Pool): Promise<boolean> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  const newest = Math.max(0, ...journal.entries.map((e) => e.when));
  try {
    const { rows } = await pool.query<{ at: string | null }>(
      'select max(created_at) as at from drizzle.__drizzle_migrations',
    );
    return Number(rows[0]?.at ?? 0) >= newest;
  } catch {
    return false;
  }
}

/**
 * Migrates, unless the process connects as a least-privilege role (see
 * NAVET_APP_ROLE) that may not run DDL: then `navet migrate` has run as the
 * owner, and the server only checks that nothing is pending.
 */
export async function migrateOrCheck(database: Database): Promise<void> {
  try {
    await database.migrate();
  } catch (err) {
    if (!database.pool || pgErrorCode(err) !== '42501') throw err;
    if (!(await migrationsApplied(database.pool))) {
      throw new Error(
        'The database role may not run migrations and some are pending. Run `navet migrate` as the owner first.',
        { cause: err },
      );
    }
    console.log('Connected as a role without DDL rights; migrations are up to date.');
  }
}
