import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestApp } from '../harness.ts';
import { rules } from './rules.ts';
import { documentedRoutes, runPhase, withoutRule, type Endpoint } from './run.ts';
import { buildAuthzWorld, startMatrixApp, type World } from './world.ts';

/*
 * The reads of the matrix: every documented GET × every actor × {in scope,
 * another child of the municipality, another municipality, an ended place in
 * the hub}. The writes run in matrix-writes.test.ts on a world of their own.
 */

let t: TestApp;
let w: World;
let endpoints: Endpoint[];
beforeAll(async () => {
  t = await startMatrixApp();
  endpoints = await documentedRoutes(t);
  w = await buildAuthzWorld(t);
}, 120_000);
afterAll(async () => t.close());

it('has a rule for every documented route, and no rule for a route that is gone', () => {
  expect(endpoints.length).toBeGreaterThan(100);
  expect(withoutRule(endpoints), 'routes without a rule in server/test/authz/rules.ts').toEqual([]);
  const documented = new Set(endpoints.map((e) => e.key));
  expect(Object.keys(rules).filter((k) => !documented.has(k))).toEqual([]);
});

it('reads: every actor gets the status the rules say, and no 2xx carries a child outside their scope', async () => {
  expect(await runPhase(w, endpoints, 0)).toEqual([]);
}, 300_000);
