import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/verify.ts';
import { audit } from '../audit/write.ts';
import { createTenantAdmin } from '../cli/admin.ts';
import { runWithContext } from '../context.ts';
import { seedDemo } from '../demo/seed.ts';
import { privateDatabase, rawQuery, type PrivateDatabase } from '../test/private-database.ts';
import { BackupError, backup, restore } from './backup.ts';
import type { Database } from './connect.ts';
import { DataDirLockedError } from './lock.ts';

const usesPostgres = Boolean(process.env.DATABASE_URL);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'navet-backup-'));
let source: PrivateDatabase;
let target: PrivateDatabase;

/** Every row of every table (the migrations journal too), in a stable order, as text. */
async function snapshot(database: Database): Promise<Record<string, string[]>> {
  const tables = await rawQuery<{ schema: string; name: string }>(
    database,
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
  );
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    const rows = await rawQuery(database, `select * from "${t.schema}"."${t.name}"`);
    out[`${t.schema}.${t.name}`] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

beforeAll(async () => {
  source = await privateDatabase({ migrated: true });
  target = await privateDatabase({ migrated: false });
  const database = await source.open();
  try {
    await seedDemo(database.db);
    await createTenantAdmin(database.db, {
      tenant: 'Ragunda',
      org: 'Ragunda kommun',
      orgType: 'municipality',
      email: 'admin@ragunda.example',
      name: 'Rut Admin',
      password: 'stor älg i skogen',
      requireTotp: true,
    });
    // Rows with a request context too, so ip and request id survive the round trip.
    await runWithContext({ requestId: 'req-1', ip: '127.0.0.1' }, () =>
      database.db.transaction((tx) =>
        audit(tx, { action: 'test.event', entity: 'test', tenantId: null, detail: { å: 'ä', n: [1, 2] } }),
      ),
    );
  } finally {
    await database.close();
  }
}, 180_000);
afterAll(async () => {
  await source?.drop();
  await target?.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// Generous: each step starts a database; a busy two-core CI machine is slow at that.
describe('backup and restore', { timeout: 120_000 }, () => {
  it('restores an identical copy whose audit log verifies', async () => {
    const file = path.join(tmp, 'navet.backup');
    await backup(source, file);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    await restore(target, file);

    const original = await source.open();
    const copy = await target.open();
    try {
      const [a, b] = [await snapshot(original), await snapshot(copy)];
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['public.audit_log', 'public.users', 'public.tenants']));
      expect(a['public.audit_log']?.length).toBeGreaterThanOrEqual(5);
      expect(b).toEqual(a);
      const reports = await verifyAudit(copy.db);
      expect(reports.length).toBeGreaterThanOrEqual(3);
      expect(reports.every((r) => r.ok)).toBe(true);
    } finally {
      await original.close();
      await copy.close();
    }
  });

  it('refuses to restore over existing data', async () => {
    const file = path.join(tmp, 'again.backup');
    await backup(source, file);
    await expect(restore(source, file)).rejects.toThrow(BackupError);
    await expect(restore(source, file)).rejects.toThrow(/not empty/);
  });

  it('refuses a file that is not a backup of this kind', async () => {
    const junk = path.join(tmp, 'junk.backup');
    fs.writeFileSync(junk, 'hello');
    const empty = await privateDatabase({ migrated: false });
    try {
      await expect(restore(empty, junk)).rejects.toThrow(/is not an? (PostgreSQL|embedded-database) backup/);
      await expect(restore(empty, path.join(tmp, 'missing.backup'))).rejects.toThrow(/There is no file/);
    } finally {
      await empty.drop();
    }
  });

  it.skipIf(usesPostgres)('will not back up an embedded folder that a running process holds', async () => {
    // A live process that is not us owns the lock, as a running server would.
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(path.join(source.dataDir, 'navet.lock'), String(holder.pid));
      await expect(backup(source, path.join(tmp, 'locked.backup'))).rejects.toThrow(DataDirLockedError);
      expect(fs.existsSync(path.join(tmp, 'locked.backup'))).toBe(false);
    } finally {
      holder.kill();
      fs.rmSync(path.join(source.dataDir, 'navet.lock'), { force: true });
    }
  });
});
