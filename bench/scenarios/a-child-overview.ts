import { getChild } from '../../server/domain/children/service.ts';
import { getHub } from '../../server/domain/hub/members.service.ts';
import { listPlans } from '../../server/domain/plans/service.ts';
import { childOf, type Scenario } from './scenario.ts';

/**
 * (a) An authorised, audited read of one child's overview by a hub member: the
 * child, its hub and its plan in force. The child page asks for these in three
 * requests (ChildPage: the child; HubMembers: the hub; ChildPlanSection: the
 * plans, of which it shows the one not ended), so the operation is those three,
 * one after another, timed together. Each one is audited. Civil society sees
 * the narrow view, where the page shows no plans: their places are left out.
 */
export const scenario: Scenario = {
  key: 'a',
  title: "child's overview (child, hub, plans)",
  inScaleCurve: true,
  eligible: (p) => p.hubRole !== 'civil_society',
  request: null,
  operation: (sessions) => async (client, n) => {
    const session = sessions[n % sessions.length]!;
    const id = childOf(session, Math.floor(n / sessions.length));
    await client.send(session, { label: 'GET child', method: 'GET', path: `/api/children/${id}` });
    await client.send(session, { label: 'GET hub', method: 'GET', path: `/api/children/${id}/hub` });
    await client.send(session, { label: 'GET plans', method: 'GET', path: `/api/children/${id}/plans` });
  },
  explain: async (deps, actor, s) => {
    const id = childOf(s, 0);
    await getChild(deps, actor, id);
    await getHub(deps, actor, id);
    return listPlans(deps, actor, id);
  },
};
