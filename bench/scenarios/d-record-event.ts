import type { Scenario } from './scenario.ts';

/** (d) Record an event (e.g. an asylum decision that must reach the hub). Not built yet. */
export const scenario: Scenario = { key: 'd', title: 'record an event', request: null };
