import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase } from '../db/connect.ts';
import { rowsOf } from '../notify/recipients.ts';
import { seedDataDirFromTemplate, templateKey, templateRoot } from './embedded-template.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'navet-template-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
  entries: unknown[];
};

describe('a new embedded data folder', () => {
  it('starts as a copy of the migrated template, with every migration and no data', async () => {
    const dataDir = path.join(tempDir(), 'data');
    expect(await seedDataDirFromTemplate(dataDir)).toBe('copied');
    expect(fs.existsSync(path.join(templateRoot, templateKey(), 'PG_VERSION'))).toBe(true);

    const database = await openDatabase({ dataDir });
    try {
      const applied = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(rowsOf<{ n: number }>(applied)[0]?.n).toBe(journal.entries.length);
      const tenants = await database.db.execute(sql`select count(*)::int as n from tenants`);
      expect(rowsOf<{ n: number }>(tenants)[0]?.n).toBe(0);
      await database.migrate(); // nothing left to do, and no error
    } finally {
      await database.close();
    }
  });

  it('leaves a folder that has a database alone', async () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, 'pg'));
    fs.writeFileSync(path.join(dataDir, 'pg', 'PG_VERSION'), 'mine\n');
    expect(await seedDataDirFromTemplate(dataDir)).toBe('existing');
    expect(fs.readdirSync(path.join(dataDir, 'pg'))).toEqual(['PG_VERSION']);
  });

  it('keys the template by the migrations, so a new migration never meets an old template', () => {
    expect(templateKey()).toMatch(/^[0-9a-f]{16}$/);
    expect(templateKey()).toBe(templateKey());
  });
});
