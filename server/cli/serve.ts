import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { DEMO_PASSWORD, demoUsers, hasAnyTenant, seedDemo } from '../demo/seed.ts';
import { buildApp } from '../http/app.ts';
import { scheduleDailySweep } from '../domain/events/jobs.ts';
import { startJobRunner } from '../jobs/index.ts';
import { migrateOrCheck } from './app-role.ts';

export async function serve(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (database.kind === 'pglite') {
    console.log(
      [
        `Navet is using the embedded database in ${config.dataDir}.`,
        'The embedded mode is for trying Navet and for small installations; use PostgreSQL (DATABASE_URL) in production.',
        'The embedded database does not fsync: a crash of the process is safe, but a crash of the operating system can lose the last commits.',
      ].join('\n'),
    );
  }
  await migrateOrCheck(database);
  let seeded = false;
  if (database.kind === 'pglite' && !(await hasAnyTenant(database.db))) {
    await seedDemo(database.db);
    seeded = true;
  }
  const app = await buildApp({ db: database.db, kind: database.kind, config }, { logger: true, serveClient: true });
  // Reminders, escalations and e-mail pings: persisted jobs, run by every server process.
  const runner = startJobRunner({ db: database.db, kind: database.kind, config });
  await scheduleDailySweep(database.db);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    await runner.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host}:${config.port}`;
  console.log(`\nNavet is running at ${url}`);
  if (seeded || (database.kind === 'pglite' && (await isDemo(database.db)))) {
    console.log(`Demo tenant "Strömsund (demo)": every demo login uses the password ${DEMO_PASSWORD}`);
    for (const u of demoUsers) console.log(`  ${u.role.padEnd(18)} ${u.email}`);
  }
}

async function isDemo(db: Parameters<typeof hasAnyTenant>[0]): Promise<boolean> {
  const { demoTenant } = await import('../domain/auth/repo.ts');
  return (await demoTenant(db)) !== null;
}
