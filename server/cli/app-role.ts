import type pg from 'pg';
import { CliError } from './cli-error.ts';

/**
 * Least privilege for the role the server connects as (PostgreSQL only): it may
 * read and write the application's tables, but on audit_log only SELECT and
 * INSERT, so not even a compromised server can rewrite history. The owner (the
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
