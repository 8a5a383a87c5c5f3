import { FiguresQuery } from '../../common/schemas/followup.ts';
import { figures } from '../../server/domain/followup/service.ts';
import type { BenchSession } from '../lib/sessions.ts';
import { daysAgo, type Scenario } from './scenario.ts';

/**
 * What the follow-up page asks for when it opens, as each of its readers: the
 * coordinator's view of the municipality (every indicator, the last twelve
 * months by month), and the manager's of their organisation (every indicator,
 * the last two years by quarter). Alternating per request.
 */
function queryOf(session: BenchSession, n: number): FiguresQuery {
  const to = daysAgo(0).slice(0, 7);
  return n % 2 === 0
    ? FiguresQuery.parse({ level: 'municipality', id: session.tenantId, from: daysAgo(335).slice(0, 7), to })
    : FiguresQuery.parse({
        level: 'organisation',
        id: session.organisationIds[0],
        from: daysAgo(700).slice(0, 7),
        to,
        period: 'quarter',
      });
}

/**
 * (f) The follow-up dashboards: GET /api/followup/figures, all eleven indicators
 * at once, masked, read from the roll-up (`server/domain/followup/rollup-*.ts`),
 * which the generator builds as the nightly job does. As the social services'
 * managers and coordinators; one audit row per request.
 */
export const scenario: Scenario = {
  key: 'f',
  title: 'follow-up dashboards (GET /api/followup/figures, 11 indicators)',
  actors: 'follow-up',
  inScaleCurve: true,
  scaleTarget: { maxP95Ms: 250 },
  request: (session, n) => {
    const q = queryOf(session, n);
    const params = new URLSearchParams({ level: q.level, id: q.id, from: q.from, to: q.to, period: q.period });
    return { method: 'GET', path: `/api/followup/figures?${params.toString()}` };
  },
  explain: (deps, actor, session) => figures(deps, actor, queryOf(session, 0)),
};
