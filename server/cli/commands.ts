import { verifyAudit } from '../audit/verify.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/connect.ts';
import { hasAnyTenant, seedDemo } from '../demo/seed.ts';

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

export const commands: Record<string, Command> = {
  migrate: () =>
    withDatabase(async (d) => {
      await d.migrate();
      console.log('Migrations are up to date.');
      return 0;
    }),

  demo: () =>
    withDatabase(async (d) => {
      await d.migrate();
      if (await hasAnyTenant(d.db)) {
        const { demoTenant } = await import('../domain/auth/repo.ts');
        if (await demoTenant(d.db)) {
          console.log('The demo tenant exists already.');
          return 0;
        }
      }
      await seedDemo(d.db);
      console.log('Seeded the demo tenant "Strömsund (demo)".');
      return 0;
    }),

  'audit verify': () =>
    withDatabase(async (d) => {
      const reports = await verifyAudit(d.db);
      let ok = true;
      for (const r of reports) {
        if (r.ok) console.log(`ok      chain ${r.chain}: ${r.rows} rows`);
        else {
          ok = false;
          console.log(
            `BROKEN  chain ${r.chain}: first broken link at seq ${r.brokenAt?.seq} (row id ${r.brokenAt?.id ?? '-'}): ${r.brokenAt?.reason}`,
          );
        }
      }
      if (reports.length === 0) console.log('The audit log is empty.');
      console.log(ok ? 'Audit log verified.' : 'Audit log verification FAILED.');
      return ok ? 0 : 1;
    }),
};
