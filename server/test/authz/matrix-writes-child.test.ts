import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestApp } from '../harness.ts';
import { documentedRoutes, onChild, runPhase, type Endpoint } from './run.ts';
import { buildAuthzWorld, startMatrixApp, type World } from './world.ts';

/* The plain writes under /api/children/{id} (phase 1), on a world of their own so they run beside the rest. */

let t: TestApp;
let w: World;
let endpoints: Endpoint[];
beforeAll(async () => {
  t = await startMatrixApp();
  endpoints = await documentedRoutes(t);
  w = await buildAuthzWorld(t);
}, 120_000);
afterAll(async () => t.close());

it('writes on a child: every actor gets the status the rules say, and no 2xx carries a child outside their scope', async () => {
  expect(await runPhase(w, endpoints, 1, onChild)).toEqual([]);
}, 300_000);
