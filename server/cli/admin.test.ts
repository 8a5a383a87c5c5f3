import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateDatabase, rawQuery, type PrivateDatabase } from '../test/private-database.ts';
import { runNavet } from '../test/navet-process.ts';
import { verifyAudit } from '../audit/verify.ts';
import { verifyPassword } from '../domain/auth/passwords.ts';

const PASSWORD = 'stor älg i skogen';
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

describe('navet admin create', () => {
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

  it('refuses a weak or common password with exit code 2', async () => {
    const short = await runNavet(flags('a@ragunda.example'), { ...priv.env, NAVET_ADMIN_PASSWORD: 'kort' });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/The password is not accepted: Use at least 12 characters/);
    const common = await runNavet(flags('a@ragunda.example'), { ...priv.env, NAVET_ADMIN_PASSWORD: 'password1234' });
    expect(common.code).toBe(2);
    expect(common.stderr).toMatch(/too common/);
  });

  it('asks for the password only on a terminal, and names missing or bad flags', async () => {
    const noPassword = await runNavet(flags('b@ragunda.example'), priv.env);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toMatch(/Set NAVET_ADMIN_PASSWORD/);
    const bad = await runNavet(['admin', 'create', '--tenant', 'X', '--email', 'nope', '--org-type', 'castle'], {
      ...priv.env,
      NAVET_ADMIN_PASSWORD: PASSWORD,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--org is required/);
    expect(bad.stderr).toMatch(/--email/);
    expect(bad.stderr).toMatch(/--org-type: one of municipality/);
  });
});
