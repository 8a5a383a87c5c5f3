import type { FastifyInstance } from 'fastify';
import { CollaborationParams } from '../../../../common/schemas/forum.ts';
import {
  Agreement,
  AgreementBody,
  AgreementList,
  Barrier,
  BarrierBody,
  BarrierList,
  BarrierParams,
  BarrierPatch,
  BarrierProposalMade,
  Evaluation,
  EvaluationBody,
  EvaluationList,
  NeedsMapping,
} from '../../../../common/schemas/strategic.ts';
import type { Deps } from '../../../deps.ts';
import { actorOf } from '../../../http/auth-plugin.ts';
import { api, errorResponses } from '../../../http/route.ts';
import * as service from './service.ts';

/** The strategic level: barriers, agreements, evaluations and the needs mapping. */
export function strategicRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['strategic'];
  const base = '/api/collaborations/:id';
  const params = CollaborationParams;

  r.get(
    `${base}/barriers`,
    { schema: { tags, summary: 'The barrier register', params, response: { 200: BarrierList, ...errorResponses } } },
    async (req) => service.listBarriers(deps, actorOf(req), req.params.id),
  );
  r.post(
    `${base}/barriers`,
    {
      schema: {
        tags,
        summary: 'Register a barrier with its owner and due date',
        params,
        body: BarrierBody,
        response: { 201: Barrier, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createBarrier(deps, actorOf(req), req.params.id, req.body)),
  );
  r.patch(
    `${base}/barriers/:barrierId`,
    {
      schema: {
        tags,
        summary: 'Status, action, owner, due date, a linked proposal',
        params: BarrierParams,
        body: BarrierPatch,
        response: { 200: Barrier, ...errorResponses },
      },
    },
    async (req) => service.updateBarrier(deps, actorOf(req), req.params.id, req.params.barrierId, req.body),
  );
  r.post(
    `${base}/barriers/:barrierId/escalate`,
    {
      schema: {
        tags,
        summary: 'Move a forum’s barrier to the strategic level',
        params: BarrierParams,
        response: { 200: Barrier, ...errorResponses },
      },
    },
    async (req) => service.escalateBarrier(deps, actorOf(req), req.params.id, req.params.barrierId),
  );
  r.post(
    `${base}/barriers/:barrierId/proposal`,
    {
      schema: {
        tags,
        summary: 'Make the barrier a development proposal (step 3), linked both ways (409 if it has one)',
        params: BarrierParams,
        response: { 201: BarrierProposalMade, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.proposeFromBarrier(deps, actorOf(req), req.params.id, req.params.barrierId)),
  );
  r.get(
    `${base}/agreements`,
    {
      schema: {
        tags,
        summary: 'Agreements besides the governance document',
        params,
        response: { 200: AgreementList, ...errorResponses },
      },
    },
    async (req) => service.listAgreements(deps, actorOf(req), req.params.id),
  );
  r.post(
    `${base}/agreements`,
    {
      schema: {
        tags,
        summary: 'Record an agreement',
        params,
        body: AgreementBody,
        response: { 201: Agreement, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createAgreement(deps, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    `${base}/evaluations`,
    { schema: { tags, summary: 'Effect evaluations', params, response: { 200: EvaluationList, ...errorResponses } } },
    async (req) => service.listEvaluations(deps, actorOf(req), req.params.id),
  );
  r.post(
    `${base}/evaluations`,
    {
      schema: {
        tags,
        summary: 'Record an effect evaluation',
        params,
        body: EvaluationBody,
        response: { 201: Evaluation, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createEvaluation(deps, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    `${base}/needs-mapping`,
    {
      schema: {
        tags,
        summary: 'The target group in counts per municipality (below 5: "<5")',
        params,
        response: { 200: NeedsMapping, ...errorResponses },
      },
    },
    async (req) => service.needsMapping(deps, actorOf(req), req.params.id),
  );
}
