import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { migrationsFolder, openDatabase } from '../db/connect.ts';

export const templateRoot = path.resolve('.test-template');

function migrationsDigest(): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    const full = path.join(migrationsFolder, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Migrates once: the PostgreSQL database, or a template PGlite folder the test files copy. */
export default async function setup({ provide }: { provide: (key: 'templateDir', value: string) => void }) {
  if (process.env.DATABASE_URL) {
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
    await database.migrate();
    await database.close();
    provide('templateDir', '');
    return;
  }
  const dir = path.join(templateRoot, migrationsDigest());
  if (!fs.existsSync(dir)) {
    // Build beside it and rename: parallel runs never see a half-migrated template.
    const building = `${dir}.${process.pid}.tmp`;
    const database = await openDatabase({ dataDir: building, skipLock: true });
    await database.migrate();
    await database.close();
    try {
      fs.renameSync(building, dir);
    } catch {
      fs.rmSync(building, { recursive: true, force: true }); // another run won the race
    }
  }
  provide('templateDir', dir);
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDir: string;
  }
}
