import { FULL } from './groups.ts';
import type { Ctx, Rule } from './rules.ts';

// Its own filler: rules.ts imports this file, so its `child` is not defined yet when this one is evaluated.
const child = (c: Ctx) => ({ id: c.e.childId });

/*
 * The child's own voice: the child writes from their page (the child's cookie,
 * tested in server/domain/childvoice/childvoice.test.ts), the hub reads the
 * messages and answers them.
 */
export const voiceRules: Record<string, Rule> = {
  'POST /api/child-view/messages': {
    scope: 'childCookie',
    allow: [],
    skip: 'the child’s cookie: server/domain/childvoice/childvoice.test.ts',
  },
  'GET /api/children/{id}/child-messages': { scope: 'child', allow: FULL, params: child },
  'POST /api/children/{id}/child-messages/{messageId}/answer': {
    scope: 'child',
    allow: [],
    skip: 'a message exists only once the child has sent one with the child’s cookie: 404 outside scope, 403, 409 and the sharing rule are tested in server/domain/childvoice/childvoice.test.ts',
  },
};
