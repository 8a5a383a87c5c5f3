// Fails when server/db/schema.ts and the committed migrations disagree: drizzle-kit
// generates into a copy of the migrations folder, and any new file means a schema
// change without its migration (run `npm run db:generate` and commit the result).
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const committed = path.join(root, 'server/db/migrations');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'navet-migrations-'));
const copy = path.join(tmp, 'migrations');

function files(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

let code = 0;
try {
  fs.cpSync(committed, copy, { recursive: true });
  const before = new Set(files(copy));
  const drizzleKit = path.join(root, 'node_modules/drizzle-kit/bin.cjs');
  const run = spawnSync(process.execPath, [drizzleKit, 'generate'], {
    cwd: root,
    // drizzle-kit reads `out` relative to the working folder, even an absolute one.
    env: { ...process.env, NAVET_MIGRATIONS_OUT: path.relative(root, copy) },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const added = run.status === 0 ? files(copy).filter((f) => !before.has(f)) : [];
  // drizzle-kit exits 0 on some errors (a missing snapshot): trust only its explicit "no changes".
  const unchanged = added.length === 0 && /No schema changes/.test(run.stdout);
  if (run.status !== 0 || (added.length === 0 && !unchanged)) {
    console.error(`drizzle-kit generate failed:\n${run.stdout}${run.stderr}`);
    code = 1;
  } else if (added.length > 0) {
    console.error('server/db/schema.ts has changes that no committed migration holds. drizzle-kit would add:');
    for (const f of added) console.error(`  ${f}`);
    const sql = added.find((f) => f.endsWith('.sql'));
    if (sql) console.error(`\n${fs.readFileSync(path.join(copy, sql), 'utf8')}`);
    console.error('Run `npm run db:generate` and commit the new migration.');
    code = 1;
  } else {
    console.log(`Schema and migrations agree (${before.size} committed migration files).`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
