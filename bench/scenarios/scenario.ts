import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Actor } from '../../server/context.ts';
import type { Deps } from '../../server/deps.ts';
import type { Operation } from '../lib/operations.ts';
import type { BenchSession, BenchUser, Place } from '../lib/sessions.ts';

export interface BenchRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Sent as JSON with the session's CSRF token. */
  body?: unknown;
}

/**
 * One measured use of Navet: a file in bench/scenarios/ exporting `scenario`.
 * One request per use sets `request` (measured with autocannon); a use that
 * takes several requests sets `operation` instead (measured as one operation,
 * lib/operations.ts). A feature that does not exist yet has neither and is
 * reported as "not built yet".
 */
export interface Scenario {
  /** Its letter in the issue: a, b, c … */
  key: string;
  title: string;
  /** `n` counts requests: use it to walk through users and their children. */
  request: ((session: BenchSession, n: number) => BenchRequest) | null;
  /** Several requests as one operation: given the sessions that act, the operation to repeat. */
  operation?: (sessions: BenchSession[]) => Operation;
  /** Who acts: hub members (the default) or the social services' managers and coordinators. */
  actors?: 'hub' | 'follow-up';
  /** Only the places where this holds: each session's children are narrowed to them, sessions without any left out. */
  eligible?: (place: Place) => boolean;
  /** Measured at every size of the scale curve. */
  inScaleCurve?: boolean;
  /** The target for the scale curve at the largest size: p95 (ms) and, if given, growth from the smallest. */
  scaleTarget?: { maxP95Ms: number; maxGrowth?: number };
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

export const isBuilt = (s: Scenario): boolean => s.request !== null || s.operation !== undefined;

/** The users who act in a scenario, their children narrowed to the eligible places. */
export function actorsOf<T extends BenchUser>(s: Scenario, hub: T[], followUp: T[]): T[] {
  const pool = s.actors === 'follow-up' ? followUp : hub;
  const eligible = s.eligible;
  if (!eligible) return pool;
  return pool
    .map((u) => {
      const places = u.places.filter(eligible);
      return { ...u, places, childIds: places.map((p) => p.childId) };
    })
    .filter((u) => u.childIds.length > 0);
}

/** The n-th child of a session, walking through all of them over the run. */
export function childOf(session: BenchSession, n: number): string {
  return session.childIds[n % session.childIds.length]!;
}

/** Staff of the hub (not civil society) on an open case: who may start a plan or record most events. */
export const staffOnOpenCase = (p: Place): boolean => p.hubRole !== 'civil_society' && p.caseOpen;

/** Today's date in Sweden, days back. */
export function daysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  return d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}
