import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const navetBin = path.resolve('bin/navet.mjs');

export interface NavetResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment for a spawned CLI: the caller's, minus anything that would point it elsewhere. */
function envFor(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NAVET_ADMIN_PASSWORD: '', ...extra };
  delete env.NODE_OPTIONS; // vitest's loader hooks are not for the child
  return env;
}

/** Runs `navet ARGS` to the end with no stdin (so it never waits on a prompt). */
export function runNavet(args: string[], env: Record<string, string>): Promise<NavetResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [navetBin, ...args], { env: envFor(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `navet ARGS` and leaves it running; the caller kills it. */
export function startNavet(args: string[], env: Record<string, string>): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [navetBin, ...args], { env: envFor(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return Object.assign(child, { output: () => output });
}

/** Resolves when the process ends; rejects after `timeoutMs` so a process that should have stopped fails the test. */
export function exited(
  child: ChildProcess,
  timeoutMs = 60_000,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`process ${child.pid} still runs after ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls /api/health until the server answers, or the process dies, or time runs out. */
export async function waitForHealth(
  port: number,
  child: ChildProcess & { output: () => string },
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${child.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer from /api/health on port ${port}:\n${child.output()}`);
}
