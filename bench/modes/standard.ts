import path from 'node:path';
import { writePlans } from '../lib/explain.ts';
import { measureTarget, type RunOptions } from '../lib/measure.ts';
import { machine, resultsDir, runJson, runTable, writeJson } from '../lib/report.ts';
import { describe, targetFromEnv } from '../lib/target.ts';
import { loadScenarios } from '../scenarios/scenario.ts';

/** Baselines and every scenario on the bench database the environment points at. */
export async function runStandard(opts: RunOptions, explain: boolean, only?: string[]): Promise<number> {
  const target = targetFromEnv();
  // `--only f`: one scenario against the baselines, when a full run is too heavy (50,000 children embedded).
  const scenarios = (await loadScenarios()).filter((s) => !only || only.includes(s.key));
  if (scenarios.length === 0) throw new Error(`--only ${only?.join(',')}: no such scenario`);
  process.stderr.write(`Benchmark on ${describe(target)}\n`);
  const run = await measureTarget(target, scenarios, opts);
  console.log(
    `\nNavet on ${describe(target)}; ${run.sessions} users of ${run.tenantsSampled} municipalities; ` +
      `${opts.connections} connections, ${opts.duration} s each.\n`,
  );
  console.log(runTable(run));
  console.log('\nQuote the ratios to the bare select; absolute times depend on the machine and its load.');
  let plans: string | undefined;
  if (explain) {
    if (target.kind !== 'postgres') throw new Error('--explain needs PostgreSQL (DATABASE_URL).');
    plans = path.join(resultsDir, 'plans-current.txt');
    await writePlans(
      target.databaseUrl!,
      scenarios,
      { hub: run.users, followUp: run.followUpUsers },
      plans,
      `Plans on ${describe(target)}`,
    );
    console.log(`Plans: ${plans}`);
  }
  const file = writeJson('latest.json', {
    mode: 'standard',
    at: new Date().toISOString(),
    database: target.kind,
    options: { ...opts, only: only ?? 'all' },
    machine: machine(),
    ...runJson(run),
    plans,
  });
  console.log(`Results: ${file}`);
  return 0;
}
