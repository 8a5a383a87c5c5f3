import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface Memory {
  /** Resident set size now, MiB. */
  rssMb: number;
  /** Peak resident set size since start, MiB. */
  peakMb: number;
}

/** RSS of a process from /proc/<pid>/status (Linux); null elsewhere. */
export function memoryOf(pid: number): Memory | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(/\s(\d+) kB/.exec(status.split('\n').find((l) => l.startsWith(key)) ?? '')?.[1]);
    const rss = kb('VmRSS:');
    const peak = kb('VmHWM:');
    return Number.isFinite(rss) ? { rssMb: rss / 1024, peakMb: (Number.isFinite(peak) ? peak : rss) / 1024 } : null;
  } catch {
    return null;
  }
}

export interface Running {
  pid: number;
  url: string;
  /** Milliseconds from spawn until the health URL answered 200. */
  readyMs: number;
  memory(): Memory | null;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Spawns a server and polls `healthPath` until it answers. Output is kept (the
 * last lines are shown if it dies); it never reaches the benchmark's stdout.
 */
export async function startServer(opts: {
  name: string;
  args: string[];
  env: Record<string, string>;
  healthPath: string;
  timeoutMs?: number;
}): Promise<Running> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, opts.args, {
    cwd: repoRoot,
    env: { ...process.env, ...opts.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = started + (opts.timeoutMs ?? 180_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${opts.name} exited with ${child.exitCode}:\n${output}`);
    if (await answers(url + opts.healthPath)) break;
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${opts.name} did not answer ${opts.healthPath} in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - started;
  const pid = child.pid!;
  return {
    pid,
    url,
    readyMs,
    memory: () => memoryOf(pid),
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

/** The Navet server itself, as an operator starts it. */
export function startNavet(env: Record<string, string>, timeoutMs?: number): Promise<Running> {
  return startServer({
    name: 'navet serve',
    args: [path.join(repoRoot, 'bin/navet.mjs'), 'serve'],
    env: {
      // Many users log in from one address within a minute; the limit is for attackers.
      NAVET_LOGIN_MAX_PER_MINUTE: '1000000',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...env,
    },
    healthPath: '/api/health',
    timeoutMs,
  });
}

export function startBaseline(env: Record<string, string>): Promise<Running> {
  return startServer({
    name: 'baseline server',
    args: ['--import', 'tsx', path.join(repoRoot, 'bench/baseline-server.ts')],
    env,
    healthPath: '/bare',
  });
}

/** Runs a command to completion, its output passed through to stderr (the generator's progress bar). */
export function runToEnd(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', process.stderr, process.stderr],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}
