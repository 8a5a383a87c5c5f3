import type fs from 'node:fs';
import { z } from 'zod';
import { openDatabase } from '../../server/db/connect.ts';
import { DEMO_PASSWORD } from '../../server/demo/seed.ts';
import { Client } from './client.ts';
import { checkResumed, killDatabase, probeWhileDown, restartDatabase } from './database-kill.ts';
import { newLedger, type Ledger } from './ledger.ts';
import { runLoad } from './load.ts';
import { between } from './rng.ts';
import {
  killHard,
  lockHolder,
  runNavet,
  startServer,
  stopServer,
  waitForHealth,
  type Server,
  type Target,
} from './server.ts';
import { checkThroughApi } from './verify-api.ts';
import { checkDatabase, unsealedBefore } from './verify-db.ts';
import { readWorld, type World } from './world.ts';

export interface RunOptions {
  target: Target;
  rounds: number;
  random: () => number;
  tag: string;
  log: fs.WriteStream;
  /**
   * PostgreSQL only: every `every`-th round kills the database (the throwaway cluster in `dir`) instead of
   * Navet, restarts it, and checks that the same Navet carried on (`database-kill.ts`).
   */
  database?: { dir: string; every: number };
}

export interface RunResult {
  findings: string[];
  acknowledged: number;
  inFlight: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// Each in-process open of the embedded folder adds an exit listener that the lock's release leaves behind
// (server/db/lock.ts); harmless for a server that opens once, noise for a suite that opens ten times.
process.setMaxListeners(50);

/**
 * Opens the database in this process, as the next process after a crash would,
 * and checks it whole. On the embedded database this takes over the dead
 * server's lock: the lock must name the dead server before, us while open, and
 * nobody after a clean close.
 */
async function checkOffline(
  opts: RunOptions,
  ledger: Ledger,
  deadPid: number | null,
  sealedBefore: Date | null,
): Promise<string[]> {
  const { target } = opts;
  const out: string[] = [];
  if (target.kind === 'embedded') {
    const before = lockHolder(target.dataDir);
    if (before !== deadPid) out.push(`LOCK: expected the dead server's pid ${deadPid} in navet.lock, found ${before}`);
  }
  const database = await openDatabase(
    target.kind === 'pg' ? { databaseUrl: target.url, poolSize: 2 } : { dataDir: target.dataDir },
  );
  try {
    if (target.kind === 'embedded' && lockHolder(target.dataDir) !== process.pid)
      out.push(`LOCK: the dead server's lock was not taken over (navet.lock holds ${lockHolder(target.dataDir)})`);
    out.push(...(await checkDatabase(database.db, ledger, opts.tag)));
    // The sealer is not on the request path: what a server left unsealed, the next one must chain.
    const unsealed = sealedBefore ? await unsealedBefore(database.db, sealedBefore) : 0;
    if (unsealed > 0)
      out.push(`SEALER: ${unsealed} audit rows written before ${sealedBefore?.toISOString()} are still unsealed`);
  } finally {
    await database.close();
  }
  if (target.kind === 'embedded' && lockHolder(target.dataDir) !== null)
    out.push('LOCK: navet.lock is still there after a clean close');
  return out;
}

async function start(
  opts: RunOptions,
  expectedHolder: number | null | 'any',
): Promise<{ server: Server; out: string[] }> {
  const out: string[] = [];
  const { target } = opts;
  if (target.kind === 'embedded' && expectedHolder !== 'any') {
    const before = lockHolder(target.dataDir);
    if (before !== expectedHolder) out.push(`LOCK: expected pid ${expectedHolder} in navet.lock, found ${before}`);
  }
  const server = await startServer(target, opts.log);
  try {
    await waitForHealth(server);
  } catch (err) {
    await killHard(server);
    throw err;
  }
  if (target.kind === 'embedded' && lockHolder(target.dataDir) !== server.process.pid)
    out.push(`LOCK: the server (pid ${server.process.pid}) does not hold navet.lock (${lockHolder(target.dataDir)})`);
  return { server, out };
}

async function login(server: Server): Promise<[Client, Client]> {
  const socialWorker = new Client(server.base, 'socialsekreterare@demo.navet.se');
  const contactPerson = new Client(server.base, 'kontaktperson@demo.navet.se');
  await socialWorker.login(DEMO_PASSWORD);
  await contactPerson.login(DEMO_PASSWORD);
  return [socialWorker, contactPerson];
}

const Me = z.object({ user: z.object({ id: z.string().uuid() }) });

/** The manager only reads, in the load's read loop: their child.read and child.list rows are the load's. */
async function loginReader(server: Server, ledger: Ledger): Promise<Client> {
  const reader = new Client(server.base, 'chef@demo.navet.se');
  await reader.login(DEMO_PASSWORD);
  ledger.readerId ??= (await reader.get('/api/auth/me', Me)).user.id;
  return reader;
}

function report(label: string, parts: string[], findings: string[]): void {
  console.log(`${label}: ${parts.join(', ')}${findings.length ? '' : ', whole'}`);
  for (const f of findings.slice(0, 20)) console.log(`    ${f}`);
  if (findings.length > 20) console.log(`    … and ${findings.length - 20} more`);
}

/**
 * The rounds: start (after a crash: restart), check the last round's writes
 * through the API, log in, write from several loops, SIGKILL at a random
 * moment. The database check runs every round on PostgreSQL; on the embedded
 * database every other round, so that in the rounds between the server itself
 * is the first to open the folder after the crash and must take over the lock.
 */
export async function runRounds(opts: RunOptions): Promise<RunResult> {
  const state: RoundState = { ledger: newLedger(), world: null, deadPid: null, startedAt: null };
  const findings: string[] = [];
  const result = () => ({
    findings,
    acknowledged: [...state.ledger.acks.values()].reduce((a, b) => a + b, 0),
    inFlight: state.ledger.maybe.length,
  });
  for (let round = 1; round <= opts.rounds; round++) {
    const out: string[] = [];
    const parts: string[] = [];
    try {
      await oneRound(opts, state, round, out, parts);
    } catch (err) {
      // The server did not come back, or the round could not run: a finding, and the end of this run.
      out.push(`ABORTED: ${err instanceof Error ? err.message : String(err)}`);
      report(`round ${String(round).padStart(2)}/${opts.rounds}`, parts, out);
      findings.push(...out.map((f) => `round ${round}: ${f}`));
      return result();
    }
    report(`round ${String(round).padStart(2)}/${opts.rounds}`, parts, out);
    findings.push(...out.map((f) => `round ${round}: ${f}`));
  }
  try {
    findings.push(...(await finalChecks(opts, state.ledger, state.deadPid)));
  } catch (err) {
    findings.push(`final: ABORTED: ${err instanceof Error ? err.message : String(err)}`);
  }
  return result();
}

/** Resolves with the milliseconds until the round's first write is acknowledged (or every loop stopped). */
async function firstAck(ledger: Ledger, round: number, load: Promise<void>): Promise<number> {
  const t0 = Date.now();
  let stopped = false;
  void load.then(() => (stopped = true));
  while (!ledger.acks.get(round) && !stopped) {
    if (Date.now() - t0 > 60_000) throw new Error('no write was acknowledged within 60 s of the load');
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - t0;
}

interface RoundState {
  ledger: Ledger;
  world: World | null;
  /** The pid of the server the last round killed. */
  deadPid: number | null;
  /** When that server was started: its sealer must have chained every row written before. */
  startedAt: Date | null;
}

async function oneRound(opts: RunOptions, state: RoundState, round: number, out: string[], parts: string[]) {
  const { ledger } = state;
  let holder: number | null | 'any' = round === 1 ? 'any' : state.deadPid;
  if (round > 1 && (opts.target.kind === 'pg' || round % 2 === 0)) {
    const t = Date.now();
    out.push(...(await checkOffline(opts, ledger, state.deadPid, state.startedAt)));
    holder = null;
    parts.push(`database checked in ${seconds(Date.now() - t)}`);
  }
  const t0 = Date.now();
  state.startedAt = new Date(t0);
  const { server, out: lockFindings } = await start(opts, holder);
  out.push(...lockFindings);
  parts.push(`${round === 1 ? 'up' : 'restarted'} in ${seconds(Date.now() - t0)}`);
  try {
    const [socialWorker, contactPerson] = await login(server);
    const reader = await loginReader(server, ledger);
    const world = (state.world ??= await readWorld(contactPerson));
    if (round > 1) out.push(...(await checkThroughApi(socialWorker, contactPerson, ledger, round - 1)));
    let killed = false;
    let databaseKilled = false;
    const problems: string[] = [];
    const load = runLoad({
      round,
      tag: opts.tag,
      socialWorker,
      contactPerson,
      reader,
      world,
      ledger,
      killed: () => killed,
      databaseKilled: () => databaseKilled,
      problems,
    });
    // The clock starts at the first acknowledged write: on a busy machine a fresh server needs a moment to warm
    // up, and a kill before any write lands would prove little.
    const waited = await firstAck(ledger, round, load);
    const delay = between(opts.random, 200, 3000);
    await new Promise((r) => setTimeout(r, delay));
    killed = true;
    const database = opts.database && opts.target.kind === 'pg' && round % opts.database.every === 0;
    if (database && opts.database && opts.target.kind === 'pg') {
      databaseKilled = true;
      const killedAt = new Date();
      await killDatabase(opts.database.dir);
      out.push(...(await probeWhileDown(server, reader.sessionCookie)));
      await load;
      await restartDatabase(opts.database.dir);
      const back = Date.now();
      // The same server, not restarted: it reconnects by itself.
      await waitForHealth(server, 60_000);
      out.push(...(await checkResumed(opts.target.url, killedAt)));
      parts.push(
        `PostgreSQL killed ${delay} ms after the first write acknowledged (after ${waited} ms), ` +
          `Navet answered 503 meanwhile and served again ${seconds(Date.now() - back)} after the restart`,
      );
    } else {
      await killHard(server);
      await load;
      parts.push(`first write acknowledged after ${waited} ms, killed ${delay} ms later`);
    }
    out.push(...problems);
    const inFlight = ledger.maybe.filter((m) => m.round === round).length;
    parts.push(`${ledger.acks.get(round) ?? 0} writes acknowledged, ${inFlight} create(s) in flight`);
    parts.push(`${ledger.reads.filter((r) => r.round === round).length} reads acknowledged`);
  } finally {
    await killHard(server);
    state.deadPid = server.process.pid ?? null;
  }
}

/** After the last kill: restart, read the last round back, stop cleanly, check the database, `navet audit verify`. */
async function finalChecks(opts: RunOptions, ledger: Ledger, deadPid: number | null): Promise<string[]> {
  const out: string[] = [];
  const t0 = Date.now();
  const { server, out: lockFindings } = await start(opts, deadPid);
  out.push(...lockFindings);
  try {
    const [socialWorker, contactPerson] = await login(server);
    out.push(...(await checkThroughApi(socialWorker, contactPerson, ledger, opts.rounds)));
  } finally {
    const stopped = await stopServer(server);
    if (stopped.code !== 0) out.push(`the server did not stop cleanly on SIGTERM (exit ${stopped.code})`);
  }
  if (opts.target.kind === 'embedded' && lockHolder(opts.target.dataDir) !== null)
    out.push('LOCK: navet.lock is still there after the server stopped cleanly');
  // A clean stop seals what is left: from here on no row may wait for the sealer.
  out.push(...(await checkOffline(opts, ledger, null, new Date())));
  const verify = await runNavet(opts.target, ['audit', 'verify', '--unsealed-limit', '0']);
  if (verify.code !== 0) out.push(`navet audit verify exited ${verify.code}:\n${verify.output}`);
  const chains = (verify.output.match(/^ok /gm) ?? []).length;
  const verified = verify.code === 0 ? `ok (${chains} chains)` : 'FAILED';
  report('final', [`restart and clean stop in ${seconds(Date.now() - t0)}`, `navet audit verify ${verified}`], out);
  return out.map((f) => `final: ${f}`);
}
