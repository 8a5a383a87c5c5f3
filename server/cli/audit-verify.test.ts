import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAudit } from '../audit/seal.ts';
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
    await sealAudit(database.db);
  } finally {
    await database.close();
  }
}, 180_000);
afterAll(async () => priv?.drop());

describe('navet audit verify', () => {
  it('exits 0 on a fresh demo database, 1 on rows unsealed past the limit, and 1 once a row is altered', async () => {
    const clean = await runNavet(['audit', 'verify'], priv.env);
    expect(clean.stdout).toMatch(/^ok {6}chain .*: 1 rows$/m);
    expect(clean.stdout).toContain('Audit log verified.');
    expect(clean.code).toBe(0);

    // A row the sealer has not reached yet: fine within the limit, a failure past it.
    let database = await priv.open();
    try {
      await rawQuery(
        database,
        `insert into audit_log (chain, action, entity, at) values ('system', 'test.event', 'test', now() - interval '1 minute')`,
      );
    } finally {
      await database.close();
    }
    const waiting = await runNavet(['audit', 'verify'], priv.env);
    expect(waiting.stdout).toMatch(/^ok {6}chain system: 0 rows; 1 waiting for the sealer/m);
    expect(waiting.code).toBe(0);
    const overdue = await runNavet(['audit', 'verify', '--unsealed-limit', '30'], priv.env);
    expect(overdue.stdout).toMatch(/^UNSEALED chain system: 0 rows; 1 rows unsealed for more than 30 s/m);
    expect(overdue.stdout).toContain('Audit log verification FAILED.');
    expect(overdue.code).toBe(1);
    const sealed = await runNavet(['audit', 'seal'], priv.env);
    expect(sealed.stdout).toContain('Sealed 1 audit rows.');
    expect((await runNavet(['audit', 'verify', '--unsealed-limit', '0'], priv.env)).code).toBe(0);

    database = await priv.open();
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
