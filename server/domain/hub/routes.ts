import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../common/schemas/children.ts';
import {
  AddMemberBody,
  AgreementBody,
  EndMemberBody,
  EndMemberResult,
  Hub,
  HubMember,
  MemberParams,
  OrganisationList,
  PeopleList,
  PeopleQuery,
  TenantTopicBody,
  TenantTopicPatch,
  Topic,
  TopicAssignment,
  TopicAssignmentBody,
  TopicList,
  TopicMatrix,
  TopicParams,
} from '../../../common/schemas/hub.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as directory from './directory.service.ts';
import * as members from './members.service.ts';
import * as topics from './topics.service.ts';
import { hubWorkRoutes } from './work-routes.ts';

/** The hub around a child: members, agreement, topics; and the directory to pick people from. */
export function hubRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  r.get(
    '/api/children/:id/hub',
    {
      schema: {
        tags: ['hub'],
        summary: 'The adults around the child, with how to reach them (narrow view for civil society)',
        params: IdParams,
        response: { 200: Hub, ...errorResponses },
      },
    },
    async (req) => members.getHub(deps, actorOf(req), req.params.id),
  );

  r.post(
    '/api/children/:id/hub/members',
    {
      schema: {
        tags: ['hub'],
        summary: 'Add a person to the hub (the hub’s social worker)',
        params: IdParams,
        body: AddMemberBody,
        response: { 201: HubMember, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await members.addMember(deps, actorOf(req), req.params.id, req.body)),
  );

  r.post(
    '/api/children/:id/hub/members/:memberId/end',
    {
      schema: {
        tags: ['hub'],
        summary: 'End a membership; the last of a core role needs a replacement or confirm: true',
        params: MemberParams,
        body: EndMemberBody,
        response: { 200: EndMemberResult, ...errorResponses },
      },
    },
    async (req) => members.endMember(deps, actorOf(req), req.params.id, req.params.memberId, req.body),
  );

  r.put(
    '/api/children/:id/hub/members/:memberId/agreement',
    {
      schema: {
        tags: ['hub'],
        summary: 'When and how this member is best reached (the member, or the hub’s social worker)',
        params: MemberParams,
        body: AgreementBody,
        response: { 200: HubMember, ...errorResponses },
      },
    },
    async (req) => members.updateAgreement(deps, actorOf(req), req.params.id, req.params.memberId, req.body),
  );

  r.get(
    '/api/children/:id/topics',
    {
      schema: {
        tags: ['hub'],
        summary: 'Who the child asks about what (civil society: shared topics only)',
        params: IdParams,
        response: { 200: TopicMatrix, ...errorResponses },
      },
    },
    async (req) => topics.getMatrix(deps, actorOf(req), req.params.id),
  );

  r.put(
    '/api/children/:id/topics/:topic',
    {
      schema: {
        tags: ['hub'],
        summary: 'Set the responsible and fallback member of one topic (the core three)',
        params: TopicParams,
        body: TopicAssignmentBody,
        response: { 200: TopicAssignment, ...errorResponses },
      },
    },
    async (req) => topics.assignTopic(deps, actorOf(req), req.params.id, req.params.topic, req.body),
  );

  r.get(
    '/api/hub/topics',
    {
      schema: {
        tags: ['hub'],
        summary: 'The topics of this municipality: the guide’s defaults and the tenant’s own',
        response: { 200: TopicList, ...errorResponses },
      },
    },
    async (req) => topics.listTopics(deps, actorOf(req)),
  );

  r.post(
    '/api/hub/topics',
    {
      schema: {
        tags: ['hub'],
        summary: 'Add a topic for every child of the municipality (tenant admins)',
        body: TenantTopicBody,
        response: { 201: Topic, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await topics.createTenantTopic(deps, actorOf(req), req.body)),
  );

  r.patch(
    '/api/hub/topics/:id',
    {
      schema: {
        tags: ['hub'],
        summary: 'Rename or archive a tenant topic (tenant admins)',
        params: IdParams,
        body: TenantTopicPatch,
        response: { 200: Topic, ...errorResponses },
      },
    },
    async (req) => topics.updateTenantTopic(deps, actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/hub/people',
    {
      schema: {
        tags: ['hub'],
        summary: 'Colleagues to add to a hub, with their organisations and roles (staff only)',
        querystring: PeopleQuery,
        response: { 200: PeopleList, ...errorResponses },
      },
    },
    async (req) => directory.people(deps, actorOf(req), req.query.q, req.query.limit),
  );

  r.get(
    '/api/hub/organisations',
    {
      schema: {
        tags: ['hub'],
        summary: 'The municipality’s organisations, e.g. to choose a placement (staff only)',
        response: { 200: OrganisationList, ...errorResponses },
      },
    },
    async (req) => directory.organisationsOf(deps, actorOf(req)),
  );

  hubWorkRoutes(app, deps);
}
