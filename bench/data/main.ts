import { parseArgs } from 'node:util';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/connect.ts';
import { BENCH_PASSWORD, describeCounts, generate, planFor } from './generate.ts';

const usage = `Usage: npm run bench:data -- --children N [--audit-rows M] [--tenants T] [--seed S]

Fills an empty database with fictional bench data: PostgreSQL when DATABASE_URL is
set, otherwise the embedded database in NAVET_DATA_DIR (default ./data).
Defaults: about one municipality per 167 children, 200 audit rows per child
(50,000 children: 300 municipalities, ~60,000 users, ~400,000 hub places, 10 M audit rows).`;

function whole(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${raw}"`);
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      children: { type: 'string' },
      'audit-rows': { type: 'string' },
      tenants: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const children = whole('children', values.children);
  if (values.help || children === undefined) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const plan = planFor(children, {
    auditRows: whole('audit-rows', values['audit-rows']),
    tenants: whole('tenants', values.tenants),
    seed: whole('seed', values.seed),
  });
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  try {
    const where = database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${config.dataDir}`;
    console.error(
      `Generating ${plan.children} children in ${plan.tenants} municipalities, ${plan.auditRows} audit rows, into ${where}.`,
    );
    await database.migrate();
    const result = await generate(database, plan);
    console.log(`Generated in ${result.seconds.toFixed(1)} s: ${describeCounts(result.counts)}.`);
    for (const a of result.perArea)
      console.log(`  ${a.name.padEnd(45)} ${a.seconds.toFixed(1).padStart(7)} s (inserts ${a.insertSeconds.toFixed(1)} s)`);
    console.log(`Every user's password is ${BENCH_PASSWORD}. Check the audit chains with: navet audit verify`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
