import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../../../common/schemas/children.ts';
import {
  AdminUser,
  CreateUserBody,
  MembershipBody,
  MembershipParams,
  Organisation,
  OrganisationBody,
  TenantSettings,
  TenantSettingsBody,
  UserList,
  UserListQuery,
} from '../../../common/schemas/tenancy.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import { grantRoutes } from './grants-routes.ts';
import * as service from './service.ts';

/** Tenant administration: organisations, users and their roles, tenant settings. Tenant admins only. */
export function tenancyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['admin'];
  grantRoutes(app, deps);

  r.get(
    '/api/admin/organisations',
    {
      schema: {
        tags,
        summary: 'Organisations of this tenant',
        response: { 200: z.array(Organisation), ...errorResponses },
      },
    },
    async (req) => service.listOrganisations(deps, actorOf(req)),
  );

  r.post(
    '/api/admin/organisations',
    {
      schema: {
        tags,
        summary: 'Add an organisation',
        body: OrganisationBody,
        response: { 201: Organisation, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createOrganisation(deps, actorOf(req), req.body)),
  );

  r.get(
    '/api/admin/users',
    {
      schema: {
        tags,
        summary: 'Users of this tenant with their memberships',
        querystring: UserListQuery,
        response: { 200: UserList, ...errorResponses },
      },
    },
    async (req) => service.listUsers(deps, actorOf(req), req.query),
  );

  r.post(
    '/api/admin/users',
    {
      schema: {
        tags,
        summary:
          'Create a user with a first password and at least one membership; roles that open children’s data wait for a second admin',
        body: CreateUserBody,
        response: { 201: AdminUser, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createUser(deps, actorOf(req), req.body)),
  );

  r.get(
    '/api/admin/users/:id',
    {
      schema: {
        tags,
        summary: 'One user of this tenant with their memberships',
        params: IdParams,
        response: { 200: AdminUser, ...errorResponses },
      },
    },
    async (req) => service.getUser(deps, actorOf(req), req.params.id),
  );

  r.post(
    '/api/admin/users/:id/memberships',
    {
      schema: {
        tags,
        summary:
          'Give a user a role in an organisation; a role that opens children’s data, or the admin role, is requested and waits for a second admin',
        params: IdParams,
        body: MembershipBody,
        response: { 201: AdminUser, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addMembership(deps, actorOf(req), req.params.id, req.body)),
  );

  r.delete(
    '/api/admin/users/:id/memberships/:membershipId',
    {
      schema: {
        tags,
        summary: 'End a membership (kept, with its end time, for the record)',
        params: MembershipParams,
        response: { 200: AdminUser, ...errorResponses },
      },
    },
    async (req) => service.endMembership(deps, actorOf(req), req.params.id, req.params.membershipId),
  );

  r.post(
    '/api/admin/users/:id/disable',
    {
      schema: {
        tags,
        summary: 'Disable a user and end all their sessions',
        params: IdParams,
        response: { 200: AdminUser, ...errorResponses },
      },
    },
    async (req) => service.disableUser(deps, actorOf(req), req.params.id),
  );

  r.get(
    '/api/admin/tenant',
    {
      schema: { tags, summary: 'Tenant settings', response: { 200: TenantSettings, ...errorResponses } },
    },
    async (req) => service.getSettings(deps, actorOf(req)),
  );

  r.put(
    '/api/admin/tenant',
    {
      schema: {
        tags,
        summary: 'Change tenant settings',
        body: TenantSettingsBody,
        response: { 200: TenantSettings, ...errorResponses },
      },
    },
    async (req) => service.updateSettings(deps, actorOf(req), req.body),
  );
}
