import type { Scenario } from './scenario.ts';

/** (e) The municipality's follow-up query (operational/strategic level). Not built yet. */
export const scenario: Scenario = { key: 'e', title: 'municipality follow-up query', request: null };
