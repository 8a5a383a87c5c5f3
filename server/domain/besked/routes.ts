import type { FastifyInstance } from 'fastify';
import {
  AgreedLineBody,
  BeskedEntryBody,
  BeskedTopicParams,
  BeskedView,
  ContradictionBody,
} from '../../../common/schemas/besked.ts';
import { IdParams } from '../../../common/schemas/children.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as service from './service.ts';

/** The besked log of a child: what each adult told the child, contradictions, and the hub's agreed line. */
export function beskedRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['besked'];

  r.get(
    '/api/children/:id/besked',
    {
      schema: {
        tags,
        summary: 'What the child was told, per topic side by side, with the agreed line above and open contradictions',
        params: IdParams,
        response: { 200: BeskedView, ...errorResponses },
      },
    },
    async (req) => service.getBesked(deps, actorOf(req), req.params.id),
  );

  r.post(
    '/api/children/:id/besked/entries',
    {
      schema: {
        tags,
        summary: 'Record what I told the child on an important matter (the hub’s staff)',
        params: IdParams,
        body: BeskedEntryBody,
        response: { 201: BeskedView, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.recordEntry(deps, actorOf(req), req.params.id, req.body)),
  );

  r.post(
    '/api/children/:id/besked/contradictions',
    {
      schema: {
        tags,
        summary: 'Mark two entries on one topic as contradicting: the child is flagged until the line is agreed',
        params: IdParams,
        body: ContradictionBody,
        response: { 201: BeskedView, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.markContradiction(deps, actorOf(req), req.params.id, req.body)),
  );

  r.put(
    '/api/children/:id/besked/lines/:topic',
    {
      schema: {
        tags,
        summary: 'Record the hub’s agreed line on a topic and who tells the child (the core three)',
        params: BeskedTopicParams,
        body: AgreedLineBody,
        response: { 200: BeskedView, ...errorResponses },
      },
    },
    async (req) => service.agreeLine(deps, actorOf(req), req.params.id, req.params.topic, req.body),
  );
}
