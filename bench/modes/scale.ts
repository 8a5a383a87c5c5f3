import path from 'node:path';
import { writePlans } from '../lib/explain.ts';
import { measureTarget, type RunOptions, type TargetRun } from '../lib/measure.ts';
import { repoRoot, runToEnd } from '../lib/processes.ts';
import { machine, resultsDir, runJson, table, writeJson } from '../lib/report.ts';
import {
  dropScaleDatabase,
  envOf,
  recreateScaleDatabase,
  scaleChildren,
  scaleTarget,
  targetFromEnv,
} from '../lib/target.ts';
import { isBuilt, loadScenarios, type Scenario } from '../scenarios/scenario.ts';

/** The targets for the scale curve, unless a scenario states its own (the follow-up query: 250 ms). */
export const targets = { maxGrowth: 1.5, maxP95Ms: 30 };

interface Step {
  size: number;
  /** Null when a kept database was reused. */
  generationSeconds: number | null;
  run: TargetRun;
}

const p95Of = (step: Step, key: string) => step.run.scenarios.find((m) => m.key === key)?.result?.p95 ?? NaN;
const selectP95 = (step: Step) => step.run.baselines.select.result?.p95 ?? NaN;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

/**
 * For each size: a new PostgreSQL database beside DATABASE_URL, generated,
 * served and measured; then the growth of p95 from the smallest to the largest
 * size against the targets, and the plans of the largest.
 */
export async function runScale(
  opts: RunOptions,
  sizes: number[],
  extra: { auditRows?: number; keep: boolean; reuse: boolean },
): Promise<number> {
  const base = targetFromEnv();
  if (base.kind !== 'postgres') throw new Error('--scale needs PostgreSQL: set DATABASE_URL.');
  const scenarios = (await loadScenarios()).filter((s) => s.inScaleCurve && isBuilt(s));
  const ordered = [...new Set(sizes)].sort((a, b) => a - b);
  const largest = ordered[ordered.length - 1]!;
  const steps: Step[] = [];
  let plans = '';
  for (const size of ordered) {
    process.stderr.write(`\n== ${size} children ==\n`);
    const target = scaleTarget(base.databaseUrl!, size);
    let generationSeconds: number | null = null;
    if (extra.reuse && (await scaleChildren(target)) === size) {
      process.stderr.write(`Reusing the kept database ${new URL(target.databaseUrl!).pathname.slice(1)}.\n`);
    } else {
      await recreateScaleDatabase(target);
      const started = Date.now();
      const auditFlag = extra.auditRows === undefined ? [] : ['--audit-rows', String(extra.auditRows)];
      await runToEnd(
        ['--import', 'tsx', path.join(repoRoot, 'bench/data/main.ts'), '--children', String(size), ...auditFlag],
        envOf(target),
      );
      generationSeconds = (Date.now() - started) / 1000;
    }
    const run = await measureTarget(target, scenarios, opts);
    steps.push({ size, generationSeconds, run });
    if (size === largest) {
      plans = path.join(resultsDir, `plans-${size}.txt`);
      await writePlans(
        target.databaseUrl!,
        scenarios,
        { hub: run.users, followUp: run.followUpUsers },
        plans,
        `Plans at ${size} children`,
      );
    }
    if (!extra.keep && !extra.reuse) await dropScaleDatabase(target);
  }
  console.log(`\nScale curve on PostgreSQL; ${opts.connections} connections, ${opts.duration} s per measurement.\n`);
  console.log(
    table(
      [
        'children',
        'generated in',
        'select p95 ms',
        ...scenarios.flatMap((s) => [`(${s.key}) p95 ms`, `(${s.key}) vs select`]),
      ],
      steps.map((st) => [
        String(st.size),
        st.generationSeconds === null ? 'reused' : `${st.generationSeconds.toFixed(0)} s`,
        selectP95(st).toFixed(2),
        ...scenarios.flatMap((s) => [p95Of(st, s.key).toFixed(2), `${(p95Of(st, s.key) / selectP95(st)).toFixed(2)}×`]),
      ]),
    ),
  );
  const first = steps[0]!;
  const last = steps[steps.length - 1]!;
  const checks = scenarios.map((s) => checkScenario(s, first, last));
  if (steps.length > 1) {
    console.log(`\nTargets at ${last.size} against ${first.size} (the issue states them for 50,000 against 1,000):`);
    for (const c of checks)
      console.log(
        `  (${c.key}) p95 ${c.p95Ms.toFixed(2)} ms ≤ ${c.maxP95Ms} ms: ${verdict(c.absoluteOk)};  ` +
          (c.maxGrowth === null
            ? `growth ${c.growth.toFixed(2)}× (no target)  `
            : `growth ${c.growth.toFixed(2)}× ≤ ${c.maxGrowth}×: ${verdict(c.growthOk === true)}  `) +
          `(growth of the ratio to the bare select: ${c.normalisedGrowth.toFixed(2)}×)`,
      );
  }
  console.log(`\nPlans at ${largest}: ${plans}`);
  const file = writeJson('latest.json', {
    mode: 'scale',
    at: new Date().toISOString(),
    database: 'postgres',
    options: { ...opts, sizes: ordered, auditRows: extra.auditRows ?? 'default (200 per child)' },
    machine: machine(),
    targets,
    steps: steps.map((st) => ({ size: st.size, generationSeconds: st.generationSeconds, ...runJson(st.run) })),
    checks: steps.length > 1 ? checks : [],
    plans,
  });
  console.log(`Results: ${file}`);
  return 0;
}

function checkScenario(s: Scenario, first: Step, last: Step) {
  const p95Ms = p95Of(last, s.key);
  const growth = p95Ms / p95Of(first, s.key);
  // The same growth measured against the bare select of each run: less sensitive to a busy machine.
  const normalisedGrowth = p95Ms / selectP95(last) / (p95Of(first, s.key) / selectP95(first));
  const maxP95Ms = s.scaleTarget?.maxP95Ms ?? targets.maxP95Ms;
  const maxGrowth = s.scaleTarget ? (s.scaleTarget.maxGrowth ?? null) : targets.maxGrowth;
  return {
    key: s.key,
    p95Ms,
    growth,
    normalisedGrowth,
    maxP95Ms,
    maxGrowth,
    absoluteOk: p95Ms <= maxP95Ms,
    growthOk: maxGrowth === null ? null : growth <= maxGrowth,
  };
}
