import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationsFolder, openDatabase } from '../db/connect.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** A cache, as tools keep theirs: deleting it costs only time. */
export const templateRoot = path.join(root, 'node_modules/.cache/navet/embedded');

/**
 * Which template fits: the same PGlite (its data folder format) and the same committed migrations.
 * A template made from other ones is never used.
 */
export function templateKey(): string {
  const hash = createHash('sha256');
  hash.update(fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json')));
  for (const file of fs.readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    const full = path.join(migrationsFolder, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Gives a new embedded data folder its database by copying a migrated empty one, made once and
 * kept in the cache. Creating a PostgreSQL cluster inside PGlite (initdb) and migrating it is most of
 * a first start (about 8 s of CPU, and twice the memory of a running server); a copy takes a fraction
 * of a second. A folder that already has a database is left alone; so is one when the cache cannot
 * be written (a read-only install), where PGlite then initialises the folder itself, only slower.
 */
export async function seedDataDirFromTemplate(dataDir: string): Promise<'existing' | 'copied' | 'unavailable'> {
  const pgDir = path.join(path.resolve(dataDir), 'pg');
  if (fs.existsSync(pgDir) && fs.readdirSync(pgDir).length > 0) return 'existing';
  const key = templateKey();
  const template = path.join(templateRoot, key);
  try {
    if (!fs.existsSync(template)) await buildTemplate(template);
    fs.mkdirSync(path.dirname(pgDir), { recursive: true });
    fs.cpSync(template, pgDir, { recursive: true });
    return 'copied';
  } catch (err) {
    fs.rmSync(pgDir, { recursive: true, force: true });
    console.warn(`No database template (${err instanceof Error ? err.message : String(err)}); initialising in place.`);
    return 'unavailable';
  }
}

/** Builds beside the final place and renames, so a run never sees a half-made template. */
async function buildTemplate(template: string): Promise<void> {
  const building = `${template}.${process.pid}.tmp`;
  fs.rmSync(building, { recursive: true, force: true });
  try {
    const database = await openDatabase({ dataDir: building, skipLock: true });
    try {
      await database.migrate();
    } finally {
      await database.close();
    }
    try {
      fs.renameSync(path.join(building, 'pg'), template);
    } catch {
      // Another process made the same template meanwhile: use theirs.
    }
  } finally {
    fs.rmSync(building, { recursive: true, force: true });
  }
  // Templates of earlier migrations only take space now.
  for (const entry of fs.readdirSync(templateRoot)) {
    if (entry !== path.basename(template) && !entry.endsWith('.tmp')) {
      fs.rmSync(path.join(templateRoot, entry), { recursive: true, force: true });
    }
  }
}
