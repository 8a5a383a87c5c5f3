import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ErrorBody } from '../../../common/errors.ts';
import {
  ChildExtractParams,
  Extract,
  ExtractList,
  ExtractParams,
  HistoryPage,
  HistoryQuery,
  UserExtractParams,
} from '../../../common/schemas/records.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import { childHistory } from './history.ts';
import './jobs.ts';
import * as service from './service.ts';

const ZipFile = z.string().describe('A zip file (registerutdrag.pdf and registerutdrag.json), sent as application/zip');

/** Registry extracts (GDPR art. 15): asked for, built by a job, downloaded for a limited time. */
export function recordsRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['records'];

  r.get(
    '/api/children/:id/history',
    {
      schema: {
        tags,
        summary: 'The child’s whole history (plans, meetings, consents, decisions, besked, events, deadlines, hub)',
        params: ChildExtractParams,
        querystring: HistoryQuery,
        response: { 200: HistoryPage, ...errorResponses },
      },
    },
    async (req) => childHistory(deps, actorOf(req), req.params.id, req.query),
  );

  r.post(
    '/api/children/:id/extracts',
    {
      schema: {
        tags,
        summary: 'Request a registry extract on the child’s behalf (god man or social worker in the hub)',
        params: ChildExtractParams,
        response: { 202: Extract, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(202).send(await service.requestChildExtract(deps, actorOf(req), req.params.id)),
  );

  r.get(
    '/api/children/:id/extracts',
    {
      schema: {
        tags,
        summary: 'The registry extracts requested for the child, newest first',
        params: ChildExtractParams,
        response: { 200: ExtractList, ...errorResponses },
      },
    },
    async (req) => service.listChildExtracts(deps, actorOf(req), req.params.id),
  );

  r.post(
    '/api/users/:userId/extracts',
    {
      schema: {
        tags,
        summary: 'Request an extract of what Navet holds about a user (the user themself or a tenant admin)',
        params: UserExtractParams,
        response: { 202: Extract, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await service.requestUserExtract(deps, actorOf(req), req.params.userId)),
  );

  r.get(
    '/api/users/:userId/extracts',
    {
      schema: {
        tags,
        summary: 'The extracts requested about a user, newest first',
        params: UserExtractParams,
        response: { 200: ExtractList, ...errorResponses },
      },
    },
    async (req) => service.listUserExtracts(deps, actorOf(req), req.params.userId),
  );

  r.get(
    '/api/extracts/:id',
    {
      schema: {
        tags,
        summary: 'One extract’s status and progress',
        params: ExtractParams,
        response: { 200: Extract, ...errorResponses },
      },
    },
    async (req) => service.getExtract(deps, actorOf(req), req.params.id),
  );

  r.get(
    '/api/extracts/:id/download',
    {
      schema: {
        tags,
        summary: 'The finished extract as a zip, while it lasts (410 once deleted)',
        params: ExtractParams,
        response: { 200: ZipFile, ...errorResponses, 410: ErrorBody },
      },
    },
    async (req, reply) => {
      const { zip, filename } = await service.downloadExtract(deps, actorOf(req), req.params.id);
      return (
        reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          // A Buffer goes out as it is; the schema's string is for the document.
          .send(zip as unknown as string)
      );
    },
  );
}
