import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, freePort, runNavet, startNavet, waitForHealth } from '../test/navet-process.ts';
import { privateDatabase, type PrivateDatabase } from '../test/private-database.ts';

// The folder lock guards the embedded database only; with DATABASE_URL set the
// suite runs against PostgreSQL and this file has nothing to test.
describe.skipIf(Boolean(process.env.DATABASE_URL))('the data folder lock', () => {
  let priv: PrivateDatabase;
  const started: ReturnType<typeof startNavet>[] = [];
  beforeAll(async () => {
    priv = await privateDatabase({ migrated: true });
  });
  afterAll(async () => {
    for (const p of started) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    await priv?.drop();
  });

  async function serve() {
    const port = await freePort();
    const server = startNavet(['serve'], { ...priv.env, PORT: String(port), HOST: '127.0.0.1' });
    started.push(server);
    return { server, port };
  }

  it('lets one server run, refuses a second and a backup, and takes over the lock of a killed one', async () => {
    const lockFile = path.join(priv.dataDir, 'navet.lock');
    const first = await serve();
    await waitForHealth(first.port, first.server);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(first.server.pid));

    const second = await serve();
    const { code } = await exited(second.server);
    expect(code).toBe(3);
    expect(second.server.output()).toContain(`is in use by another Navet process (pid ${first.server.pid})`);

    const backup = await runNavet(['backup', path.join(priv.dataDir, '..', 'busy.backup')], priv.env);
    expect(backup.code).toBe(3);
    expect(backup.stderr).toMatch(/needs the data folder free: stop the server/);

    // SIGKILL leaves the lock file behind with a pid that no longer runs.
    first.server.kill('SIGKILL');
    await exited(first.server);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(first.server.pid));

    const third = await serve();
    await waitForHealth(third.port, third.server);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(third.server.pid));
    const health = (await (await fetch(`http://127.0.0.1:${third.port}/api/health`)).json()) as { db: string };
    expect(health.db).toBe('pglite');

    // A clean stop releases the lock.
    third.server.kill('SIGTERM');
    expect((await exited(third.server)).code).toBe(0);
    expect(fs.existsSync(lockFile)).toBe(false);
  }, 300_000);
});
