import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/connect.ts';
import { seedDataDirFromTemplate } from './embedded-template.ts';

/** The application's modules: loaded while the database starts (see serve). */
async function loadApplication() {
  const [seed, http, events, competence, jobs, appRole, auth, seal, retention, rollup] = await Promise.all([
    import('../demo/seed.ts'),
    import('../http/app.ts'),
    import('../domain/events/jobs.ts'),
    import('../domain/competence/jobs.ts'),
    import('../jobs/index.ts'),
    import('./app-role.ts'),
    import('../domain/auth/repo.ts'),
    import('../audit/seal.ts'),
    import('../domain/retention/execute.ts'),
    import('../domain/followup/rollup-jobs.ts'),
  ]);
  return {
    ...seed,
    ...http,
    ...events,
    ...competence,
    ...jobs,
    ...appRole,
    ...seal,
    ...retention,
    ...rollup,
    demoTenant: auth.demoTenant,
  };
}

export async function serve(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) await seedDataDirFromTemplate(config.dataDir);
  // PGlite compiles its WebAssembly on other threads: load the application meanwhile, not after.
  const [database, m] = await Promise.all([
    openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }),
    loadApplication(),
  ]);
  if (database.kind === 'pglite') {
    console.log(
      [
        `Navet is using the embedded database in ${config.dataDir}.`,
        'The embedded mode is for trying Navet and for small installations; use PostgreSQL (DATABASE_URL) in production.',
        'The embedded database does not fsync: a crash of the process is safe, but a crash of the operating system can lose the last commits.',
      ].join('\n'),
    );
  }
  await m.migrateOrCheck(database);
  let seeded = false;
  if (database.kind === 'pglite' && !(await m.hasAnyTenant(database.db))) {
    await m.seedDemo(database.db);
    seeded = true;
  }
  const app = await m.buildApp({ db: database.db, kind: database.kind, config }, { logger: true, serveClient: true });
  // Reminders, escalations and e-mail pings: persisted jobs, run by every server process.
  const runner = m.startJobRunner({ db: database.db, kind: database.kind, config });
  // Requests write their audit rows unsealed; this chains them within about a second (one sealer at a time).
  const sealer = m.startAuditSealer(database.db);
  await m.scheduleDailySweep(database.db);
  await m.scheduleLapseSweep(database.db);
  await m.scheduleRetention(database.db);
  await m.scheduleRollupSweep(database.db);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    await runner.stop();
    await app.close();
    // After the last request: a clean stop leaves no row unsealed.
    await sealer.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host}:${config.port}`;
  console.log(`\nNavet is running at ${url}`);
  if (seeded || (database.kind === 'pglite' && (await isDemo(database, m.demoTenant)))) {
    console.log(`Demo tenant "Strömsund (demo)": every demo login uses the password ${m.DEMO_PASSWORD}`);
    for (const u of m.demoUsers) console.log(`  ${u.role.padEnd(18)} ${u.email}`);
  }
}

async function isDemo(database: Database, demoTenant: (db: Database['db']) => Promise<unknown>): Promise<boolean> {
  return (await demoTenant(database.db)) !== null;
}
