import type { BenchRequest, Scenario } from '../scenarios/scenario.ts';
import { runLoad, type LoadResult } from './load.ts';
import { startBaseline, startNavet, type Memory } from './processes.ts';
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
  result?: LoadResult;
  /** The server's memory right after this measurement. */
  memory?: Memory | null;
}

export interface TargetRun {
  baselines: { bare: Measured; select: Measured };
  scenarios: Measured[];
  /** The users the load ran as (the first is the one with the most children). */
  users: BenchUser[];
  sessions: number;
  tenantsSampled: number;
  navetReadyMs: number;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function measure(
  label: string,
  opts: RunOptions,
  url: string,
  next: () => { method: BenchRequest['method']; path: string; headers?: Record<string, string>; body?: string },
): Promise<LoadResult> {
  if (opts.warmup > 0) await runLoad({ url, connections: opts.connections, duration: opts.warmup, next });
  log(`  measuring ${label}: ${opts.duration} s, ${opts.connections} connections`);
  return runLoad({ url, connections: opts.connections, duration: opts.duration, next });
}

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

  log('Baseline server (bare Fastify, same database):');
  const base = await startBaseline(envOf(target));
  let bare: Measured;
  let select: Measured;
  try {
    const bareResult = await measure('bare route', opts, base.url, () => ({ method: 'GET', path: '/bare' }));
    bare = { key: 'bare', title: 'bare Fastify route', built: true, result: bareResult, memory: base.memory() };
    let i = 0;
    const selectResult = await measure('primary-key select', opts, base.url, () => ({
      method: 'GET',
      path: `/select/${sample.childIds[i++ % sample.childIds.length]}`,
    }));
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
  try {
    log(`  logging in ${sample.users.length} hub members of ${sample.tenants} municipalities`);
    sessions = await logIn(navet.url, sample.users);
    for (const s of scenarios) {
      if (!s.request) {
        measured.push({ key: s.key, title: s.title, built: false });
        continue;
      }
      const result = await measure(`(${s.key}) ${s.title}`, opts, navet.url, requestsOf(s, sessions));
      measured.push({ key: s.key, title: s.title, built: true, result, memory: navet.memory() });
    }
  } finally {
    await navet.stop();
  }
  return {
    baselines: { bare, select },
    scenarios: measured,
    users: sample.users,
    sessions: sessions.length,
    tenantsSampled: sample.tenants,
    navetReadyMs: navet.readyMs,
  };
}
