import { BackupError } from '../db/backup.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { CliError } from './cli-error.ts';
import { serve } from './serve.ts';

const usage = `Usage: navet <command>

  serve            start the server (migrates; seeds the demo on an empty embedded database)
  migrate          run database migrations
  demo             seed the demo tenant "Strömsund (demo)"
  admin create     create a tenant, its first organisation and its tenant admin
                   --tenant NAME --org NAME [--org-type municipality|region|state_agency|private_provider|civil_society]
                   --email EMAIL --name NAME [--no-totp]   (password from NAVET_ADMIN_PASSWORD, or asked)
  audit verify     check the audit log's hash chains; exits 1 at the first broken link, or when rows
                   wait for the sealer longer than --unsealed-limit SECONDS (default 300)
  audit seal       chain the rows a stopped server left unsealed (a running server does it by itself)
  backup FILE      write a backup (PostgreSQL: pg_dump custom format; embedded: a data dump,
                   which needs the data folder free: stop the server first)
  restore FILE     restore a backup into an empty database or an empty data folder

Exit codes: 0 done, 1 failed (or audit chain broken), 2 bad input, 3 data folder in use.
Environment: DATABASE_URL (PostgreSQL), NAVET_DATA_DIR (embedded, default ./data), PORT, HOST,
NAVET_APP_ROLE (migrate: the role the server connects as; on audit_log only SELECT, INSERT and sealing).`;

async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  if (cmd === 'serve') {
    await serve();
    return -1;
  }
  // The other commands' modules load only for them: `serve` loads what it needs while the database starts.
  const { commands } = await import('./commands.ts');
  const key = sub && `${cmd} ${sub}` in commands ? `${cmd} ${sub}` : cmd;
  const args = key === cmd ? [sub, ...rest].filter((a): a is string => a !== undefined) : rest;
  const run = key ? commands[key] : undefined;
  if (!run) {
    console.log(usage);
    return cmd === undefined || cmd === 'help' || cmd === '--help' ? 0 : 2;
  }
  return run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(3);
    }
    if (err instanceof CliError) {
      console.error(err.message);
      process.exit(err.exitCode);
    }
    if (err instanceof BackupError) {
      console.error(err.message);
      process.exit(2);
    }
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
