import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureTarget, type RunOptions } from '../lib/measure.ts';
import { repoRoot, runToEnd, startNavet } from '../lib/processes.ts';
import { machine, runJson, runTable, writeJson } from '../lib/report.ts';
import { envOf, type Target } from '../lib/target.ts';
import { loadScenarios } from '../scenarios/scenario.ts';

const RESTARTS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Starts `navet serve` on a folder RESTARTS times; each start is timed until /api/health answers. */
async function restarts(target: Target): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RESTARTS; i++) {
    const navet = await startNavet(envOf(target));
    times.push(navet.readyMs);
    await navet.stop();
  }
  return times;
}

/**
 * The embedded database as a small installation meets it: the very first start
 * (empty folder: migrations and demo data), restarts, and the scenarios at a
 * small size. Everything happens in a temporary folder that is removed after.
 */
export async function runEmbedded(opts: RunOptions, children: number, auditRows?: number): Promise<number> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'navet-bench-embedded-'));
  try {
    const demo: Target = { kind: 'pglite', dataDir: path.join(root, 'demo') };
    process.stderr.write('First start on an empty folder (migrations and demo data)…\n');
    const first = await startNavet(envOf(demo));
    const firstMs = first.readyMs;
    const firstMemory = first.memory();
    await first.stop();
    process.stderr.write('Restarts on the demo folder…\n');
    const demoRestarts = await restarts(demo);

    const data: Target = { kind: 'pglite', dataDir: path.join(root, 'data') };
    process.stderr.write(`Generating ${children} children…\n`);
    const auditFlag = auditRows === undefined ? [] : ['--audit-rows', String(auditRows)];
    await runToEnd(
      ['--import', 'tsx', path.join(repoRoot, 'bench/data/main.ts'), '--children', String(children), ...auditFlag],
      envOf(data),
    );
    process.stderr.write(`Restarts on the folder with ${children} children…\n`);
    const dataRestarts = await restarts(data);
    const run = await measureTarget(data, await loadScenarios(), opts);

    console.log('\nEmbedded database (PGlite)\n');
    console.log(
      `  first start, empty folder to serving (with demo data): ${(firstMs / 1000).toFixed(2)} s, RSS ${firstMemory?.rssMb.toFixed(0) ?? '-'} MiB`,
    );
    console.log(
      `  restart to serving, demo folder:     median ${(median(demoRestarts) / 1000).toFixed(2)} s of ${RESTARTS}`,
    );
    console.log(
      `  restart to serving, ${children} children: median ${(median(dataRestarts) / 1000).toFixed(2)} s of ${RESTARTS}`,
    );
    console.log(`\nScenarios at ${children} children; ${opts.connections} connections, ${opts.duration} s each.\n`);
    console.log(runTable(run));
    const file = writeJson('latest.json', {
      mode: 'embedded',
      at: new Date().toISOString(),
      database: 'pglite',
      options: { ...opts, children, auditRows: auditRows ?? 'default (200 per child)' },
      machine: machine(),
      firstStartMs: firstMs,
      firstStartRssMb: firstMemory?.rssMb ?? null,
      restartDemoMs: demoRestarts,
      restartDataMs: dataRestarts,
      ...runJson(run),
    });
    console.log(`\nResults: ${file}`);
    return 0;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
