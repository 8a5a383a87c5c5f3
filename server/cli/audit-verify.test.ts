import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed.ts';
import { runNavet } from '../test/navet-process.ts';
import { privateDatabase, rawQuery, type PrivateDatabase } from '../test/private-database.ts';

let priv: PrivateDatabase;
beforeAll(async () => {
  priv = await privateDatabase({ migrated: true });
  // Seeded in-process: what is under test is the verify command, and each spawn costs seconds.
  const database = await priv.open();
  try {
    await seedDemo(database.db);
  } finally {
    await database.close();
  }
}, 180_000);
afterAll(async () => priv?.drop());

describe('navet audit verify', () => {
  it('exits 0 on a fresh demo database and 1 once a row is altered', async () => {
    const clean = await runNavet(['audit', 'verify'], priv.env);
    expect(clean.stdout).toMatch(/^ok {6}chain .*: 1 rows$/m);
    expect(clean.stdout).toContain('Audit log verified.');
    expect(clean.code).toBe(0);

    const database = await priv.open();
    try {
      await rawQuery(database, `update audit_log set action = 'x' where seq = 1`);
    } finally {
      await database.close();
    }
    const broken = await runNavet(['audit', 'verify'], priv.env);
    expect(broken.stdout).toMatch(/BROKEN {2}chain .*: first broken link at seq 1 \(row id \d+\): .*altered/);
    expect(broken.stdout).toContain('Audit log verification FAILED.');
    expect(broken.code).toBe(1);
  }, 240_000);
});
