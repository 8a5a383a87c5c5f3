import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../common/schemas/children.ts';
import {
  ActiveHold,
  ActiveHoldList,
  LegalHoldBody,
  PlaceHoldBody,
  LegalHoldState,
  RetentionRun,
  RetentionRunList,
  RetentionSettings,
  RetentionSettingsBody,
} from '../../../common/schemas/retention.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses, NoContent } from '../../http/route.ts';
import * as service from './service.ts';

export function retentionRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['retention'];
  r.get(
    '/api/admin/retention/settings',
    {
      schema: {
        tags,
        summary: 'Retention periods per record type',
        response: { 200: RetentionSettings, ...errorResponses },
      },
    },
    async (req) => service.settings(deps, actorOf(req)),
  );
  r.put(
    '/api/admin/retention/settings',
    {
      schema: {
        tags,
        summary: 'Set retention periods; below the installation minimum is 409',
        body: RetentionSettingsBody,
        response: { 200: RetentionSettings, ...errorResponses },
      },
    },
    async (req) => service.saveSettings(deps, actorOf(req), req.body),
  );
  r.get(
    '/api/admin/retention/holds',
    {
      schema: {
        tags,
        summary: 'The open legal holds of the municipality; a child named only within the admin’s own scope',
        response: { 200: ActiveHoldList, ...errorResponses },
      },
    },
    async (req) => service.listHolds(deps, actorOf(req)),
  );
  r.post(
    '/api/admin/retention/holds',
    {
      schema: {
        tags,
        summary: 'Place a legal hold on the case a reference names (a dry run’s pseudonym or the case number)',
        body: PlaceHoldBody,
        response: { 201: ActiveHold, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.placeHoldByReference(deps, actorOf(req), req.body)),
  );
  r.get(
    '/api/admin/retention/children/:id/hold',
    {
      schema: {
        tags,
        summary: 'The open legal hold on a child',
        params: IdParams,
        response: { 200: LegalHoldState, ...errorResponses },
      },
    },
    async (req) => service.hold(deps, actorOf(req), req.params.id),
  );
  r.put(
    '/api/admin/retention/children/:id/hold',
    {
      schema: {
        tags,
        summary: 'Place (or reword) a legal hold: nothing of the child is deleted while it is open',
        params: IdParams,
        body: LegalHoldBody,
        response: { 200: LegalHoldState, ...errorResponses },
      },
    },
    async (req) => service.placeHold(deps, actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/api/admin/retention/children/:id/hold',
    {
      schema: {
        tags,
        summary: 'Release the legal hold on a child',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.releaseHold(deps, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/api/admin/retention/runs',
    {
      schema: {
        tags,
        summary: 'Dry runs and deletions, newest first',
        response: { 200: RetentionRunList, ...errorResponses },
      },
    },
    async (req) => service.listRuns(deps, actorOf(req)),
  );
  r.post(
    '/api/admin/retention/runs',
    {
      schema: {
        tags,
        summary: 'Build a dry run now: what retention would delete',
        response: { 201: RetentionRun, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.dryRun(deps, actorOf(req))),
  );
  r.get(
    '/api/admin/retention/runs/:id',
    {
      schema: {
        tags,
        summary: 'One dry run and its progress',
        params: IdParams,
        response: { 200: RetentionRun, ...errorResponses },
      },
    },
    async (req) => service.getRun(deps, actorOf(req), req.params.id),
  );
  r.post(
    '/api/admin/retention/runs/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a dry run; 409 when the data changed since',
        params: IdParams,
        response: { 200: RetentionRun, ...errorResponses },
      },
    },
    async (req) => service.approve(deps, actorOf(req), req.params.id),
  );
}
