import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const navetBin = path.join(root, 'bin/navet.mjs');

/** Where the server keeps its data: a PostgreSQL URL, or an embedded data folder. */
export type Target = { kind: 'pg'; url: string } | { kind: 'embedded'; dataDir: string };

function envFor(target: Target, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NAVET_ADMIN_PASSWORD: '', ...extra };
  delete env.NODE_OPTIONS;
  if (target.kind === 'pg') {
    env.DATABASE_URL = target.url;
  } else {
    delete env.DATABASE_URL;
    env.NAVET_DATA_DIR = target.dataDir;
  }
  return env;
}

export interface Server {
  process: ChildProcess;
  port: number;
  base: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

// Servers still running: if the suite itself is stopped, it must not leave one behind on the data folder.
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Starts `navet serve` with plain node (no npm in between, so the pid we kill is the server's). */
export async function startServer(target: Target, log: fs.WriteStream): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [navetBin, 'serve'], {
    cwd: root,
    env: envFor(target, {
      PORT: String(port),
      HOST: '127.0.0.1',
      // Two logins a round for many rounds from one address: the suite, not an attack.
      NAVET_LOGIN_MAX_PER_MINUTE: '1000',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  live.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    }),
  );
  return { process: child, port, base: `http://127.0.0.1:${port}`, exited };
}

/** Polls /api/health until it answers 200; fails if the server exits first or takes too long. */
export async function waitForHealth(server: Server, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null || server.process.signalCode !== null)
      throw new Error(`the server exited (code ${server.process.exitCode}) before it answered /api/health`);
    try {
      const res = await fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from /api/health within ${timeoutMs} ms`);
}

export async function killHard(server: Server): Promise<void> {
  if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
  await server.exited;
}

/** A clean stop (SIGTERM): the server closes the database and releases its lock. */
export async function stopServer(server: Server): Promise<{ code: number | null }> {
  server.process.kill('SIGTERM');
  const timer = setTimeout(() => server.process.kill('SIGKILL'), 30_000);
  const result = await server.exited;
  clearTimeout(timer);
  return result;
}

/** Runs a `navet` command to its end; returns its exit code and output. */
export function runNavet(target: Target, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [navetBin, ...args], {
      cwd: root,
      env: envFor(target),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** The pid in the embedded data folder's lock file, or null when there is none. */
export function lockHolder(dataDir: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(dataDir, 'navet.lock'), 'utf8').trim());
  } catch {
    return null;
  }
}
