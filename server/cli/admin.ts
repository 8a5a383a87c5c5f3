import { parseArgs } from 'node:util';
import { z } from 'zod';
import { limits } from '../../common/limits.ts';
import { PrincipalType, principalTypes } from '../../common/roles.ts';
import { audit } from '../audit/write.ts';
import type { Db } from '../db/connect.ts';
import { findUserByEmail } from '../domain/auth/repo.ts';
import { hashPassword, passwordProblem } from '../domain/auth/passwords.ts';
import { memberships, organisations, tenants, users } from '../domain/tenancy/tables.ts';
import { pgErrorCode } from './app-role.ts';
import { CliError } from './cli-error.ts';
import { askSecret, isInteractive } from './prompt.ts';

export interface NewTenantAdmin {
  tenant: string;
  org: string;
  orgType: PrincipalType;
  email: string;
  name: string;
  password: string;
  /** Every user of the tenant passes a TOTP step at login; on unless --no-totp. */
  requireTotp: boolean;
}

const name = z.string().trim().min(1).max(limits.nameMax);
const Options = z.object({
  tenant: name,
  org: name,
  'org-type': PrincipalType.default('municipality'),
  email: z.email().max(limits.emailMax),
  name,
  'no-totp': z.boolean().default(false),
});

/** Reads the flags; the password comes from NAVET_ADMIN_PASSWORD or the terminal, never from argv. */
export async function parseAdminArgs(args: string[]): Promise<NewTenantAdmin> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args,
      options: {
        tenant: { type: 'string' },
        org: { type: 'string' },
        'org-type': { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        'no-totp': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
  const parsed = Options.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const flag = `--${i.path.join('.')}`;
      if (i.path[0] === 'org-type') return `${flag}: one of ${principalTypes.join(', ')}`;
      return i.code === 'invalid_type' ? `${flag} is required` : `${flag}: ${i.message}`;
    });
    throw new CliError(`admin create: ${problems.join('; ')}`);
  }
  const o = parsed.data;
  const password = await readPassword();
  const problem = passwordProblem(password);
  if (problem) throw new CliError(`The password is not accepted: ${problem}`);
  return {
    tenant: o.tenant,
    org: o.org,
    orgType: o['org-type'],
    email: o.email.toLowerCase(),
    name: o.name,
    password,
    requireTotp: !o['no-totp'],
  };
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.NAVET_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!isInteractive()) {
    throw new CliError('Set NAVET_ADMIN_PASSWORD, or run the command on a terminal to be asked for the password.');
  }
  const first = await askSecret('Password for the new admin: ');
  const again = await askSecret('Repeat the password: ');
  if (first !== again) throw new CliError('The two passwords differ.');
  return first;
}

/** Creates the tenant, its first organisation and the tenant admin, audited in one transaction. */
export async function createTenantAdmin(
  db: Db,
  input: NewTenantAdmin,
): Promise<{ tenantId: string; organisationId: string; userId: string }> {
  const duplicate = new CliError(`A user with the e-mail ${input.email} exists already.`);
  if (await findUserByEmail(db, input.email)) throw duplicate;
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [tenant] = await tx
        .insert(tenants)
        .values({ name: input.tenant, requireTotp: input.requireTotp })
        .returning();
      if (!tenant) throw new Error('tenant insert failed');
      const [org] = await tx
        .insert(organisations)
        .values({ tenantId: tenant.id, name: input.org, principalType: input.orgType })
        .returning();
      if (!org) throw new Error('organisation insert failed');
      const [user] = await tx
        .insert(users)
        .values({ tenantId: tenant.id, email: input.email, displayName: input.name, passwordHash })
        .returning();
      if (!user) throw new Error('user insert failed');
      await tx
        .insert(memberships)
        .values({ tenantId: tenant.id, userId: user.id, organisationId: org.id, role: 'tenant_admin' });
      // No actor: the operator at the server's console did this, which the source says.
      const by = { tenantId: tenant.id, actorUserId: null, organisationId: null };
      await audit(tx, [
        { ...by, action: 'tenant.created', entity: 'tenant', entityId: tenant.id, detail: { source: 'cli' } },
        { ...by, action: 'organisation.created', entity: 'organisation', entityId: org.id, detail: { source: 'cli' } },
        {
          ...by,
          action: 'user.created',
          entity: 'user',
          entityId: user.id,
          detail: { source: 'cli', role: 'tenant_admin', organisationId: org.id },
        },
      ]);
      return { tenantId: tenant.id, organisationId: org.id, userId: user.id };
    });
  } catch (err) {
    // Two operators racing on one e-mail: the unique index decides.
    if (pgErrorCode(err) === '23505') throw duplicate;
    throw err;
  }
}
