import type { FastifyInstance } from 'fastify';
import { ChildList, ChildListQuery, ChildSummary, IdParams } from '../../../common/schemas/children.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as service from './service.ts';

export function childrenRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  r.get(
    '/api/children',
    {
      schema: {
        tags: ['children'],
        summary: 'My children: those whose hub I am in (or my staff are in, for managers)',
        querystring: ChildListQuery,
        response: { 200: ChildList, ...errorResponses },
      },
    },
    async (req) => service.listMyChildren(deps, actorOf(req), req.query),
  );

  r.get(
    '/api/children/:id',
    {
      schema: {
        tags: ['children'],
        summary: 'One child, if it is in my scope',
        params: IdParams,
        response: { 200: ChildSummary, ...errorResponses },
      },
    },
    async (req) => service.getChild(deps, actorOf(req), req.params.id),
  );
}
