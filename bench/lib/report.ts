import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Measured, TargetRun } from './measure.ts';
import { repoRoot } from './processes.ts';
import { statementsCell } from './statements.ts';

export const resultsDir = path.join(repoRoot, 'bench/results');

/** A plain text table: first column left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(2) : n.toFixed(1));
const times = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '-');

/** Navet's figures as ratios to the bare select of the same run: the figures to quote. */
export function ratios(m: Measured, select: Measured) {
  const r = m.result;
  const s = select.result;
  if (!r || !s) return null;
  return { rps: r.rps / s.rps, p50: r.p50 / s.p50, p95: r.p95 / s.p95, p99: r.p99 / s.p99 };
}

export function runTable(run: TargetRun): string {
  const { bare, select } = run.baselines;
  const row = (m: Measured): string[] => {
    if (!m.built || !m.result)
      return [`(${m.key}) ${m.title}`, m.note ?? 'not built yet', '', '', '', '', '', '', '', '', ''];
    const r = m.result;
    const q = ratios(m, select)!;
    const perOp = 'requestsPerOperation' in r ? ` [op of ${r.requestsPerOperation.toFixed(1)} req]` : '';
    const name = (m === bare || m === select ? m.title : `(${m.key}) ${m.title}`) + perOp;
    const statuses = Object.keys(r.statuses).length
      ? ` (${Object.entries(r.statuses)
          .map(([k, v]) => `${k}:${v}`)
          .join(' ')})`
      : '';
    return [
      name,
      r.rps.toFixed(0),
      ms(r.p50),
      ms(r.p95),
      ms(r.p99),
      `${r.errors}${statuses}`,
      m.memory ? m.memory.rssMb.toFixed(0) : '-',
      m === select ? '1×' : times(q.rps),
      m === select ? '1×' : times(q.p50),
      m === select ? '1×' : times(q.p99),
      m === bare || m === select ? '' : statementsCell(m.statements),
    ];
  };
  return (
    table(
      [
        '',
        'req/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'errors',
        'RSS MiB',
        'req/s vs select',
        'p50 vs select',
        'p99 vs select',
        'SQL/req',
      ],
      [row(bare), row(select), ...run.scenarios.map(row)],
    ) +
    (run.scenarios.some((m) => m.result && 'requestsPerOperation' in m.result)
      ? '\n[op of N req]: req/s counts operations, latency is the whole operation (its timed requests); see bench/README.md.'
      : '') +
    '\nSQL/req: statements each timed request sent, counted at the driver in one run (a+b+c for an operation).'
  );
}

/** The load average as the benchmark starts (this module loads with it), before its own load adds to it. */
const loadAtStart = os.loadavg();
const loadOf = (load: number[]) => load.map((l) => Number(l.toFixed(2)));

/** The machine, and its load average (1, 5, 15 min) at the benchmark's start and as the results are written. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: loadOf(loadAtStart),
    loadAverageAtEnd: loadOf(os.loadavg()),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

export function writeJson(name: string, data: unknown): string {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, name);
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

/** One measurement for latest.json; `vsSelect` holds the ratios to the bare select of the same run. */
export function measuredJson(m: Measured, select: Measured) {
  if (!m.built || !m.result) return { key: m.key, title: m.title, built: m.built, note: m.note };
  const { rps, p50, p95, p99, errors, statuses, requests } = m.result;
  const op = 'requestsPerOperation' in m.result ? m.result : null;
  const q = ratios(m, select);
  return {
    key: m.key,
    title: m.title,
    built: true,
    requests,
    rps,
    p50Ms: p50,
    p95Ms: p95,
    p99Ms: p99,
    errors,
    statuses,
    rssMb: m.memory?.rssMb ?? null,
    peakRssMb: m.memory?.peakMb ?? null,
    vsSelect: q,
    statements: m.statements ?? null,
    ...(op
      ? {
          unit: 'operation',
          requestsPerOperation: op.requestsPerOperation,
          steps: op.steps,
          // The operation's median shared evenly among its requests, against the select's median.
          timedRequestsPerOperation: op.timedRequestsPerOperation,
          p50PerRequestVsSelect: q ? q.p50 / op.timedRequestsPerOperation : null,
        }
      : { unit: 'request' }),
  };
}

export function runJson(run: TargetRun) {
  const { bare, select } = run.baselines;
  return {
    baselines: { bare: measuredJson(bare, select), select: measuredJson(select, select) },
    scenarios: run.scenarios.map((m) => measuredJson(m, select)),
    sessions: run.sessions,
    tenantsSampled: run.tenantsSampled,
    rollupRebuilt: run.rollupRebuilt,
  };
}
