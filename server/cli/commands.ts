import { sealAudit } from '../audit/seal.ts';
import { UNSEALED_LIMIT_MS, verifyAudit, type ChainReport } from '../audit/verify.ts';
import { loadConfig } from '../config.ts';
import { backup, restore } from '../db/backup.ts';
import { openDatabase, type Database } from '../db/connect.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { hasAnyTenant, seedDemo } from '../demo/seed.ts';
import { createTenantAdmin, parseAdminArgs } from './admin.ts';
import { grantAppRole, migrateOrCheck } from './app-role.ts';
import { CliError } from './cli-error.ts';

type Command = (args: string[]) => Promise<number>;

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

function oneFile(args: string[], command: string): string {
  const [file, ...extra] = args;
  if (!file || extra.length > 0 || file.startsWith('-')) throw new CliError(`Usage: navet ${command} FILE`);
  return file;
}

function where(): string {
  const config = loadConfig();
  return config.databaseUrl ? 'the PostgreSQL database in DATABASE_URL' : `the embedded database in ${config.dataDir}`;
}

function unsealedLimit(args: string[]): number {
  if (args.length === 0) return UNSEALED_LIMIT_MS;
  const [flag, value, ...extra] = args;
  const seconds = Number(value);
  if (flag !== '--unsealed-limit' || !value || !Number.isInteger(seconds) || seconds < 0 || extra.length > 0)
    throw new CliError('Usage: navet audit verify [--unsealed-limit SECONDS]');
  return seconds * 1000;
}

function describeChain(r: ChainReport, limitMs: number): string {
  const waiting = r.unsealed
    ? `; ${r.unsealed.rows} waiting for the sealer (oldest ${r.unsealed.oldest.toISOString()})`
    : '';
  if (r.brokenAt)
    return `BROKEN  chain ${r.chain}: first broken link at seq ${r.brokenAt.seq} (row id ${r.brokenAt.id ?? '-'}): ${r.brokenAt.reason}${waiting}`;
  if (!r.ok)
    return `UNSEALED chain ${r.chain}: ${r.rows} rows; ${r.unsealed?.overdue} rows unsealed for more than ${limitMs / 1000} s${waiting} (is the server's sealer running? \`navet audit seal\` chains them)`;
  return `ok      chain ${r.chain}: ${r.rows} rows${waiting}`;
}

export const commands: Record<string, Command> = {
  migrate: () =>
    withDatabase(async (d) => {
      await d.migrate();
      console.log('Migrations are up to date.');
      const role = process.env.NAVET_APP_ROLE;
      if (role) {
        if (!d.pool) throw new CliError('NAVET_APP_ROLE applies to PostgreSQL only (set DATABASE_URL).');
        await grantAppRole(d.pool, role);
        console.log(
          `Granted the application role "${role}" its privileges; on audit_log only SELECT, INSERT and sealing.`,
        );
      }
      return 0;
    }),

  demo: () =>
    withDatabase(async (d) => {
      await migrateOrCheck(d);
      if (await hasAnyTenant(d.db)) {
        const { demoTenant } = await import('../domain/auth/repo.ts');
        if (await demoTenant(d.db)) {
          console.log('The demo tenant exists already.');
          return 0;
        }
      }
      await seedDemo(d.db);
      await sealAudit(d.db);
      console.log('Seeded the demo tenant "Strömsund (demo)".');
      return 0;
    }),

  'admin create': async (args) => {
    const input = await parseAdminArgs(args);
    return withDatabase(async (d) => {
      await migrateOrCheck(d);
      const created = await createTenantAdmin(d.db, input);
      // No server may be running yet to seal the new tenant's first rows.
      await sealAudit(d.db);
      console.log(`Created the tenant "${input.tenant}" (${created.tenantId}) with the organisation "${input.org}".`);
      console.log(`Tenant admin: ${input.email}. ${input.requireTotp ? 'TOTP is set up at the first login.' : ''}`);
      return 0;
    });
  },

  'audit verify': (args) => {
    const unsealedLimitMs = unsealedLimit(args);
    return withDatabase(async (d) => {
      const reports = await verifyAudit(d.db, { unsealedLimitMs, secretKey: loadConfig().secretKey });
      for (const r of reports) console.log(describeChain(r, unsealedLimitMs));
      const ok = reports.every((r) => r.ok);
      if (reports.length === 0) console.log('The audit log is empty.');
      console.log(ok ? 'Audit log verified.' : 'Audit log verification FAILED.');
      return ok ? 0 : 1;
    });
  },

  'audit seal': (args) => {
    if (args.length > 0) throw new CliError('Usage: navet audit seal');
    return withDatabase(async (d) => {
      const n = await sealAudit(d.db);
      console.log(`Sealed ${n} audit rows.`);
      return 0;
    });
  },

  backup: async (args) => {
    const file = oneFile(args, 'backup');
    const config = loadConfig();
    try {
      await backup({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, file);
    } catch (err) {
      if (err instanceof DataDirLockedError) {
        throw new CliError(
          `${err.message}\nA backup of the embedded database needs the data folder free: stop the server, ` +
            'run the backup, then start the server again.',
          3,
        );
      }
      throw err;
    }
    console.log(`Wrote a backup of ${where()} to ${file}.`);
    return 0;
  },

  restore: async (args) => {
    const file = oneFile(args, 'restore');
    const config = loadConfig();
    await restore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, file);
    console.log(`Restored ${file} into ${where()}. Run \`navet audit verify\` to check the audit log.`);
    return 0;
  },
};
