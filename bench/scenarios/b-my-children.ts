import { ChildListQuery } from '../../common/schemas/children.ts';
import { listMyChildren } from '../../server/domain/children/service.ts';
import type { Scenario } from './scenario.ts';

/** (b) "My children": the list a hub member opens first, one audit row per listed child. */
export const scenario: Scenario = {
  key: 'b',
  title: 'my children (GET /api/children)',
  inScaleCurve: true,
  request: () => ({ method: 'GET', path: '/api/children' }),
  explain: (deps, actor) => listMyChildren(deps, actor, ChildListQuery.parse({})),
};
