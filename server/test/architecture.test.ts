import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorStatus, type ErrorId } from '../../common/errors.ts';

// The one data-access rule (docs/ARCHITECTURE.md): a drizzle query on a database or transaction handle
// (`db.select(`, `tx.insert(`, `db.execute(`, `tx.query.…`) is built only in a repository file, so a reader
// finds every statement of a domain in one place and a service cannot reach data around its repository.

const root = path.resolve(import.meta.dirname, '../..');

/** Files whose name makes them repositories: `repo.ts` or `<something>-repo.ts`. */
const isRepo = (file: string) => /(^|[/-])repo\.ts$/.test(file);

/**
 * Where a direct query is legitimate, or not yet moved. Keep it short: every entry says why.
 * A folder entry ends with `/`.
 */
const allowed: Record<string, string> = {
  'server/db/': 'the connection, migrations and backup are the data layer itself',
  'server/audit/': 'the audit writer, sealer and verifier are infrastructure every repository relies on',
  'server/jobs/': 'the persisted job runner is infrastructure (claims and finishes jobs in its own statements)',
  'server/notify/': 'notice delivery and LISTEN/NOTIFY fan-out are infrastructure',
  'server/cli/': 'command-line tools (admin create, app role) run before any request and own their statements',
  'server/demo/': 'the demo seed writes fixtures directly',
  'server/test/': 'test harness, factories and worlds',
  'server/http/system-routes.ts': 'the health check pings the database (`select 1`), no domain data',
  // Test helpers inside domain folders build fixtures directly.
  'server/domain/events/test-helpers.ts': 'test helper',
  'server/domain/retention/test-data.ts': 'test helper',
  'server/domain/followup/test-fixtures.ts': 'test helper',
  'server/domain/collaboration/operational/test-world.ts': 'test helper',
  // Moved in a later change: this folder is being edited elsewhere now.
  'server/domain/plans/': 'moved in a later change',
  // Not yet moved (issue 14): each still builds queries in its service files.
  'server/domain/events/': 'not yet moved (events gets its repo.ts)',
  'server/domain/hub/first-meeting.service.ts': 'not yet moved',
  'server/domain/hub/questions.service.ts': 'not yet moved',
  'server/domain/hub/topics.service.ts': 'not yet moved',
  'server/domain/meetings/': 'not yet moved (calendar, content, decisions, notices, participants, service)',
};

/** A query built on a handle named like a database or transaction (`db`, `tx`, `deps.db`, `(tx ?? db)`). */
const queryPattern =
  /\b(?:db|tx|trx)\s*\)?\s*\.\s*(?:select|selectDistinct|selectDistinctOn|insert|update|delete|execute)\s*\(|\b(?:db|tx|trx)\s*\.\s*query\s*\.\s*\w+\s*\.\s*find(?:First|Many)\s*\(/;

function serverFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : serverFiles(rel);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [rel] : [];
  });
}

/** Comments may name a query (`// tx.select(…) would …`); only code counts. */
const withoutComments = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

export function filesQueryingOutsideRepos(files: string[], read: (file: string) => string): string[] {
  return files.filter(
    (file) =>
      !isRepo(file) &&
      !Object.keys(allowed).some((entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry)) &&
      queryPattern.test(withoutComments(read(file))),
  );
}

describe('one way to reach data', () => {
  it('builds every query in a repository file', () => {
    const offenders = filesQueryingOutsideRepos(serverFiles('server'), (file) =>
      fs.readFileSync(path.join(root, file), 'utf8'),
    );
    expect(offenders, 'move these queries into the domain repo.ts').toEqual([]);
  });

  it('recognises a query split over lines, and ignores comments and repositories', () => {
    const sources: Record<string, string> = {
      'server/domain/x/service.ts': 'const rows = await tx\n  .select()\n  .from(t);',
      'server/domain/x/other.ts': 'await (tx ?? db).execute(sql`select 1`);',
      'server/domain/x/comment.ts': '// db.select() is not called here\nconst a = hash.update(x);',
      'server/domain/x/repo.ts': 'await db.insert(t).values(v);',
      'server/domain/x/x-repo.ts': 'await db.delete(t);',
    };
    expect(filesQueryingOutsideRepos(Object.keys(sources), (file) => sources[file]!)).toEqual([
      'server/domain/x/service.ts',
      'server/domain/x/other.ts',
    ]);
  });

  it('every allow-list entry still exists', () => {
    for (const entry of Object.keys(allowed)) expect(fs.existsSync(path.join(root, entry)), entry).toBe(true);
  });
});

// One conflict shape: every 409 is built by `errors.conflict` (server/errors.ts), which adds `current` for a
// stale write, and every error body by the one error handler (server/http/error-handler.ts).
const errorHandler = 'server/http/error-handler.ts';

describe('one error enum', () => {
  const files = serverFiles('server').filter((f) => f !== 'server/errors.ts');
  const source = (file: string) => withoutComments(fs.readFileSync(path.join(root, file), 'utf8'));

  it('builds every 409 through errors.conflict', () => {
    const byHand = files.filter((file) => /new AppError\(\s*409\b|\.(?:status|code)\(\s*409\s*\)/.test(source(file)));
    expect(byHand, 'use errors.conflict(id, message, { current })').toEqual([]);
  });

  it('sends no error body by hand outside the error handler', () => {
    const byHand = files.filter(
      (file) => file !== errorHandler && /\.send\(\s*\{\s*['"]?error['"]?\s*:/.test(source(file)),
    );
    expect(byHand, 'throw an AppError from server/errors.ts instead').toEqual([]);
  });

  it('answers each id with its status in common/errors.ts', () => {
    const wrong: string[] = [];
    for (const file of files)
      for (const m of source(file).matchAll(/new AppError\(\s*(\d{3})\s*,\s*'(\w+)'/g))
        if (errorStatus[m[2] as ErrorId] !== Number(m[1])) wrong.push(`${file}: ${m[1]} ${m[2]}`);
    expect(wrong).toEqual([]);
  });
});
