import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateDatabase, rawQuery, type PrivateDatabase } from '../test/private-database.ts';
import { runNavet } from '../test/navet-process.ts';
import { verifyAudit } from '../audit/verify.ts';
import { verifyPassword } from '../domain/auth/passwords.ts';
import { parseAdminArgs } from './admin.ts';
import { CliError } from './cli-error.ts';

const PASSWORD = 'stor älg i skogen';
/** A spawned CLI opens the database itself: generous, for a busy two-core machine. */
const SPAWN_TIMEOUT = 120_000;
const flags = (email: string) => [
  'admin',
  'create',
  '--tenant',
  'Ragunda',
  '--org',
  'Ragunda kommun, socialtjänsten',
  '--org-type',
  'municipality',
  '--email',
  email,
  '--name',
  'Rut Admin',
];

let priv: PrivateDatabase;
beforeAll(async () => {
  priv = await privateDatabase({ migrated: true });
});
afterAll(async () => priv?.drop());

describe('navet admin create', { timeout: SPAWN_TIMEOUT }, () => {
  it('creates the tenant (TOTP required), its organisation and a tenant admin, audited', async () => {
    const res = await runNavet(flags('Rut.Admin@Ragunda.example'), { ...priv.env, NAVET_ADMIN_PASSWORD: PASSWORD });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Created the tenant "Ragunda"');

    const database = await priv.open();
    try {
      const [user] = await rawQuery<{ id: string; tenant_id: string; password_hash: string; display_name: string }>(
        database,
        `select id, tenant_id, password_hash, display_name from users where email = 'rut.admin@ragunda.example'`,
      );
      expect(user?.display_name).toBe('Rut Admin');
      expect(user?.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user!.password_hash, PASSWORD)).toBe(true);
      const [tenant] = await rawQuery<{ name: string; require_totp: boolean }>(
        database,
        'select name, require_totp from tenants where id = $1',
        [user!.tenant_id],
      );
      expect(tenant).toEqual({ name: 'Ragunda', require_totp: true });
      const members = await rawQuery<{ role: string; principal_type: string; name: string }>(
        database,
        `select m.role, o.principal_type, o.name from memberships m join organisations o on o.id = m.organisation_id
         where m.user_id = $1`,
        [user!.id],
      );
      expect(members).toEqual([
        { role: 'tenant_admin', principal_type: 'municipality', name: 'Ragunda kommun, socialtjänsten' },
      ]);
      const actions = await rawQuery<{ action: string }>(
        database,
        'select action from audit_log where chain = $1 order by seq',
        [user!.tenant_id],
      );
      expect(actions.map((a) => a.action)).toEqual(['tenant.created', 'organisation.created', 'user.created']);
      const report = (await verifyAudit(database.db)).find((r) => r.chain === user!.tenant_id);
      expect(report?.ok).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('refuses an e-mail that exists already, whatever its case, with exit code 2', async () => {
    const res = await runNavet(flags('RUT.ADMIN@ragunda.example'), { ...priv.env, NAVET_ADMIN_PASSWORD: PASSWORD });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('A user with the e-mail rut.admin@ragunda.example exists already.');
  });
});

// The flag and password checks run before any database work: tested in-process,
// while the exit code they map to is proven by the duplicate e-mail run above.
describe('admin create input', () => {
  const withPassword = async (password: string | undefined, args: string[]) => {
    const saved = process.env.NAVET_ADMIN_PASSWORD;
    if (password === undefined) delete process.env.NAVET_ADMIN_PASSWORD;
    else process.env.NAVET_ADMIN_PASSWORD = password;
    try {
      return await parseAdminArgs(args);
    } finally {
      if (saved === undefined) delete process.env.NAVET_ADMIN_PASSWORD;
      else process.env.NAVET_ADMIN_PASSWORD = saved;
    }
  };
  const args = flags('Ny@Ragunda.example').slice(2);

  it('reads the flags, lower-cases the e-mail and requires TOTP unless --no-totp', async () => {
    expect(await withPassword(PASSWORD, args)).toEqual({
      tenant: 'Ragunda',
      org: 'Ragunda kommun, socialtjänsten',
      orgType: 'municipality',
      email: 'ny@ragunda.example',
      name: 'Rut Admin',
      password: PASSWORD,
      requireTotp: true,
    });
    expect((await withPassword(PASSWORD, [...args, '--no-totp'])).requireTotp).toBe(false);
  });

  it('refuses a weak or common password with exit code 2', async () => {
    await expect(withPassword('kort', args)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/The password is not accepted: Use at least 12 characters/),
    });
    await expect(withPassword('password1234', args)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/too common/),
    });
  });

  it('asks for the password only on a terminal', async () => {
    await expect(withPassword(undefined, args)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/Set NAVET_ADMIN_PASSWORD/),
    });
  });

  it('names missing and bad flags', async () => {
    const bad = withPassword(PASSWORD, ['--tenant', 'X', '--email', 'nope', '--org-type', 'castle']);
    await expect(bad).rejects.toBeInstanceOf(CliError);
    await expect(bad).rejects.toThrow(/--org is required.*--org-type: one of municipality.*--email/);
    await expect(withPassword(PASSWORD, [...args, '--bogus'])).rejects.toThrow(/Unknown option '--bogus'/);
  });
});
