import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AuditPage, AuditPageQuery, LogReview, LogReviewBody } from '../../../common/schemas/audit.ts';
import { IdParams } from '../../../common/schemas/children.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as service from './service.ts';

export function auditRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  r.get(
    '/api/audit/children/:id',
    {
      schema: {
        tags: ['audit'],
        summary: 'Who did what with one child, newest first',
        params: IdParams,
        querystring: AuditPageQuery,
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (req) => service.childLog(deps, actorOf(req), req.params.id, req.query.before, req.query.limit),
  );

  r.get(
    '/api/audit/users/:id',
    {
      schema: {
        tags: ['audit'],
        summary: 'What one user did, newest first',
        params: IdParams,
        querystring: AuditPageQuery,
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (req) => service.userLog(deps, actorOf(req), req.params.id, req.query.before, req.query.limit),
  );

  r.post(
    '/api/audit/reviews',
    {
      schema: {
        tags: ['audit'],
        summary: 'Record that a log review was done',
        body: LogReviewBody,
        response: { 201: LogReview, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.recordReview(deps, actorOf(req), req.body)),
  );

  r.get(
    '/api/audit/reviews',
    {
      schema: {
        tags: ['audit'],
        summary: 'Log reviews recorded in this tenant',
        response: { 200: z.array(LogReview), ...errorResponses },
      },
    },
    async (req) => service.listReviews(deps, actorOf(req)),
  );
}
