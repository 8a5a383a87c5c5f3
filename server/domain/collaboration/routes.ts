import type { FastifyInstance } from 'fastify';
import {
  CandidateQuery,
  Candidates,
  Collaboration,
  CollaborationConflict,
  CollaborationList,
  CollaborationParams,
  CreateCollaborationBody,
  DirectoryQuery,
  InvitationAnswer,
  InviteBody,
  MunicipalityDirectory,
  PartyBody,
  PartyParams,
  PersonBody,
  PersonParams,
  RenameCollaborationBody,
} from '../../../common/schemas/collaboration-core.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { errors } from '../../errors.ts';
import { api, errorResponses } from '../../http/route.ts';
import { governanceRoutes } from './governance/routes.ts';
import { roadmapRoutes } from './roadmap/routes.ts';
import * as service from './service.ts';

/** The collaboration of municipalities: its members, parties and people; the steps and the document beside it. */
export function collaborationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['collaboration'];
  const one = { tags, params: CollaborationParams, response: { 200: Collaboration, ...errorResponses } };

  r.get(
    '/api/collaborations',
    {
      schema: {
        tags,
        summary: 'The collaborations the actor’s municipality takes part in, and invitations not yet answered',
        response: { 200: CollaborationList, ...errorResponses },
      },
    },
    async (req) => service.listCollaborations(deps, actorOf(req)),
  );
  r.post(
    '/api/collaborations',
    {
      schema: {
        tags,
        summary: 'Start a collaboration (a coordinator or the tenant admin); the own municipality takes part at once',
        body: CreateCollaborationBody,
        response: { 201: Collaboration, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createCollaboration(deps, actorOf(req), req.body)),
  );
  r.get(
    '/api/collaborations/municipalities',
    {
      schema: {
        tags,
        summary: 'The directory of other municipalities to invite: names only',
        querystring: DirectoryQuery,
        response: { 200: MunicipalityDirectory, ...errorResponses },
      },
    },
    async (req) => service.directory(deps, actorOf(req), req.query.q),
  );
  r.get(
    '/api/collaborations/:id',
    { schema: { ...one, summary: 'One collaboration: municipalities, parties, people' } },
    async (req) => service.getCollaboration(deps, actorOf(req), req.params.id),
  );
  r.patch(
    '/api/collaborations/:id',
    {
      schema: {
        ...one,
        summary: 'Rename; send the version read (409 with the collaboration if stale)',
        body: RenameCollaborationBody,
        response: { 200: Collaboration, ...errorResponses, 409: CollaborationConflict },
      },
    },
    async (req) => {
      const result = await service.renameCollaboration(deps, actorOf(req), req.params.id, req.body);
      if (!result.ok)
        throw errors.conflict(
          'version_conflict',
          'Someone else changed the collaboration since you opened it. The current one is attached.',
          { current: result.current },
        );
      return result.collaboration;
    },
  );
  r.post(
    '/api/collaborations/:id/invitations',
    {
      schema: {
        ...one,
        summary: 'Invite another municipality; its tenant admin accepts or declines',
        body: InviteBody,
      },
    },
    async (req) => service.invite(deps, actorOf(req), req.params.id, req.body.tenantId),
  );
  for (const [path, answer] of [
    ['accept', 'accepted'],
    ['decline', 'declined'],
  ] as const)
    r.post(
      `/api/collaborations/:id/invitation/${path}`,
      {
        schema: {
          tags,
          summary: `The invited municipality’s tenant admin ${path}s the invitation`,
          params: CollaborationParams,
          response: { 200: InvitationAnswer, ...errorResponses },
        },
      },
      async (req) => service.respond(deps, actorOf(req), req.params.id, answer),
    );
  r.post(
    '/api/collaborations/:id/parties',
    {
      schema: {
        ...one,
        summary: 'Add a party: an organisation of a municipality taking part, or an outside one by name and kind',
        body: PartyBody,
      },
    },
    async (req) => service.addParty(deps, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/collaborations/:id/parties/:partyId/end',
    {
      schema: {
        ...one,
        params: PartyParams,
        summary: 'A party leaves; its decisions and sign-offs stay as history',
      },
    },
    async (req) => service.endParty(deps, actorOf(req), req.params.id, req.params.partyId),
  );
  r.post(
    '/api/collaborations/:id/people',
    {
      schema: {
        ...one,
        summary: 'Name a party’s representative at a level, or a coordinator',
        body: PersonBody,
      },
    },
    async (req) => service.addPerson(deps, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/collaborations/:id/people/:personId/end',
    { schema: { ...one, params: PersonParams, summary: 'End a person’s role in the collaboration' } },
    async (req) => service.endPerson(deps, actorOf(req), req.params.id, req.params.personId),
  );
  r.get(
    '/api/collaborations/:id/candidates',
    {
      schema: {
        tags,
        summary: 'Users of the municipalities taking part, to name as representatives or coordinators',
        params: CollaborationParams,
        querystring: CandidateQuery,
        response: { 200: Candidates, ...errorResponses },
      },
    },
    async (req) => service.listCandidates(deps, actorOf(req), req.params.id, req.query.q),
  );

  roadmapRoutes(app, deps);
  governanceRoutes(app, deps);
}
