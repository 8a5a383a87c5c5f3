import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Actor } from '../../server/context.ts';
import type { Deps } from '../../server/deps.ts';
import type { BenchSession } from '../lib/sessions.ts';

export interface BenchRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Sent as JSON with the session's CSRF token. */
  body?: unknown;
}

/**
 * One measured use of Navet: a file in bench/scenarios/ exporting `scenario`.
 * A feature that does not exist yet has `request: null` and is reported as
 * "not built yet"; building it means filling in `request` (and `explain`).
 */
export interface Scenario {
  /** Its letter in the issue: a, b, c … */
  key: string;
  title: string;
  /** `n` counts requests: use it to walk through users and their children. */
  request: ((session: BenchSession, n: number) => BenchRequest) | null;
  /** Measured at every size of the scale curve. */
  inScaleCurve?: boolean;
  /**
   * Calls the service behind the route directly, so that its queries can be
   * captured and explained (EXPLAIN ANALYZE) at the largest size.
   */
  explain?: (deps: Deps, actor: Actor, session: BenchSession) => Promise<unknown>;
}

const dir = path.dirname(fileURLToPath(import.meta.url));

export async function loadScenarios(): Promise<Scenario[]> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'scenario.ts');
  const found: Scenario[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { scenario?: Scenario };
    if (mod.scenario) found.push(mod.scenario);
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

/** The n-th child of a session, walking through all of them over the run. */
export function childOf(session: BenchSession, n: number): string {
  return session.childIds[n % session.childIds.length]!;
}
