import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutChain } from '../audit/checkpoint.ts';
import { verifyAudit } from '../audit/verify.ts';
import { sealAudit } from '../audit/seal.ts';
import { audit } from '../audit/write.ts';
import { openDatabase, type Database } from '../db/connect.ts';
import { privateDatabase, type PrivateDatabase } from '../test/private-database.ts';
import { grantAppRole, migrateOrCheck, pgErrorCode } from './app-role.ts';

// Grants exist on PostgreSQL only; the embedded run has nothing to test here.
describe.skipIf(!process.env.DATABASE_URL)('the application role (NAVET_APP_ROLE)', () => {
  const role = `navet_app_${randomBytes(4).toString('hex')}`;
  let priv: PrivateDatabase;
  let owner: Database;
  let app: Database;

  beforeAll(async () => {
    priv = await privateDatabase({ migrated: true });
    owner = await priv.open();
    await owner.pool!.query(`create role ${role} login`);
    await grantAppRole(owner.pool!, role);
    const url = new URL(priv.databaseUrl!);
    url.username = role;
    url.password = '';
    app = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  });
  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await priv?.drop();
    // Roles belong to the server, not the database: drop it once its database is gone.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`drop role if exists ${role}`);
    await client.end();
  });

  it('may append to the audit log, seal it and read it, but never rewrite or delete it', async () => {
    const tenantId = randomUUID();
    await app.db.transaction((tx) => audit(tx, { action: 'test.event', entity: 'test', tenantId }));
    // The sealer runs in the server, as this role.
    expect(await sealAudit(app.db)).toBeGreaterThanOrEqual(1);
    expect((await verifyAudit(app.db, { unsealedLimitMs: 0 })).find((r) => r.chain === tenantId)?.ok).toBe(true);

    for (const statement of ["update audit_log set action = 'x'", 'truncate audit_log']) {
      const err = await app.pool!.query(statement).then(
        () => null,
        (e: unknown) => e,
      );
      expect(pgErrorCode(err), statement).toBe('42501');
    }
    // Deleting a row younger than the audit minimum finds no row it may delete.
    expect((await app.pool!.query('delete from audit_log where chain = $1', [tenantId])).rowCount).toBe(0);
    // The seal columns of a sealed row are out of reach too: the update finds no row it may change.
    const reseal = await app.pool!.query("update audit_log set hash = repeat('a', 64) where chain = $1", [tenantId]);
    expect(reseal.rowCount).toBe(0);
    // And a row cannot come in pre-sealed, past the sealer.
    const forged = await app
      .pool!.query(
        "insert into audit_log (chain, seq, action, entity, at, prev_hash, hash) values ($1, 99, 'x', 'x', now(), 'a', 'b')",
        [tenantId],
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(pgErrorCode(forged)).toBe('42501');
    expect((await verifyAudit(app.db)).find((r) => r.chain === tenantId)?.ok).toBe(true);
  });

  it('may cut the oldest sealed rows past the audit minimum, leaving a chain that verifies', async () => {
    const tenantId = randomUUID();
    const key = randomBytes(32).toString('base64');
    for (const action of ['test.old', 'test.new'])
      await app.db.transaction((tx) => audit(tx, { action, entity: 'test', tenantId }));
    await sealAudit(app.db);
    // Six years ago, written by the owner (the app role may not change a row's time).
    await owner.pool!.query(
      "update audit_log set at = now() - interval '72 months' where chain = $1 and action = 'test.old'",
      [tenantId],
    );
    const { rows } = await app.pool!.query<{ seq: string }>(
      "select seq from audit_log where chain = $1 and action = 'test.old'",
      [tenantId],
    );
    const cut = await app.db.transaction((tx) => cutChain(tx, key, tenantId, Number(rows[0]!.seq), new Date()));
    expect(cut).toBe(1);
    const left = await app.pool!.query<{ action: string }>('select action from audit_log where chain = $1', [tenantId]);
    expect(left.rows.map((r) => r.action)).toEqual(['test.new']);
    expect((await verifyAudit(app.db, { secretKey: key })).find((r) => r.chain === tenantId)?.ok).toBe(true);
  });

  it('starts without DDL rights once the owner has migrated', async () => {
    await expect(migrateOrCheck(app)).resolves.toBeUndefined();
    const err = await app.pool!.query('create table intruder (id int)').then(
      () => null,
      (e: unknown) => e,
    );
    expect(pgErrorCode(err)).toBe('42501');
  });

  it('refuses an unknown role by name', async () => {
    await expect(grantAppRole(owner.pool!, 'no_such_role_here')).rejects.toThrow(/does not exist/);
  });
});
