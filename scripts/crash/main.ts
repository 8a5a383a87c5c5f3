// The crash suite: runs Navet under a write load, kills it with SIGKILL at random
// moments, restarts it and checks that every acknowledged write survived whole.
//   npm run test:crash -- --db embedded --rounds 20 [--seed N] [--keep]
//   DATABASE_URL=postgres://… npm run test:crash -- --db pg --rounds 20
//   eval "$(NAVET_PG_FSYNC=on scripts/pg-throwaway.sh start)"; npm run test:crash -- --db pg --kill-database-every 4
// See scripts/crash/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { seededRandom } from './rng.ts';
import { runRounds } from './rounds.ts';
import { runNavet, type Target } from './server.ts';

function options() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'embedded' },
      rounds: { type: 'string', default: '20' },
      seed: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'kill-database-every': { type: 'string' },
    },
  });
  const rounds = Number(values.rounds);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  if (values.db !== 'embedded' && values.db !== 'pg') throw new Error('--db is embedded or pg');
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds is a whole number, 1 or more');
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed is a whole number, 0 or more');
  const every = values['kill-database-every'] === undefined ? null : Number(values['kill-database-every']);
  if (every !== null) {
    if (values.db !== 'pg') throw new Error('--kill-database-every needs --db pg');
    if (!Number.isInteger(every) || every < 1) throw new Error('--kill-database-every is a whole number, 1 or more');
    if (!process.env.NAVET_PG_DIR)
      throw new Error('--kill-database-every needs NAVET_PG_DIR: a throwaway cluster (scripts/pg-throwaway.sh)');
  }
  const database = every === null ? undefined : { dir: process.env.NAVET_PG_DIR!, every };
  return { db: values.db, rounds, seed, keep: values.keep, database };
}

/** A fresh database next to the one in DATABASE_URL, so the suite never meets another test's rows. */
async function freshDatabase(url: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`drop database if exists "${name}" with (force)`);
  await admin(`create database "${name}"`);
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return { url: fresh.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}

async function main(): Promise<number> {
  const opts = options();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `navet-crash-${opts.db}-`));
  const logPath = path.join(workDir, 'server.log');
  const log = fs.createWriteStream(logPath);
  let target: Target;
  let cleanup = async () => {};
  if (opts.db === 'pg') {
    const url = process.env.DATABASE_URL;
    if (!url)
      throw new Error('--db pg needs DATABASE_URL (a PostgreSQL 15+ server the suite may create a database on)');
    const fresh = await freshDatabase(url, `navet_crash_${process.pid}`);
    target = { kind: 'pg', url: fresh.url };
    cleanup = fresh.drop;
    const seeded = await runNavet(target, ['demo']);
    if (seeded.code !== 0) throw new Error(`navet demo exited ${seeded.code}:\n${seeded.output}`);
  } else {
    target = { kind: 'embedded', dataDir: path.join(workDir, 'data') };
  }
  console.log(
    `Crash suite on ${opts.db === 'pg' ? 'PostgreSQL (a fresh database)' : `the embedded database in ${workDir}/data`}: ` +
      `${opts.rounds} rounds${opts.database ? `, every ${opts.database.every}th killing PostgreSQL itself` : ''}, ` +
      `seed ${opts.seed} (repeat with --seed ${opts.seed}); server log ${logPath}`,
  );
  const started = Date.now();
  const result = await runRounds({
    target,
    rounds: opts.rounds,
    random: seededRandom(opts.seed),
    tag: `crash-${opts.seed}`,
    log,
    database: opts.database,
  });
  log.end();
  const time = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `Total (${opts.db}): ${opts.rounds} rounds in ${time} s, ${result.acknowledged} acknowledged writes, ` +
      `${result.inFlight} create(s) cut off in flight, ${result.findings.length} finding(s).`,
  );
  if (result.findings.length > 0) {
    console.log(
      `FAILED (${opts.db}, seed ${opts.seed}): acknowledged data lost or half-written, or no clean recovery.`,
    );
    console.log(
      `Kept for a look: ${workDir} (server.log${target.kind === 'pg' ? `; database ${target.url}` : ', data/'}).`,
    );
    return 1;
  }
  if (!opts.keep) {
    await cleanup();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  return 0;
}

// Stopped from outside (Ctrl-C, a CI timeout): exit, so the exit hook kills the server under test.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(2);
  },
);
