import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChild } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { countStatements } from '../../test/statement-counter.ts';
import { buildHubWorld, type Person } from '../hub/test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** "My children" as `person` sees it, and the statements the request sent (session and audit included). */
async function listed(w: Awaited<ReturnType<typeof buildHubWorld>>, person: Person) {
  const counter = countStatements(t.database);
  try {
    const res = await w.clients[person].get('/api/children?pageSize=50');
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.json<{ items: { view: string }[]; total: number }>(), statements: [...counter.texts] };
  } finally {
    counter.stop();
  }
}

describe('GET /api/children: statements per request', () => {
  it('takes at most four statements, session and audit included, whatever the number of children', async () => {
    const counts: Record<string, number[]> = { social_worker: [], volunteer: [] };
    for (const extra of [0, 6]) {
      const w = await buildHubWorld(t);
      for (let i = 0; i < extra; i++)
        await buildChild(t.database.db, {
          tenantId: w.tenant.id,
          name: `Barn ${i}`,
          hub: [
            { user: w.people.social_worker, hubRole: 'social_worker' },
            { user: w.people.volunteer, hubRole: 'civil_society' },
          ],
        });
      for (const person of ['social_worker', 'volunteer'] as const) {
        const { body, statements } = await listed(w, person);
        expect(body.total).toBe(1 + extra);
        expect(body.items.every((i) => i.view === (person === 'volunteer' ? 'narrow' : 'full'))).toBe(true);
        expect(statements.length, statements.join('\n---\n')).toBeLessThanOrEqual(4);
        counts[person]!.push(statements.length);
      }
    }
    expect(counts.social_worker![1]).toBe(counts.social_worker![0]);
    expect(counts.volunteer![1]).toBe(counts.volunteer![0]);
  });
});
