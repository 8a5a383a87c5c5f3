import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/connect.ts';
import type { Deps } from '../deps.ts';
import { record, rejection } from '../domain/events/test-helpers.ts';
import { buildHubWorld, type HubWorld } from '../domain/hub/test-world.ts';
import { buildApp } from '../http/app.ts';
import { notifications } from '../notify/tables.ts';
import type { TestApp } from '../test/harness.ts';
import { privateDatabase, type PrivateDatabase } from '../test/private-database.ts';
import { runDueJobs } from './index.ts';
import { jobs } from './tables.ts';

/*
 * A server that stops and starts again on the same database: jobs written
 * before the stop run after it, and a second run (another start, another
 * process) delivers nothing twice.
 */
let priv: PrivateDatabase;
beforeAll(async () => {
  priv = await privateDatabase({ migrated: true });
});
afterAll(async () => priv.drop());

async function start(): Promise<TestApp> {
  const database: Database = await priv.open();
  const config = loadConfig({
    publicUrl: 'http://127.0.0.1:3000',
    loginMaxPerMinute: 1000,
    databaseUrl: priv.databaseUrl,
  });
  const deps: Deps = { db: database.db, kind: database.kind, config };
  const app = await buildApp(deps);
  return {
    app,
    database,
    deps,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

const countFor = async (t: TestApp, w: HubWorld) =>
  (await t.database.db.select().from(notifications).where(eq(notifications.tenantId, w.tenant.id))).length;

describe('exactly once across a restart', () => {
  it('jobs survive the restart, run once, and a second run after another restart adds nothing', async () => {
    let t = await start();
    const w = await buildHubWorld(t);
    await record(w, 'contact_person', rejection(1));
    await t.close(); // stopped before any job ran

    t = await start();
    expect(await countFor(t, w)).toBe(0);
    const later = new Date(Date.now() + 24 * 3_600_000); // the ping of normal notices is due too
    expect(await runDueJobs(t.deps, later, { tenantId: w.tenant.id })).toBeGreaterThan(0);
    const delivered = await countFor(t, w);
    expect(delivered).toBe(3); // social worker: notice and proposal; god man: notice
    await t.close();

    t = await start();
    expect(await runDueJobs(t.deps, later, { tenantId: w.tenant.id })).toBe(0);
    expect(await countFor(t, w)).toBe(delivered);
    const pending = await t.database.db.select().from(jobs).where(eq(jobs.tenantId, w.tenant.id));
    expect(pending.filter((j) => j.status === 'pending' && j.runAt <= later)).toEqual([]);
    await t.close();
  });
});
