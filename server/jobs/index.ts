import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { Deps } from '../deps.ts';
import { publish, subscribe, type Subscription } from '../notify/channel.ts';
import { jobs } from './tables.ts';

/** What a handler learns about the job it runs. `now` is the runner's clock (a test's fake one too). */
export interface JobInfo {
  id: string;
  tenantId: string | null;
  runAt: Date;
  /** The clock of this run: use it, not `new Date()`, so tests can move time. */
  now: Date;
  /** 1 on the first try. */
  attempt: number;
  config: Config;
}

/**
 * A job's work. Everything it writes goes through `tx`, which commits together
 * with the job's 'done' mark: a job's database effects happen exactly once.
 * Throwing rolls its writes back and schedules a retry.
 */
export type JobHandler = (tx: Db, payload: Record<string, unknown>, job: JobInfo) => Promise<void>;

export interface NewJob {
  tenantId: string | null;
  kind: string;
  runAt: Date;
  payload: Record<string, unknown>;
  /** A job with this key that exists already (in any state) is not added again. */
  dedupeKey?: string;
}

/** Attempts before a job is marked 'failed' and shown to the tenant admin. */
export const MAX_ATTEMPTS = 6;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 6 * 60 * 60_000;
/** Wakes every runner at once when a job is due now, instead of at the next poll. */
export const JOBS_CHANNEL = 'navet_jobs';

/** 30 s, 1 min, 2 min, … capped at 6 h: a mail server that is down gets room to come back. */
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** (attempt - 1), BACKOFF_MAX_MS);
}

const handlers = new Map<string, JobHandler>();

/** Registers the code for a kind of job. Call at module load; one handler per kind. */
export function registerJob(kind: string, handler: JobHandler): void {
  const existing = handlers.get(kind);
  if (existing && existing !== handler) throw new Error(`job kind "${kind}" registered twice`);
  handlers.set(kind, handler);
}

/** Adds a job in the caller's transaction: it exists only if the caller's work commits. */
export async function enqueue(tx: Db, job: NewJob): Promise<void> {
  const inserted = await tx
    .insert(jobs)
    .values({
      tenantId: job.tenantId,
      kind: job.kind,
      runAt: job.runAt,
      payload: job.payload,
      dedupeKey: job.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  if (inserted.length > 0 && job.runAt.getTime() <= Date.now() + 1000) await publish(tx, JOBS_CHANNEL, job.kind);
}

export interface RunOptions {
  /** Only this tenant's jobs: tests share one PostgreSQL database and must not run each other's jobs. */
  tenantId?: string | null;
  /** Stop after this many jobs (the runner yields between batches). */
  limit?: number;
}

type Outcome = 'none' | 'done' | 'retry';

function describe(err: unknown): string {
  return (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 1000);
}

async function runOne(deps: Deps, now: Date, opts: RunOptions): Promise<Outcome> {
  return deps.db.transaction(async (tx) => {
    const scope =
      opts.tenantId === undefined
        ? undefined
        : opts.tenantId === null
          ? sql`${jobs.tenantId} is null`
          : eq(jobs.tenantId, opts.tenantId);
    // SKIP LOCKED: a job another process holds is passed over, never run twice.
    const [job] = await tx
      .select()
      .from(jobs)
      .where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, now), scope))
      .orderBy(asc(jobs.runAt), asc(jobs.createdAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!job) return 'none';
    const attempt = job.attempts + 1;
    const handler = handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      const info: JobInfo = { id: job.id, tenantId: job.tenantId, runAt: job.runAt, now, attempt, config: deps.config };
      // A savepoint: a failing handler's writes roll back, the retry bookkeeping below still commits.
      await tx.transaction(async (sp) => handler(sp, job.payload, info));
      await tx
        .update(jobs)
        .set({ status: 'done', attempts: attempt, finishedAt: new Date(), lastError: null })
        .where(eq(jobs.id, job.id));
      return 'done';
    } catch (err) {
      const failed = attempt >= MAX_ATTEMPTS;
      await tx
        .update(jobs)
        .set({
          attempts: attempt,
          lastError: describe(err),
          status: failed ? 'failed' : 'pending',
          runAt: failed ? job.runAt : new Date(now.getTime() + backoffMs(attempt)),
          finishedAt: failed ? new Date() : null,
        })
        .where(eq(jobs.id, job.id));
      return 'retry';
    }
  });
}

/**
 * Runs every pending job due at `now`, one transaction each, including jobs
 * that those jobs add for `now` or earlier. Returns how many completed. The
 * runner calls it on a timer; tests call it with a fake clock.
 */
export async function runDueJobs(deps: Deps, now: Date = new Date(), opts: RunOptions = {}): Promise<number> {
  let done = 0;
  for (let i = 0; i < (opts.limit ?? 10_000); i++) {
    const outcome = await runOne(deps, now, opts);
    if (outcome === 'none') break;
    if (outcome === 'done') done += 1;
  }
  return done;
}

/**
 * Polls for due jobs in this process every `intervalMs`, and at once when a
 * job due now is enqueued anywhere (NOTIFY on commit). Several processes may
 * run it on one database: SKIP LOCKED keeps them off each other's jobs.
 */
export function startJobRunner(deps: Deps, intervalMs = 5000): { stop(): Promise<void> } {
  let stopped = false;
  let again = false;
  let current: Promise<void> | null = null;
  const tick = (): void => {
    if (stopped) return;
    if (current) {
      again = true;
      return;
    }
    current = (async () => {
      do {
        again = false;
        try {
          await runDueJobs(deps, new Date(), { limit: 500 });
        } catch (err) {
          console.error('job runner:', describe(err));
        }
      } while (again && !stopped);
    })().finally(() => {
      current = null;
    });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  let subscription: Subscription | null = null;
  const subscribing = subscribe(deps, JOBS_CHANNEL, tick)
    .then((s) => {
      if (stopped) void s.close();
      else subscription = s;
    })
    .catch((err: unknown) => console.error('job runner could not listen:', describe(err)));
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await subscribing;
      await subscription?.close();
      await current;
    },
  };
}
