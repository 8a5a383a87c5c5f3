import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../common/schemas/children.ts';
import {
  Consent,
  ConsentBody,
  ConsentList,
  ConsentParams,
  WithdrawConsentBody,
} from '../../../common/schemas/consent.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as service from './service.ts';

/** A child's consents: record, list, withdraw. Sharing follows them on the very next request. */
export function consentRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['consent'];

  r.get(
    '/api/children/:id/consents',
    {
      schema: {
        tags,
        summary: 'The child’s consents, newest first, with their state today (valid, expired, withdrawn …)',
        params: IdParams,
        response: { 200: ConsentList, ...errorResponses },
      },
    },
    async (req) => service.listConsents(deps, actorOf(req), req.params.id),
  );

  r.post(
    '/api/children/:id/consents',
    {
      schema: {
        tags,
        summary:
          'Record a consent: who gave it, organisations, categories, purpose, period, form (social worker, god man)',
        params: IdParams,
        body: ConsentBody,
        response: { 201: Consent, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.recordConsent(deps, actorOf(req), req.params.id, req.body)),
  );

  r.post(
    '/api/consents/:id/withdraw',
    {
      schema: {
        tags,
        summary:
          'Record that the consent was withdrawn; sharing on it stops at once (core three; 409 if already withdrawn)',
        params: ConsentParams,
        body: WithdrawConsentBody,
        response: { 200: Consent, ...errorResponses },
      },
    },
    async (req) => service.withdrawConsent(deps, actorOf(req), req.params.id, req.body),
  );
}
