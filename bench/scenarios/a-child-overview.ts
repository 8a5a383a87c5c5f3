import { getChild } from '../../server/domain/children/service.ts';
import { childOf, type Scenario } from './scenario.ts';

/**
 * (a) An authorised, audited read of one child's overview by a hub member.
 * For now the child record (GET /api/children/:id); when the hub page and the
 * active plan exist, the overview is what that page loads.
 */
export const scenario: Scenario = {
  key: 'a',
  title: "child's overview (GET /api/children/:id)",
  inScaleCurve: true,
  request: (s, n) => ({ method: 'GET', path: `/api/children/${childOf(s, n)}` }),
  explain: (deps, actor, s) => getChild(deps, actor, childOf(s, 0)),
};
