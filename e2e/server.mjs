// Starts the real Navet server for the browser tests, on a fresh temporary
// data folder (it migrates and seeds the demo tenant on an empty folder), and
// removes the folder when Playwright stops it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'navet-e2e-'));
const port = process.env.PORT ?? '3199';

const child = spawn(process.execPath, [path.join(root, 'bin/navet.mjs'), 'serve'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    NAVET_DATA_DIR: dataDir,
    PORT: port,
    HOST: '127.0.0.1',
    // Many logins in a minute from one address: the tests, not an attack.
    NAVET_LOGIN_MAX_PER_MINUTE: '1000',
  },
});

let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  child.kill(signal);
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

// If Playwright itself is killed, it cannot stop us: notice being orphaned, and stop.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, 2000).unref();

child.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(stopping ? 0 : (code ?? 1));
});
