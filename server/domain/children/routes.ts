import type { FastifyInstance } from 'fastify';
import { conflictBody } from '../../../common/errors.ts';
import {
  ChildDetail,
  ChildList,
  ChildListQuery,
  CloseChildBody,
  CreateChildBody,
  IdParams,
  TimelinePage,
  TimelineQuery,
  UpdateChildBody,
} from '../../../common/schemas/children.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as service from './service.ts';
import { childTimeline } from './timeline.ts';
import { ChildOverview } from '../../../common/schemas/overview.ts';
import { childOverview } from './overview.service.ts';

/** 409 on a stale version: the record as it is now, so the editor can merge. */
const VersionConflict = conflictBody(ChildDetail.optional());

const staleVersion = 'Someone else changed this child since you opened it. The current record is attached.';

export function childrenRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  r.get(
    '/api/children',
    {
      schema: {
        tags: ['children'],
        summary: 'My children: those whose hub I am in (or my staff are in, for managers), with flags',
        querystring: ChildListQuery,
        response: { 200: ChildList, ...errorResponses },
      },
    },
    async (req) => service.listMyChildren(deps, actorOf(req), req.query),
  );

  r.post(
    '/api/children',
    {
      schema: {
        tags: ['children'],
        summary: 'Open a case (social workers); the creator becomes the hub’s social worker',
        body: CreateChildBody,
        response: { 201: ChildDetail, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createChild(deps, actorOf(req), req.body)),
  );

  r.get(
    '/api/children/:id',
    {
      schema: {
        tags: ['children'],
        summary: 'One child in my scope: full or narrow (civil society) view, flags and my abilities',
        params: IdParams,
        response: { 200: ChildDetail, ...errorResponses },
      },
    },
    async (req) => service.getChild(deps, actorOf(req), req.params.id),
  );

  r.get(
    '/api/children/:id/overview',
    {
      schema: {
        tags: ['children'],
        summary: 'What the child page shows first, in one request: the child, its hub, next dates, meetings, questions',
        params: IdParams,
        response: { 200: ChildOverview, ...errorResponses },
      },
    },
    async (req) => childOverview(deps, actorOf(req), req.params.id),
  );

  r.patch(
    '/api/children/:id',
    {
      schema: {
        tags: ['children'],
        summary: 'Change the record; send the version you read (409 with the current record if stale)',
        params: IdParams,
        body: UpdateChildBody,
        response: { 200: ChildDetail, ...errorResponses, 409: VersionConflict },
      },
    },
    async (req) => {
      const result = await service.updateChild(deps, actorOf(req), req.params.id, req.body);
      if (!result.ok) throw errors.conflict('version_conflict', staleVersion, { current: result.current });
      return result.child;
    },
  );

  r.post(
    '/api/children/:id/close',
    {
      schema: {
        tags: ['children'],
        summary: 'Close the case with a reason (social worker); the child’s page stops working',
        params: IdParams,
        body: CloseChildBody,
        response: { 200: ChildDetail, ...errorResponses, 409: VersionConflict },
      },
    },
    async (req) => {
      const result = await service.closeChild(deps, actorOf(req), req.params.id, req.body);
      if (!result.ok) throw errors.conflict('version_conflict', staleVersion, { current: result.current });
      return result.child;
    },
  );

  r.get(
    '/api/children/:id/timeline',
    {
      schema: {
        tags: ['children'],
        summary: 'The child’s history: every change to the record and the hub, newest first',
        params: IdParams,
        querystring: TimelineQuery,
        response: { 200: TimelinePage, ...errorResponses },
      },
    },
    async (req) => childTimeline(deps, actorOf(req), req.params.id, req.query.before, req.query.limit),
  );
}
