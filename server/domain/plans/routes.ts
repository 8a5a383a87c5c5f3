import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../common/schemas/children.ts';
import {
  AdoptBody,
  CreatePlanBody,
  EndPlanBody,
  FollowUpBody,
  InvitationsBody,
  ParticipantsBody,
  Plan,
  PlanList,
  PlanParams,
  PlanPatch,
  PlanVersion,
  PlanVersionParams,
  VersionBody,
} from '../../../common/schemas/plans.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import { planItemRoutes } from './item-routes.ts';
import * as lifecycle from './lifecycle.service.ts';
import * as invitations from './invitations.service.ts';
import { planOutputRoutes } from './output-routes.ts';
import * as service from './service.ts';
import * as versions from './versions.service.ts';

/** SIP and I-SIP: the plan, its steps from draft to end, its versions; items and outputs in sibling modules. */
export function planRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['plans'];

  r.get(
    '/api/children/:id/plans',
    {
      schema: {
        tags,
        summary: 'The child’s plans, newest first (one at most is not ended)',
        params: IdParams,
        response: { 200: PlanList, ...errorResponses },
      },
    },
    async (req) => service.listPlans(deps, actorOf(req), req.params.id),
  );

  r.post(
    '/api/children/:id/plans',
    {
      schema: {
        tags,
        summary: 'Start a SIP or I-SIP (staff of the hub; 409 if the child has a plan that has not ended)',
        params: IdParams,
        body: CreatePlanBody,
        response: { 201: Plan, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createPlan(deps, actorOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'The plan as the reader may see it: information not shared with their organisation is left out',
        params: PlanParams,
        response: { 200: Plan, ...errorResponses },
      },
    },
    async (req) => service.getPlan(deps, actorOf(req), req.params.id),
  );

  r.patch(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'Change the plan’s own fields (chair, consent, the child’s part, part 3 and 4); send the version read',
        params: PlanParams,
        body: PlanPatch,
        response: { 200: Plan, ...errorResponses },
      },
    },
    async (req) => service.updatePlan(deps, actorOf(req), req.params.id, req.body),
  );

  r.put(
    '/api/plans/:id/participants',
    {
      schema: {
        tags,
        summary: 'Whom the plan calls: principals are summoned (kallelse), the others invited (inbjudan)',
        params: PlanParams,
        body: ParticipantsBody,
        response: { 200: Plan, ...errorResponses },
      },
    },
    async (req) => service.setParticipants(deps, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/plans/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Schedule the SIP meeting and send the summonses and invitations (needs the child’s valid consent)',
        params: PlanParams,
        body: InvitationsBody,
        response: { 200: Plan, ...errorResponses },
      },
    },
    async (req) => invitations.sendInvitations(deps, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/plans/:id/adopt',
    {
      schema: {
        tags,
        summary: 'Adopt: the four parts, consent, the child’s approval and a follow-up date; 400 names what is missing',
        params: PlanParams,
        body: AdoptBody,
        response: { 200: Plan, ...errorResponses },
      },
    },
    async (req) => lifecycle.adopt(deps, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/plans/:id/revise',
    {
      schema: {
        tags,
        summary: 'Start a new version of an adopted plan; the adopted one applies until the next adoption',
        params: PlanParams,
        body: VersionBody,
        response: { 200: Plan, ...errorResponses },
      },
    },
    async (req) => lifecycle.revise(deps, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/plans/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'Record a follow-up: what happened with each measure, and the next follow-up',
        params: PlanParams,
        body: FollowUpBody,
        response: { 200: Plan, ...errorResponses },
      },
    },
    async (req) => lifecycle.recordFollowUp(deps, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/plans/:id/end',
    {
      schema: {
        tags,
        summary: 'End the plan with a reason (the child may end it: reason child_ended)',
        params: PlanParams,
        body: EndPlanBody,
        response: { 200: Plan, ...errorResponses },
      },
    },
    async (req) => lifecycle.endPlan(deps, actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/plans/:id/versions/:number',
    {
      schema: {
        tags,
        summary: 'One adopted version, read-only, as the reader may see it',
        params: PlanVersionParams,
        response: { 200: PlanVersion, ...errorResponses },
      },
    },
    async (req) => versions.getVersion(deps, actorOf(req), req.params.id, req.params.number),
  );

  planItemRoutes(app, deps);
  planOutputRoutes(app, deps);
}
