import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorIds } from '../../../common/schemas/followup.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { countStatements } from '../../test/statement-counter.ts';
import { rebuildTenant } from './rollup-repo.ts';
import { followupWorld } from './test-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** The dashboard's request for every indicator: one aggregate for all of them (two by quarter), not one each. */
describe('GET /api/followup/figures: statements per request', () => {
  it('does not grow with the number of indicators, from the roll-up and computed directly', async () => {
    const w = await followupWorld(t.app, t.database.db);
    for (let i = 0; i < 6; i++) await w.meeting((await w.child()).id, new Date('2026-03-10T09:00:00+01:00'));
    const client = await w.as(w.people.coordinator);
    const statements = async (period: string, indicator?: string) => {
      const q = new URLSearchParams({ level: 'municipality', id: w.tenant.id, from: '2026-01', to: '2026-06', period });
      if (indicator) q.set('indicator', indicator);
      const counter = countStatements(t.database);
      try {
        const res = await client.get(`/api/followup/figures?${q.toString()}`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json<{ figures: unknown[] }>().figures).toHaveLength(indicator ? 1 : indicatorIds.length);
        return [...counter.texts];
      } finally {
        counter.stop();
      }
    };
    for (const built of [false, true]) {
      if (built) await rebuildTenant(t.database.db, w.tenant.id, new Date());
      for (const period of ['month', 'quarter']) {
        const one = await statements(period, 'child_participation');
        const all = await statements(period);
        expect(all.length, all.join('\n---\n')).toBe(one.length);
        // The transaction's ends, the session, scope, targets, roll-up state, the audit row: one aggregate (two by quarter).
        expect(all.length, all.join('\n---\n')).toBeLessThanOrEqual(period === 'quarter' ? 8 : 7);
      }
    }
  });
});
