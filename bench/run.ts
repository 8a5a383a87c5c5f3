import { parseArgs } from 'node:util';
import type { RunOptions } from './lib/measure.ts';
import { runEmbedded } from './modes/embedded.ts';
import { runScale } from './modes/scale.ts';
import { runStandard } from './modes/standard.ts';

const usage = `Usage: npm run bench -- [options]

  (default)                 baselines and scenarios on the bench database in DATABASE_URL
                            or NAVET_DATA_DIR (fill it first: npm run bench:data -- --children N)
  --scale 1000,10000,50000  PostgreSQL: generate each size in a new database beside DATABASE_URL,
                            measure p95 of (a), (b) and (e), check the targets, write the plans
  --embedded                embedded database: first start with demo data, restart time,
                            and the scenarios at --children (default 500)

  --duration S     seconds per measurement (default 10)
  --connections N  concurrent connections (default 10)
  --warmup S       unmeasured seconds before each measurement (default 2)
  --users N        hub members to log in as (default 50)
  --tenants N      municipalities they come from (default 5, the same at every size)
  --children N     size for --embedded (default 500)
  --audit-rows N   audit rows for generated databases (default 200 per child)
  --only f,e       default mode: only these scenarios (by letter), beside the baselines
  --explain        default mode on PostgreSQL: also write the plans of every scenario
                   ((c) and (d) write: one plan created and ended, one event)
  --keep           --scale: keep the generated databases (<database>_scale_<size>)
  --reuse          --scale: measure a kept database of the right size instead of generating it
                   (implies --keep)

Writes bench/results/latest.json (and plans-<size>.txt). See bench/README.md.`;

function num(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replaceAll('_', ''));
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number, got "${raw}"`);
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' },
      connections: { type: 'string' },
      warmup: { type: 'string' },
      users: { type: 'string' },
      tenants: { type: 'string' },
      children: { type: 'string' },
      'audit-rows': { type: 'string' },
      scale: { type: 'string' },
      embedded: { type: 'boolean' },
      explain: { type: 'boolean' },
      keep: { type: 'boolean' },
      reuse: { type: 'boolean' },
      only: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const opts: RunOptions = {
    duration: num('duration', values.duration, 10),
    connections: Math.max(1, Math.round(num('connections', values.connections, 10))),
    warmup: num('warmup', values.warmup, 2),
    users: Math.max(1, Math.round(num('users', values.users, 50))),
    tenants: Math.max(1, Math.round(num('tenants', values.tenants, 5))),
  };
  const auditRows =
    values['audit-rows'] === undefined ? undefined : Math.round(num('audit-rows', values['audit-rows'], 0));
  if (values.scale !== undefined) {
    const sizes = values.scale.split(',').map((s) => Math.round(num('scale', s.trim(), 0)));
    if (sizes.length === 0 || sizes.some((s) => s < 1)) throw new Error('--scale takes sizes such as 1000,10000,50000');
    return runScale(opts, sizes, { auditRows, keep: values.keep === true, reuse: values.reuse === true });
  }
  if (values.embedded) return runEmbedded(opts, Math.round(num('children', values.children, 500)), auditRows);
  const only = values.only?.split(',').map((k) => k.trim());
  return runStandard(opts, values.explain === true, only);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
