import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../common/schemas/children.ts';
import { LoginThrottleReport } from '../../../common/schemas/login-throttle.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import { loginThrottleReport, unlockAccount } from './lockout.ts';

/** The tenant admin's view of an account's failed sign-ins, and the unlock. */
export function lockoutRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  r.get(
    '/api/admin/users/:id/login-failures',
    {
      schema: {
        tags: ['admin'],
        summary: 'Why sign-ins to an account are slowed down: recent failures, from where, since when',
        params: IdParams,
        response: { 200: LoginThrottleReport, ...errorResponses },
      },
    },
    async (req) => loginThrottleReport(deps, actorOf(req), req.params.id),
  );

  r.post(
    '/api/admin/users/:id/unlock',
    {
      schema: {
        tags: ['admin'],
        summary: 'Clear an account’s failed sign-ins so no address has to wait (audited)',
        params: IdParams,
        response: { 200: LoginThrottleReport, ...errorResponses },
      },
    },
    async (req) => unlockAccount(deps, actorOf(req), req.params.id),
  );
}
