import type { FastifyInstance } from 'fastify';
import { MapParams, VersionParams } from '../../../common/schemas/processmaps.ts';
import {
  BehindQuery,
  ChildrenBehind,
  LinkBody,
  LinkList,
  LinkParams,
  Overlay,
} from '../../../common/schemas/processmaps-conformance.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as service from './conformance-service.ts';

/** The map held against reality: links of a version's elements to Navet's records, and the adopted map's overlay. */
export function conformanceRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['process maps'];
  const base = '/api/collaborations/:id/process-maps/:mapId';

  r.put(
    `${base}/versions/:number/links`,
    {
      schema: {
        tags,
        summary:
          'Link a task or event to an event type, meeting kind, plan milestone, checklist item or child milestone, with an expected time from an earlier linked element',
        params: VersionParams,
        body: LinkBody,
        response: { 200: LinkList, ...errorResponses },
      },
    },
    async (req) => service.setLink(deps, actorOf(req), req.params.id, req.params.mapId, req.params.number, req.body),
  );
  r.delete(
    `${base}/versions/:number/links/:elementId`,
    {
      schema: {
        tags,
        summary: 'Remove an element’s link (times that ran from it go with it)',
        params: LinkParams,
        response: { 200: LinkList, ...errorResponses },
      },
    },
    async (req) =>
      service.removeLink(deps, actorOf(req), req.params.id, req.params.mapId, req.params.number, req.params.elementId),
  );
  r.get(
    `${base}/conformance`,
    {
      schema: {
        tags,
        summary:
          'The adopted version held against the collaboration’s children: per linked element reached, on time, median and p90 days, overdue now (counts below 5 as "<5")',
        params: MapParams,
        response: { 200: Overlay, ...errorResponses },
      },
    },
    async (req) => service.getOverlay(deps, actorOf(req), req.params.id, req.params.mapId),
  );
  r.get(
    `${base}/conformance/children`,
    {
      schema: {
        tags,
        summary:
          'The children behind a figure, only those in the reader’s own child scope (404 for a reader whose scope holds none)',
        params: MapParams,
        querystring: BehindQuery,
        response: { 200: ChildrenBehind, ...errorResponses },
      },
    },
    async (req) => service.childrenBehind(deps, actorOf(req), req.params.id, req.params.mapId, req.query),
  );
}
