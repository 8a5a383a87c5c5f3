import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  /** The next request to send; called once per request, so requests vary across users and children. */
  next(): {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    path: string;
    headers?: Record<string, string>;
    body?: string;
  };
}

export interface LoadResult {
  requests: number;
  /** Completed requests per second. */
  rps: number;
  /** Latency percentiles in milliseconds, from every response (not sampled). */
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx answers plus requests that failed or timed out. */
  errors: number;
  /** The first few non-2xx status codes seen, to tell a 401 from a 500. */
  statuses: Record<string, number>;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * One autocannon run on loopback. Percentiles are computed here from every
 * response time, because autocannon's own summary has no p95.
 */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let non2xx = 0;
  let done!: (r: autocannon.Result) => void;
  let failed!: (e: unknown) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    done = resolve;
    failed = reject;
  });
  const instance = autocannon(
    {
      url: opts.url,
      connections: opts.connections,
      duration: opts.duration,
      timeout: 10,
      requests: [
        {
          setupRequest: (req) => {
            const n = opts.next();
            return { ...req, method: n.method, path: n.path, headers: { ...n.headers }, body: n.body };
          },
        },
      ],
    },
    (err: unknown, result) => (err ? failed(err) : done(result)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    times.push(responseTime);
    if (statusCode < 200 || statusCode >= 300) {
      non2xx++;
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    }
  });
  const result = await finished;
  const sorted = Float64Array.from(times).sort();
  return {
    requests: times.length,
    rps: times.length / (result.duration || opts.duration),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: non2xx + result.errors,
    statuses,
  };
}
