import type { CreatePlanBody, EndPlanBody } from '../../common/schemas/plans.ts';
import { endPlan } from '../../server/domain/plans/lifecycle.service.ts';
import { createPlan } from '../../server/domain/plans/service.ts';
import { freeChildren, MEASURES, measureBody } from './c-create-plan.ts';
import { childOf, staffOnOpenCase, type Scenario } from './scenario.ts';

/**
 * (c′) The plan of (c) with the same 5 measures, created in ONE request and one transaction
 * (`POST /api/children/:id/plans` with `measures`). As in (c), each operation then ends its plan
 * (untimed cleanup) and puts the child back; one operation per child at a time.
 */
export const scenario: Scenario = {
  key: 'c′',
  title: 'create a plan with 5 measures in one request',
  eligible: (p) => staffOnOpenCase(p) && !p.hasOpenPlan,
  request: null,
  operation: (sessions) => {
    const free = freeChildren(sessions);
    return async (client) => {
      const pair = free.shift();
      if (!pair) throw new Error('every eligible child has a plan in progress: use more --users');
      const [s, childId] = pair;
      let plan: { id: string; version: number } | null = null;
      try {
        const body: CreatePlanBody = {
          kind: 'isip',
          chairUserId: null,
          measures: Array.from({ length: MEASURES }, (_, k) => measureBody(s, k)),
        };
        plan = (
          await client.send(s, {
            label: 'POST plan with measures',
            method: 'POST',
            path: `/api/children/${childId}/plans`,
            body,
          })
        ).body as { id: string; version: number };
      } finally {
        if (plan) {
          const end: EndPlanBody = { version: plan.version, reason: 'other', note: 'Benchmark' };
          await client.send(
            s,
            { label: 'POST end (cleanup)', method: 'POST', path: `/api/plans/${plan.id}/end`, body: end },
            { cleanup: true },
          );
        }
        free.push(pair);
      }
    };
  },
  explain: async (deps, actor, s) => {
    const plan = await createPlan(deps, actor, childOf(s, 0), {
      kind: 'isip',
      chairUserId: null,
      measures: Array.from({ length: MEASURES }, (_, k) => measureBody(s, k)),
    });
    return endPlan(deps, actor, plan.id, { version: plan.version, reason: 'other', note: 'Benchmark (explain)' });
  },
};
