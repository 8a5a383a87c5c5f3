import type { RecordEventBody } from '../../common/schemas/events.ts';
import { recordEvent } from '../../server/domain/events/service.ts';
import { childOf, daysAgo, staffOnOpenCase, type Scenario } from './scenario.ts';

/** A changed wellbeing: any staff member of the hub may record it, and the hub is told. */
const body = (): RecordEventBody => ({
  type: 'wellbeing_changed',
  occurredOn: daysAgo(1),
  source: 'residence',
  note: 'Sover sämre sedan i helgen; vill prata med någon.',
  departureDate: null,
  // The same event on the same day is recorded again and again here: say so, as a user would after the 409.
  confirmDuplicate: true,
});

/**
 * (d) Record an event that notifies the hub: POST /api/children/:id/events.
 * The request writes the event, its audit row and the routing job in one
 * transaction; the job that writes the hub's notices runs in the server's job
 * runner right after, during the measurement (its cost is in the server's load,
 * not in this request's latency).
 */
export const scenario: Scenario = {
  key: 'd',
  title: 'record an event (POST /api/children/:id/events)',
  eligible: staffOnOpenCase,
  request: (s, n) => ({ method: 'POST', path: `/api/children/${childOf(s, n)}/events`, body: body() }),
  explain: (deps, actor, s) => recordEvent(deps, actor, childOf(s, 0), body()),
};
