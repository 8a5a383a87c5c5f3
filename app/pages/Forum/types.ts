import type { LevelsStart } from '../../../common/schemas/forum.ts';

/** One collaboration as the start data gives it, with the actor's abilities. */
export type CollaborationSummary = LevelsStart['collaborations'][number];
export type Level = 'strategic' | 'operational';
