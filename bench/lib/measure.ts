import { actorsOf, isBuilt, type BenchRequest, type Scenario } from '../scenarios/scenario.ts';
import { runLoad, type LoadResult } from './load.ts';
import { runOperations, type OperationResult } from './operations.ts';
import { startBaseline, startNavet, type Memory } from './processes.ts';
import { rollupReady } from './rollup.ts';
import { countScenarioStatements, type StepStatements } from './statements.ts';
import { logIn, sampleUsers, type BenchSession, type BenchUser } from './sessions.ts';
import { envOf, type Target } from './target.ts';

export interface RunOptions {
  /** Seconds per measurement. */
  duration: number;
  connections: number;
  /** Seconds of unmeasured load before each measurement (JIT, caches, pool). */
  warmup: number;
  users: number;
  tenants: number;
}

export interface Measured {
  key: string;
  title: string;
  built: boolean;
  /** Why a built scenario was not measured (e.g. no eligible user in the sample). */
  note?: string;
  result?: LoadResult | OperationResult;
  /** The server's memory right after this measurement. */
  memory?: Memory | null;
  /** SQL statements per request of one run of the scenario, counted at the driver (lib/statements.ts). */
  statements?: StepStatements[];
}

export interface TargetRun {
  baselines: { bare: Measured; select: Measured };
  scenarios: Measured[];
  /** The users the load ran as (the first is the one with the most children). */
  users: BenchUser[];
  /** The social services' managers and coordinators, for the follow-up query. */
  followUpUsers: BenchUser[];
  sessions: number;
  tenantsSampled: number;
  navetReadyMs: number;
  /** Municipalities whose follow-up roll-up was not built today and was rebuilt before the servers started. */
  rollupRebuilt: number;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

type Next = () => { method: BenchRequest['method']; path: string; headers?: Record<string, string>; body?: string };

/** Warm-up, then the measurement; `load` is autocannon (one request) or the operation runner. */
async function measure<R extends LoadResult>(
  label: string,
  opts: RunOptions,
  load: (duration: number) => Promise<R>,
): Promise<R> {
  if (opts.warmup > 0) await load(opts.warmup);
  log(`  measuring ${label}: ${opts.duration} s, ${opts.connections} connections`);
  return load(opts.duration);
}

const requests = (url: string, opts: RunOptions, next: Next) => (duration: number) =>
  runLoad({ url, connections: opts.connections, duration, next });

/** Requests of a scenario, spread over every session and, per session, over its children. */
function requestsOf(scenario: Scenario, sessions: BenchSession[]) {
  let n = 0;
  return () => {
    const session = sessions[n % sessions.length]!;
    const req = scenario.request!(session, Math.floor(n / sessions.length));
    n++;
    const headers: Record<string, string> = { cookie: session.cookie };
    let body: string | undefined;
    if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['x-csrf-token'] = session.csrfToken;
      body = JSON.stringify(req.body);
    }
    return { method: req.method, path: req.path, headers, body };
  };
}

/**
 * The baselines, then every built scenario, on one database. The baseline and
 * Navet never run at the same time: an embedded folder has one owner, and on
 * two cores they would measure each other.
 */
export async function measureTarget(target: Target, scenarios: Scenario[], opts: RunOptions): Promise<TargetRun> {
  const sample = await sampleUsers(target, opts.users, opts.tenants);
  sample.users.sort((a, b) => b.childIds.length - a.childIds.length);
  // What a running installation serves: every municipality's roll-up built last night (or today).
  const rollupRebuilt = await rollupReady(target);
  log(
    rollupRebuilt === 0
      ? 'Follow-up roll-up: every municipality built today.'
      : `Follow-up roll-up: rebuilt ${rollupRebuilt} municipalities not built today, as the nightly job would have.`,
  );

  log('Baseline server (bare Fastify, same database):');
  const base = await startBaseline(envOf(target));
  let bare: Measured;
  let select: Measured;
  try {
    const bareResult = await measure(
      'bare route',
      opts,
      requests(base.url, opts, () => ({ method: 'GET', path: '/bare' })),
    );
    bare = { key: 'bare', title: 'bare Fastify route', built: true, result: bareResult, memory: base.memory() };
    let i = 0;
    const selectResult = await measure(
      'primary-key select',
      opts,
      requests(base.url, opts, () => ({
        method: 'GET',
        path: `/select/${sample.childIds[i++ % sample.childIds.length]}`,
      })),
    );
    select = {
      key: 'select',
      title: 'bare route + one PK select',
      built: true,
      result: selectResult,
      memory: base.memory(),
    };
  } finally {
    await base.stop();
  }

  log('Navet (node bin/navet.mjs serve):');
  const navet = await startNavet(envOf(target));
  const measured: Measured[] = [];
  let sessions: BenchSession[] = [];
  let followUp: BenchSession[] = [];
  try {
    log(`  logging in ${sample.users.length} hub members of ${sample.tenants} municipalities`);
    sessions = await logIn(navet.url, sample.users);
    if (scenarios.some((s) => isBuilt(s) && s.actors === 'follow-up')) {
      log(`  logging in ${sample.followUpUsers.length} managers and coordinators`);
      followUp = await logIn(navet.url, sample.followUpUsers);
    }
    for (const s of scenarios) {
      if (!isBuilt(s)) {
        measured.push({ key: s.key, title: s.title, built: false });
        continue;
      }
      const actors = actorsOf(s, sessions, followUp);
      if (actors.length === 0) {
        log(`  (${s.key}): no user in the sample may do this; not measured`);
        measured.push({ key: s.key, title: s.title, built: true, note: 'no eligible user in the sample' });
        continue;
      }
      const label = `(${s.key}) ${s.title}`;
      const result = s.operation
        ? await measure(label, opts, (duration) =>
            runOperations({ url: navet.url, connections: opts.connections, duration, operation: s.operation!(actors) }),
          )
        : await measure(label, opts, requests(navet.url, opts, requestsOf(s, actors)));
      measured.push({ key: s.key, title: s.title, built: true, result, memory: navet.memory() });
    }
  } finally {
    await navet.stop();
  }
  try {
    log('  counting SQL statements per request (one run of each scenario, in process, after the server stopped)');
    const counted = await countScenarioStatements(target, scenarios, sessions, followUp);
    for (const m of measured) m.statements = counted.get(m.key);
  } catch (e) {
    log(`  statements not counted: ${String(e)}`);
  }
  return {
    baselines: { bare, select },
    scenarios: measured,
    users: sample.users,
    followUpUsers: sample.followUpUsers,
    sessions: sessions.length + followUp.length,
    tenantsSampled: sample.tenants,
    navetReadyMs: navet.readyMs,
    rollupRebuilt,
  };
}
