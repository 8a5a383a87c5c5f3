import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanContent } from '../../../common/schemas/plans.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { plans, planVersions } from '../plans/tables.ts';
import { figuresUrl, followupWorld } from './test-fixtures.ts';

/** The child's participation counts plans adopted as well as meetings held (worked out by hand). */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const march = (day: number) => new Date(`2026-03-${String(day).padStart(2, '0')}T10:00:00+01:00`);

describe('the child participation indicator', () => {
  it('counts each held meeting and each adopted plan version; a plan counts when the child took part or its own words are there', async () => {
    const w = await followupWorld(t.app, t.database.db);
    const db = t.database.db;
    const planParts: [string | null, string | null][] = [
      ['took_part', null],
      ['took_part_partly', null],
      ['declined', 'Jag vill gå kvar i min skola.'],
      [null, 'Jag vill bo nära min bror.'],
      ['views_through_other', null],
      ['declined', '   '], // blank words are no words
      [null, null],
      ['views_through_other', null],
      [null, null],
      [null, null],
    ];
    for (const [i, [participation, words]] of planParts.entries()) {
      const c = await w.child();
      await w.meeting(c.id, march(5), { childParticipation: i < 3 ? 'whole' : 'none' });
      const [plan] = await db
        .insert(plans)
        .values({
          tenantId: w.tenant.id,
          childId: c.id,
          kind: 'sip',
          status: 'active',
          initiatorId: w.people.social_worker.id,
          childParticipation: participation,
          childWords: words,
          adoptedVersion: 1,
        })
        .returning();
      const version = (number: number, adoptedAt: Date) => ({
        planId: plan!.id,
        number,
        tenantId: w.tenant.id,
        childId: c.id,
        content: {} as PlanContent,
        adoptedAt,
        adoptedBy: w.people.social_worker.id,
        childApproved: true,
        followUpOn: '2026-06-01',
        followUpUserId: w.people.social_worker.id,
      });
      await db.insert(planVersions).values(version(1, march(12)));
      // A second version adopted in April is April's, not March's.
      if (i === 0) await db.insert(planVersions).values(version(2, new Date('2026-04-02T10:00:00+02:00')));
    }
    const client = await w.as(w.people.manager);
    const res = await client.get(figuresUrl('municipality', w.tenant.id, 'child_participation', '2026-03', '2026-04'));
    expect(res.statusCode, res.body).toBe(200);
    const [m, april] = res.json<{ figures: { points: Record<string, unknown>[] }[] }>().figures[0]!.points;
    // March: 10 meetings (3 with the child) and 10 adoptions (4 with the child's part or words): 7 of 20.
    expect(m).toMatchObject({ period: '2026-03', children: '10', base: '20', hits: '7', value: 0.35 });
    // April: one adoption, from one child: masked.
    expect(april).toMatchObject({ period: '2026-04', children: '<5' });
  });
});
