import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../harness.ts';
import { rules } from './rules.ts';
import {
  actorOrder,
  documentedRoutes,
  expectedStatus,
  leaks,
  outOfScopeMarks,
  send,
  sidesOf,
  withoutRule,
  type Endpoint,
} from './run.ts';
import { buildAuthzWorld, startMatrixApp, type World } from './world.ts';

/*
 * Every documented route × every actor × {in scope, another child of the
 * municipality, another municipality, an ended place in the hub}: the status
 * the rules predict, and never a child outside the actor's scope in a 2xx.
 * Phases order the writes that change what later cases need (README.md).
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

/** The routes of a phase, in the document's order (read on first use: the document loads in beforeAll). */
const phases = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const phaseOf = (key: string) => {
  const r = rules[key]!;
  return r.phase ?? (key.startsWith('GET ') ? 0 : 1);
};

describe.each(phases)('phase %i', (phase) => {
  it('answers every actor as the rules say, and no 2xx carries a child outside the actor’s scope', async () => {
    const failures: string[] = [];
    for (const e of endpoints.filter((x) => rules[x.key] && phaseOf(x.key) === phase)) {
      const rule = rules[e.key]!;
      if (rule.skip) continue;
      let succeeded = 0;
      for (const actor of actorOrder(rule)) {
        for (const side of sidesOf(e, rule)) {
          const want = expectedStatus(rule, actor, side);
          const { res, url } = await send(w, e, rule, actor, side);
          const got = res.statusCode;
          const name = `${e.key} as ${actor} on ${side} (${url})`;
          const okGot = got >= 200 && got < 300;
          if (rule.scope === 'public') {
            if (got >= 500) failures.push(`${name}: ${got} ${res.body.slice(0, 200)}`);
          } else if (want === 'ok') {
            const lateOnce = rule.once && succeeded > 0 && got === 409;
            if (!okGot && !lateOnce) failures.push(`${name}: want 2xx, got ${got} ${res.body.slice(0, 200)}`);
            if (okGot) succeeded++;
          } else if (got !== want) {
            failures.push(`${name}: want ${want}, got ${got} ${res.body.slice(0, 200)}`);
          }
          if (okGot) {
            const found = leaks(res.body, outOfScopeMarks(w, actor, rule));
            if (found.length > 0) failures.push(`${name}: 2xx carries out-of-scope data ${found.join(', ')}`);
          }
        }
      }
    }
    if (failures.length > 0) console.log(failures.join('\n'));
    expect(failures).toEqual([]);
  }, 300_000);
});
