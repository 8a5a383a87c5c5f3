import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Database } from '../../server/db/connect.ts';
import { hashPassword } from '../../server/domain/auth/passwords.ts';
import { bulkInserter, queryOf } from './bulk.ts';
import type { Area, GenContext, Plan } from './context.ts';
import { Progress, formatCount } from './progress.ts';
import { createRng } from './random.ts';

/** Every generated user's password: the load benchmark logs in with it. Bench databases only. */
export const BENCH_PASSWORD = 'navet-bench-2026';
/** Generated users' e-mail addresses end with this; the benchmark finds its users by it. */
export const BENCH_EMAIL_SUFFIX = '.bench.navet.se';

/** About 167 children per municipality (300 at 50,000) and 200 audit rows per child (10 million at 50,000). */
export function planFor(children: number, opts: Partial<Omit<Plan, 'children'>> = {}): Plan {
  if (!Number.isInteger(children) || children < 1) throw new Error('--children must be a whole number of at least 1');
  const tenants = opts.tenants ?? Math.max(1, Math.round(children / 167));
  if (tenants > children) throw new Error('--tenants cannot exceed --children');
  return {
    children,
    tenants,
    auditRows: opts.auditRows ?? children * 200,
    seed: opts.seed ?? 2026,
    now: opts.now ?? new Date(),
  };
}

const areasDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'areas');

/** Every file in areas/ that exports `area`, in their order: adding a domain's data is adding a file. */
export async function loadAreas(): Promise<Area[]> {
  const files = fs.readdirSync(areasDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const areas: Area[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(areasDir, f)).href)) as { area?: Area };
    if (mod.area) areas.push(mod.area);
  }
  return areas.sort((a, b) => a.order - b.order);
}

export interface GenerateResult {
  seconds: number;
  /** insertSeconds: time spent waiting for inserts (summed over lanes, so it can exceed seconds). */
  perArea: { name: string; seconds: number; insertSeconds: number }[];
  counts: Record<string, number>;
}

/**
 * Fills a migrated, empty database. Refuses one that already has tenants: bench
 * data must never mix with real or demo data.
 */
export async function generate(database: Database, plan: Plan): Promise<GenerateResult> {
  const query = queryOf(database);
  const [existing] = await query('select count(*)::int as n from tenants');
  if (Number(existing?.n ?? 0) > 0)
    throw new Error('This database already has tenants. Generate into an empty database (a new one, or an empty data folder).');
  const areas = await loadAreas();
  const started = Date.now();
  const progress = new Progress(areas.reduce((s, a) => s + a.estimate(plan), 0));
  const insert = bulkInserter(query, database.kind === 'postgres' ? 5000 : 2000);
  let insertMs = 0;
  const ctx: GenContext = {
    plan,
    rng: createRng(plan.seed),
    tenants: [],
    passwordHash: await hashPassword(BENCH_PASSWORD),
    insert: async (table, rows) => {
      const t0 = Date.now();
      await insert(table, rows);
      insertMs += Date.now() - t0;
    },
    query,
    auditTemplates: areas.flatMap((a) => a.audit ?? []),
    lanes: database.kind === 'postgres' ? 2 : 1,
    progress: (n) => progress.add(n),
    withoutIndexes: async (table, fn) => {
      // Indexes that back a constraint (the primary key, unique constraints) stay.
      const defs = await query(
        `select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = $1
           and indexname not in (select conname from pg_constraint where conrelid = $1::regclass)`,
        [table],
      );
      for (const d of defs) await query(`drop index "${String(d.indexname)}"`);
      try {
        await fn();
      } finally {
        progress.setLabel(`${table}: building ${defs.length} indexes`);
        for (const d of defs) await query(String(d.indexdef));
      }
    },
  };
  const perArea: GenerateResult['perArea'] = [];
  for (const area of areas) {
    const t0 = Date.now();
    insertMs = 0;
    progress.setLabel(area.name);
    await area.generate(ctx);
    perArea.push({ name: area.name, seconds: (Date.now() - t0) / 1000, insertSeconds: insertMs / 1000 });
  }
  progress.finish();
  const counts: Record<string, number> = {};
  for (const table of [
    'tenants',
    'organisations',
    'users',
    'memberships',
    'children',
    'hub_members',
    'consents',
    'meetings',
    'decisions',
    'plans',
    'plan_measures',
    'child_events',
    'notifications',
    'audit_log',
  ]) {
    const [row] = await query(`select count(*)::bigint as n from ${table}`);
    counts[table] = Number(row?.n ?? 0);
  }
  // Both kinds: PGlite has no autovacuum either, and without statistics its plans for the
  // follow-up queries at 1,000 children were several times slower than at 50,000.
  await query('analyze');
  return { seconds: (Date.now() - started) / 1000, perArea, counts };
}

export function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${k} ${formatCount(v)}`)
    .join(', ');
}
