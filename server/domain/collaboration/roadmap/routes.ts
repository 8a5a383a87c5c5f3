import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CollaborationParams } from '../../../../common/schemas/collaboration-core.ts';
import {
  DecisionBody,
  DecisionList,
  DecisionParams,
  Proposal,
  ProposalBody,
  ProposalConflict,
  ProposalList,
  ProposalParams,
  ProposalPatch,
  ReviewBody,
  ReviewList,
  ReviewParams,
  ReviewRecordBody,
  Roadmap,
  Step,
  StepBody,
  StepConflict,
  StepParams,
} from '../../../../common/schemas/collaboration-roadmap.ts';
import type { Deps } from '../../../deps.ts';
import { actorOf } from '../../../http/auth-plugin.ts';
import { errors } from '../../../errors.ts';
import { api, errorResponses } from '../../../http/route.ts';
import * as proposals from './proposals.ts';
import * as reviews from './reviews.ts';
import * as service from './service.ts';

const PdfFile = z.string().describe('A PDF file, sent as application/pdf');

/** The seven steps and the artefacts of steps 1 (decisions), 3 (proposals) and 7 (reviews). */
export function roadmapRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['collaboration'];

  r.get(
    '/api/collaborations/:id/steps',
    {
      schema: {
        tags,
        summary: 'The seven steps: status, owner, due date, what each produced and what it still lacks',
        params: CollaborationParams,
        response: { 200: Roadmap, ...errorResponses },
      },
    },
    async (req) => service.getRoadmap(deps, actorOf(req), req.params.id),
  );
  r.put(
    '/api/collaborations/:id/steps/:step',
    {
      schema: {
        tags,
        summary: 'Update a step; done only when its artefact exists (409 listing what is missing)',
        params: StepParams,
        body: StepBody,
        response: { 200: Step, ...errorResponses, 409: StepConflict },
      },
    },
    async (req) => {
      const res = await service.updateStep(deps, actorOf(req), req.params.id, req.params.step, req.body);
      if (res.ok) return res.step;
      if (res.kind === 'stale')
        throw errors.conflict(
          'version_conflict',
          'Someone else changed this step since you opened it. The current step is attached.',
          { current: res.current },
        );
      // What is missing travels in `current.missing`: the step as it is now.
      throw errors.conflict('step_incomplete', 'The step cannot be done yet: what it must produce is missing.', {
        current: res.current,
      });
    },
  );

  r.get(
    '/api/collaborations/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Step 1: each party’s management decision',
        params: CollaborationParams,
        response: { 200: DecisionList, ...errorResponses },
      },
    },
    async (req) => service.listDecisions(deps, actorOf(req), req.params.id),
  );
  r.post(
    '/api/collaborations/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Record a party’s decision: who, when, the words and/or the PDF (checked by its bytes, size-limited)',
        params: CollaborationParams,
        body: DecisionBody,
        response: { 201: DecisionList, ...errorResponses, 413: errorResponses[400] },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.recordDecision(deps, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/collaborations/:id/decisions/:decisionId/document',
    {
      schema: {
        tags,
        summary: 'The attached decision document (PDF)',
        params: DecisionParams,
        response: { 200: PdfFile, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await service.decisionPdf(deps, actorOf(req), req.params.id, req.params.decisionId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${encodeURIComponent(filename)}"`)
        .header('cache-control', 'no-store')
        .send(pdf as unknown as string);
    },
  );

  r.get(
    '/api/collaborations/:id/proposals',
    {
      schema: {
        tags,
        summary: 'Step 3: the development proposals',
        params: CollaborationParams,
        response: { 200: ProposalList, ...errorResponses },
      },
    },
    async (req) => proposals.listProposals(deps, actorOf(req), req.params.id),
  );
  r.post(
    '/api/collaborations/:id/proposals',
    {
      schema: {
        tags,
        summary: 'Add a development proposal',
        params: CollaborationParams,
        body: ProposalBody,
        response: { 201: Proposal, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await proposals.createProposal(deps, actorOf(req), req.params.id, req.body)),
  );
  r.patch(
    '/api/collaborations/:id/proposals/:proposalId',
    {
      schema: {
        tags,
        summary: 'Move a proposal on (decided with the decision → implemented → evaluated) or change its owner',
        params: ProposalParams,
        body: ProposalPatch,
        response: { 200: Proposal, ...errorResponses, 409: ProposalConflict },
      },
    },
    async (req) => {
      const res = await proposals.updateProposal(deps, actorOf(req), req.params.id, req.params.proposalId, req.body);
      if (res.ok) return res.proposal;
      throw errors.conflict(
        'version_conflict',
        'Someone else changed this proposal since you opened it. The current one is attached.',
        { current: res.current },
      );
    },
  );

  r.get(
    '/api/collaborations/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Step 7: review dates and what each review found',
        params: CollaborationParams,
        response: { 200: ReviewList, ...errorResponses },
      },
    },
    async (req) => reviews.listReviews(deps, actorOf(req), req.params.id),
  );
  r.post(
    '/api/collaborations/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Plan a review',
        params: CollaborationParams,
        body: ReviewBody,
        response: { 201: ReviewList, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await reviews.planReview(deps, actorOf(req), req.params.id, req.body.dueOn)),
  );
  r.put(
    '/api/collaborations/:id/reviews/:reviewId',
    {
      schema: {
        tags,
        summary: 'Record a held review: what works, what does not, actions (they become proposals), maybe a revision',
        params: ReviewParams,
        body: ReviewRecordBody,
        response: { 200: ReviewList, ...errorResponses },
      },
    },
    async (req) => reviews.recordReview(deps, actorOf(req), req.params.id, req.params.reviewId, req.body),
  );
}
