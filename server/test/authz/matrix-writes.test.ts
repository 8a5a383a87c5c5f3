import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../harness.ts';
import { documentedRoutes, onChild, runPhase, type Endpoint } from './run.ts';
import { buildAuthzWorld, startMatrixApp, type World } from './world.ts';

/*
 * The writes of the matrix, phase by phase: plain writes (1; those under
 * /api/children/{id} run in matrix-writes-child.test.ts), the meeting's
 * invitations (2, 3), the plan's adoption (4), the adopted version, its
 * follow-up and the meeting's start (5), a new plan version and the meeting's
 * close (6), the end of the plan and the minutes' amendments (7), then what
 * changes the hub and the tenant (8) and, last, closing the case (9).
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

describe.each([1, 2, 3, 4, 5, 6, 7, 8, 9])('phase %i', (phase) => {
  it('every actor gets the status the rules say, and no 2xx carries a child outside their scope', async () => {
    const only = phase === 1 ? (e: Endpoint) => !onChild(e) : undefined;
    expect(await runPhase(w, endpoints, phase, only)).toEqual([]);
  }, 300_000);
});
