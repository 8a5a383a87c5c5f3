import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../common/schemas/children.ts';
import {
  LegalBasis,
  LegalBasisBody,
  LegalBasisList,
  LegalBasisParams,
  Share,
  ShareBody,
  ShareList,
  ShareParams,
} from '../../../common/schemas/sharing.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as service from './service.ts';

/** The tenant's list of legal bases, and a child's shares made on one of them (no consent needed). */
export function sharingRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['sharing'];

  r.get(
    '/api/legal-bases',
    {
      schema: {
        tags,
        summary: 'Legal bases for sharing without consent: the built-in ones and the municipality’s own',
        response: { 200: LegalBasisList, ...errorResponses },
      },
    },
    async (req) => service.listLegalBases(deps, actorOf(req)),
  );

  r.post(
    '/api/legal-bases',
    {
      schema: {
        tags,
        summary: 'Add a legal basis to the municipality’s list (tenant admins)',
        body: LegalBasisBody,
        response: { 201: LegalBasis, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.addLegalBasis(deps, actorOf(req), req.body)),
  );

  r.post(
    '/api/legal-bases/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a basis the municipality added: no new shares on it; earlier ones still cite it',
        params: LegalBasisParams,
        response: { 200: LegalBasis, ...errorResponses },
      },
    },
    async (req) => service.archiveLegalBasis(deps, actorOf(req), req.params.id),
  );

  r.get(
    '/api/children/:id/shares',
    {
      schema: {
        tags,
        summary: 'Shares of the child’s information on a legal basis, newest first',
        params: IdParams,
        response: { 200: ShareList, ...errorResponses },
      },
    },
    async (req) => service.listShares(deps, actorOf(req), req.params.id),
  );

  r.post(
    '/api/children/:id/shares',
    {
      schema: {
        tags,
        summary:
          'Share categories of my organisation’s information with another organisation, on a recorded legal basis',
        params: IdParams,
        body: ShareBody,
        response: { 201: Share, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.recordShare(deps, actorOf(req), req.params.id, req.body)),
  );

  r.post(
    '/api/shares/:id/end',
    {
      schema: {
        tags,
        summary: 'End a share at once (the owning organisation or who recorded it; 409 if already ended)',
        params: ShareParams,
        response: { 200: Share, ...errorResponses },
      },
    },
    async (req) => service.endShare(deps, actorOf(req), req.params.id),
  );
}
