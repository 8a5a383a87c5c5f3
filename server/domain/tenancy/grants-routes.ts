import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../common/schemas/children.ts';
import { RoleGrant, RoleGrantList } from '../../../common/schemas/tenancy.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as grants from './grants.service.ts';

/** Roles that wait for a second admin: the list, approval and rejection. Tenant admins only. */
export function grantRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['admin'];

  r.get(
    '/api/admin/grants',
    {
      schema: {
        tags,
        summary: 'Requested roles that wait for a second admin, oldest first',
        response: { 200: RoleGrantList, ...errorResponses },
      },
    },
    async (req) => grants.listPendingGrants(deps, actorOf(req)),
  );

  r.post(
    '/api/admin/grants/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a requested role (never your own request, never a role for yourself); the role is given',
        params: IdParams,
        response: { 200: RoleGrant, ...errorResponses },
      },
    },
    async (req) => grants.approveGrant(deps, actorOf(req), req.params.id),
  );

  r.post(
    '/api/admin/grants/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a requested role (the requester may withdraw their own request)',
        params: IdParams,
        response: { 200: RoleGrant, ...errorResponses },
      },
    },
    async (req) => grants.rejectGrant(deps, actorOf(req), req.params.id),
  );
}
