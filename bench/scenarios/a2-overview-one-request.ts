import { childOverview } from '../../server/domain/children/overview.service.ts';
import { childOf, type Scenario } from './scenario.ts';

/**
 * (a′) The child page's first view in one request: `GET /api/children/:id/overview` (the child
 * with its flags, its hub, and for the full view its open deadlines, upcoming meetings and
 * questions), one read statement and one audit row. The same readers and children as (a), so the
 * two compare; it answers more than (a)'s three requests (dates, meetings, questions) but not the
 * plans, which the page's plan section asks for on its own.
 */
export const scenario: Scenario = {
  key: 'a′',
  title: "child's overview in one request",
  inScaleCurve: true,
  scaleTarget: { maxP95Ms: 30, maxGrowth: 1.5 },
  eligible: (p) => p.hubRole !== 'civil_society',
  request: (session, n) => ({ method: 'GET', path: `/api/children/${childOf(session, n)}/overview` }),
  explain: (deps, actor, s) => childOverview(deps, actor, childOf(s, 0)),
};
