import { MeasuresQuery } from '../../common/schemas/events.ts';
import { measures } from '../../server/domain/events/settings.service.ts';
import { daysAgo, type Scenario } from './scenario.ts';

/** The last twelve months, as the follow-up page asks for a year. */
function lastYear(): MeasuresQuery {
  const to = daysAgo(0).slice(0, 7);
  const from = daysAgo(335).slice(0, 7);
  return MeasuresQuery.parse({ from, to });
}

/**
 * (e) The municipality's follow-up query: GET /api/notices/measures, the time
 * from an event to its notices reaching a screen, being read and acknowledged
 * (median and p90 per month and event type) over a year of the municipality's
 * notices. As the social services' managers and coordinators (its policy:
 * manager or coordinator); aggregates only, one audit row.
 */
export const scenario: Scenario = {
  key: 'e',
  title: 'follow-up query (GET /api/notices/measures, 12 months)',
  actors: 'follow-up',
  inScaleCurve: true,
  scaleTarget: { maxP95Ms: 250 },
  request: () => {
    const q = lastYear();
    return { method: 'GET', path: `/api/notices/measures?from=${q.from}&to=${q.to}` };
  },
  explain: (deps, actor) => measures(deps, actor, lastYear()),
};
