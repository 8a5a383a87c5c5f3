import type { Scenario } from './scenario.ts';

/** (c) Create a plan (SIP / I-SIP). Not built yet: fill in `request` when the plans domain exists. */
export const scenario: Scenario = { key: 'c', title: 'create a plan', request: null };
