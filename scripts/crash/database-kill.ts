import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, eq, lt } from 'drizzle-orm';
import { openDatabase } from '../../server/db/connect.ts';
import { jobs } from '../../server/jobs/tables.ts';
import { root, type Server } from './server.ts';
import { unsealedBefore } from './verify-db.ts';

// Rounds that kill PostgreSQL itself instead of Navet: Navet stays up, must answer 503 with retry-after while the
// database is gone (never 500, never no answer), and must carry on by itself once it is back: serve requests,
// seal the audit rows and run the jobs it had before, all without a restart.

const run = promisify(execFile);
const throwaway = path.join(root, 'scripts/pg-throwaway.sh');

/** SIGKILL of the postmaster of the throwaway cluster in `dir` (its backends follow it). */
export async function killDatabase(dir: string): Promise<void> {
  await run('bash', [throwaway, 'kill', dir]);
}

/** Starts the cluster again on its port; PostgreSQL recovers from its WAL first. */
export async function restartDatabase(dir: string): Promise<void> {
  await run('bash', [throwaway, 'restart', dir], { timeout: 120_000 });
}

/** What Navet answers while its database is gone: 503 with retry-after, for the health check and a read. */
export async function probeWhileDown(server: Server, cookie: string): Promise<string[]> {
  const out: string[] = [];
  for (const [what, headers] of [
    ['GET /api/health', {}],
    ['GET /api/children (signed in)', { cookie }],
  ] as const) {
    const url = `${server.base}${what.split(' ')[1]}`;
    try {
      const res = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
      const body = await res.text();
      if (res.status !== 503 || !res.headers.get('retry-after') || !body.includes('database_unavailable'))
        out.push(
          `DOWN: ${what} answered ${res.status} (retry-after ${res.headers.get('retry-after')}): ${body.slice(0, 200)}`,
        );
    } catch (err) {
      out.push(`DOWN: ${what} got no answer within 30 s: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return out;
}

/**
 * Once the database is back, the same server's sealer chains every audit row written before the kill, and its
 * job runner finishes every job that was due before the kill: within `withinMs`, or a finding.
 */
export async function checkResumed(url: string, killedAt: Date, withinMs = 60_000): Promise<string[]> {
  const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
  try {
    const deadline = Date.now() + withinMs;
    let unsealed = 0;
    let pending = 0;
    do {
      unsealed = await unsealedBefore(database.db, killedAt);
      pending = (
        await database.db
          .select({ id: jobs.id })
          .from(jobs)
          .where(and(eq(jobs.status, 'pending'), lt(jobs.runAt, killedAt)))
      ).length;
      if (unsealed === 0 && pending === 0) return [];
      await new Promise((r) => setTimeout(r, 500));
    } while (Date.now() < deadline);
    const out: string[] = [];
    if (unsealed > 0)
      out.push(`RESUME: ${unsealed} audit rows from before the kill still unsealed ${withinMs} ms after`);
    if (pending > 0) out.push(`RESUME: ${pending} jobs due before the kill still pending ${withinMs} ms after`);
    return out;
  } finally {
    await database.close();
  }
}
