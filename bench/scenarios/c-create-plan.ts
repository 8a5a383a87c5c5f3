import type { CreatePlanBody, EndPlanBody, MeasureBody } from '../../common/schemas/plans.ts';
import { addMeasure } from '../../server/domain/plans/items.service.ts';
import { endPlan } from '../../server/domain/plans/lifecycle.service.ts';
import { createPlan } from '../../server/domain/plans/service.ts';
import type { BenchSession } from '../lib/sessions.ts';
import { childOf, daysAgo, staffOnOpenCase, type Scenario } from './scenario.ts';

export const MEASURES = 5;

export function measureBody(
  s: BenchSession,
  k: number,
): Omit<MeasureBody, 'owningOrganisationId'> & { owningOrganisationId: null } {
  return {
    description: `Stödsamtal ${k + 1}: skolgång och sömn`,
    responsibleOrganisationId: s.organisationIds[0]!,
    responsibleUserId: s.userId,
    responsibleName: null,
    startOn: daysAgo(0),
    endOn: null,
    status: 'planned',
    goal: 'Närvaro minst fyra dagar i veckan till nästa uppföljning',
    needId: null,
    category: 'school',
    owningOrganisationId: null,
  };
}

/** Each eligible child once, taking the sessions in turn, so operations spread over users. */
export function freeChildren(sessions: BenchSession[]): [BenchSession, string][] {
  const seen = new Set<string>();
  const free: [BenchSession, string][] = [];
  for (let k = 0; free.length < 10_000; k++) {
    let added = false;
    for (const s of sessions) {
      const id = s.childIds[k];
      if (id === undefined) continue;
      added = true;
      if (seen.has(id)) continue;
      seen.add(id);
      free.push([s, id]);
    }
    if (!added) break;
  }
  return free;
}

/**
 * (c) Create a plan with 5 measures, as a staff member of the child's hub: one
 * POST of the plan (an I-SIP draft) and five POSTs of measures, timed together
 * as one operation; each is a transaction with its audit row. A child has one
 * plan at a time, so each operation then ends its plan (untimed cleanup, one
 * more POST) and puts the child back for a later operation. Each child is used
 * by one operation at a time; children with a plan already are left out.
 */
export const scenario: Scenario = {
  key: 'c',
  title: 'create a plan with 5 measures',
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
        const body: CreatePlanBody = { kind: 'isip', chairUserId: null };
        plan = (
          await client.send(s, { label: 'POST plan', method: 'POST', path: `/api/children/${childId}/plans`, body })
        ).body as { id: string; version: number };
        for (let k = 0; k < MEASURES; k++)
          plan = (
            await client.send(s, {
              label: 'POST measure',
              method: 'POST',
              path: `/api/plans/${plan.id}/measures`,
              body: measureBody(s, k),
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
    const plan = await createPlan(deps, actor, childOf(s, 0), { kind: 'isip', chairUserId: null });
    let p = plan;
    for (let k = 0; k < MEASURES; k++) p = await addMeasure(deps, actor, plan.id, measureBody(s, k));
    return endPlan(deps, actor, plan.id, { version: p.version, reason: 'other', note: 'Benchmark (explain)' });
  },
};
