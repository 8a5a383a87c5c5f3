import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../../../common/schemas/children.ts';
import {
  ReviewScheduleBody,
  SampledReview,
  SampledReviewList,
  VerdictBody,
} from '../../../common/schemas/retention.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as service from './service.ts';

const SampleParams = z.object({ id: z.string().uuid(), sampleId: z.string().uuid() });

/** The sampled log review: the documented review (`/api/audit/reviews`) with a sample drawn by Navet. */
export function logReviewRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['audit'];
  r.post(
    '/api/audit/review-schedules',
    {
      schema: {
        tags,
        summary: 'Schedule sampled log reviews of my organisation; the first is drawn at once',
        body: ReviewScheduleBody,
        response: { 201: SampledReview, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.schedule(deps, actorOf(req), req.body)),
  );
  r.get(
    '/api/audit/sampled-reviews',
    {
      schema: {
        tags,
        summary: 'Sampled log reviews I run, newest due first',
        response: { 200: SampledReviewList, ...errorResponses },
      },
    },
    async (req) => service.list(deps, actorOf(req)),
  );
  r.get(
    '/api/audit/sampled-reviews/:id',
    {
      schema: {
        tags,
        summary: 'One sampled review with its rows',
        params: IdParams,
        response: { 200: SampledReview, ...errorResponses },
      },
    },
    async (req) => service.get(deps, actorOf(req), req.params.id),
  );
  r.put(
    '/api/audit/sampled-reviews/:id/samples/:sampleId',
    {
      schema: {
        tags,
        summary: 'Record a verdict on one sampled row: in order, or follow-up with action, owner and due date',
        params: SampleParams,
        body: VerdictBody,
        response: { 200: SampledReview, ...errorResponses },
      },
    },
    async (req) => service.decide(deps, actorOf(req), req.params.id, req.params.sampleId, req.body),
  );
  r.post(
    '/api/audit/sampled-reviews/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a review once every row has a verdict; it is recorded as a log review',
        params: IdParams,
        response: { 200: SampledReview, ...errorResponses },
      },
    },
    async (req) => service.close(deps, actorOf(req), req.params.id),
  );
}
