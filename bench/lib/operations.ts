import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { BenchRequest } from '../scenarios/scenario.ts';
import type { LoadResult } from './load.ts';
import type { BenchSession } from './sessions.ts';

/** A non-2xx answer inside an operation: the operation counts as an error, by this status. */
export class OperationError extends Error {
  constructor(readonly status: number | string) {
    super(`answered ${status}`);
  }
}

export interface OperationClient {
  /**
   * Sends one request as the session; throws OperationError on a non-2xx answer.
   * `cleanup` requests run inside the operation but are left out of its time
   * (e.g. ending the plan a benchmark created, so the child can have a new one).
   */
  send(
    session: BenchSession,
    req: BenchRequest & { label: string },
    opts?: { cleanup?: boolean },
  ): Promise<{ status: number; body: unknown }>;
}

/** One operation of a scenario: several requests, timed together. `n` counts operations across all workers. */
export type Operation = (client: OperationClient, n: number) => Promise<void>;

export interface OperationsOptions {
  url: string;
  /** Concurrent operations (one keep-alive connection each). */
  connections: number;
  duration: number;
  operation: Operation;
}

export interface OperationResult extends LoadResult {
  /** Requests per operation, counted over the run (cleanup included). */
  requestsPerOperation: number;
  /** Of those, the ones in the operation's time (cleanup left out). */
  timedRequestsPerOperation: number;
  /** p50 and p95 of each kind of request in the operation, in ms. */
  steps: Record<string, { count: number; p50: number; p95: number; cleanup: boolean }>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function send(
  agent: http.Agent,
  base: URL,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, method, path, headers, agent, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/**
 * Runs operations of several requests for `duration` seconds on `connections`
 * workers, each sending its operation's requests one after another on its own
 * keep-alive connection, like one browser tab. The latency of an operation is
 * the sum of its timed requests; req/s in the result is operations per second.
 */
export async function runOperations(opts: OperationsOptions): Promise<OperationResult> {
  const base = new URL(opts.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const steps = new Map<string, { times: number[]; cleanup: boolean }>();
  let errors = 0;
  let requests = 0;
  let timedRequests = 0;
  const started = performance.now();
  const end = started + opts.duration * 1000;
  let counter = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const n = counter++;
      let timed = 0;
      const client: OperationClient = {
        async send(session, req, o = {}) {
          const headers: Record<string, string> = { cookie: session.cookie };
          let body: string | undefined;
          if (req.body !== undefined) {
            headers['content-type'] = 'application/json';
            headers['x-csrf-token'] = session.csrfToken;
            body = JSON.stringify(req.body);
          }
          const t0 = performance.now();
          const res = await send(agent, base, req.method, req.path, headers, body);
          const ms = performance.now() - t0;
          requests++;
          if (!o.cleanup) {
            timed += ms;
            timedRequests++;
          }
          const step = steps.get(req.label) ?? { times: [], cleanup: o.cleanup === true };
          step.times.push(ms);
          steps.set(req.label, step);
          if (res.status < 200 || res.status >= 300) throw new OperationError(res.status);
          return { status: res.status, body: res.text ? (JSON.parse(res.text) as unknown) : null };
        },
      };
      try {
        await opts.operation(client, n);
      } catch (e) {
        errors++;
        const key = e instanceof OperationError ? String(e.status) : 'failed';
        statuses[key] = (statuses[key] ?? 0) + 1;
        if (!(e instanceof OperationError) && statuses[key] === 1)
          process.stderr.write(`  operation failed: ${String(e)}\n`);
      }
      times.push(timed);
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = [...times].sort((a, b) => a - b);
  return {
    requests: times.length,
    rps: times.length / elapsed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors,
    statuses,
    requestsPerOperation: times.length ? requests / times.length : NaN,
    timedRequestsPerOperation: times.length ? timedRequests / times.length : NaN,
    steps: Object.fromEntries(
      [...steps].map(([label, s]) => {
        const st = [...s.times].sort((a, b) => a - b);
        return [label, { count: st.length, p50: percentile(st, 50), p95: percentile(st, 95), cleanup: s.cleanup }];
      }),
    ),
  };
}
