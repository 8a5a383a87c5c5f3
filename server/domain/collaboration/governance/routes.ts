import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CollaborationParams } from '../../../../common/schemas/collaboration-core.ts';
import {
  DraftBody,
  Governance,
  GovernanceConflict,
  GovernancePdfQuery,
  GovernanceVersion,
  GovernanceVersionParams,
  SignOffBody,
  StartDraftBody,
} from '../../../../common/schemas/governance.ts';
import type { Deps } from '../../../deps.ts';
import { actorOf } from '../../../http/auth-plugin.ts';
import { errors } from '../../../errors.ts';
import { api, errorResponses } from '../../../http/route.ts';
import * as service from './service.ts';

const PdfFile = z.string().describe('A PDF file, sent as application/pdf');
const stale = 'Someone else saved the document since you opened it. The current text is attached; nothing was lost.';

/** Step 6: the governance document (samverkansdokument), its versions and sign-offs. */
export function governanceRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['collaboration'];
  const version = { tags, params: GovernanceVersionParams };

  r.get(
    '/api/collaborations/:id/governance',
    {
      schema: {
        tags,
        summary: 'The governance document: its versions and the draft (or the adopted version)',
        params: CollaborationParams,
        response: { 200: Governance, ...errorResponses },
      },
    },
    async (req) => service.getGovernance(deps, actorOf(req), req.params.id),
  );
  r.post(
    '/api/collaborations/:id/governance',
    {
      schema: {
        tags,
        summary: 'Start a draft: from the guide’s template the first time, from the adopted text for a revision',
        params: CollaborationParams,
        body: StartDraftBody,
        response: { 201: GovernanceVersion, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.startDraft(deps, actorOf(req), req.params.id, req.body.lang)),
  );
  r.get(
    '/api/collaborations/:id/governance/versions/:number',
    {
      schema: {
        ...version,
        summary: 'One version with its sign-offs',
        response: { 200: GovernanceVersion, ...errorResponses },
      },
    },
    async (req) => service.getVersion(deps, actorOf(req), req.params.id, req.params.number),
  );
  r.put(
    '/api/collaborations/:id/governance/versions/:number',
    {
      schema: {
        ...version,
        summary: 'Save the draft; send the revision read (409 with the current text if stale; adopted: read-only)',
        body: DraftBody,
        response: { 200: GovernanceVersion, ...errorResponses, 409: GovernanceConflict },
      },
    },
    async (req) => {
      const res = await service.saveDraft(deps, actorOf(req), req.params.id, req.params.number, req.body);
      if (res.ok) return res.version;
      throw errors.conflict('version_conflict', stale, { current: res.current });
    },
  );
  r.post(
    '/api/collaborations/:id/governance/versions/:number/sign-offs',
    {
      schema: {
        ...version,
        summary: 'A party signs the current draft; when every party has signed, the version is adopted',
        body: SignOffBody,
        response: { 200: GovernanceVersion, ...errorResponses, 409: GovernanceConflict },
      },
    },
    async (req) => {
      const res = await service.signOff(deps, actorOf(req), req.params.id, req.params.number, req.body);
      if (res.ok) return res.version;
      throw errors.conflict('version_conflict', stale, { current: res.current });
    },
  );
  r.get(
    '/api/collaborations/:id/governance/versions/:number/pdf',
    {
      schema: {
        ...version,
        summary: 'A version as PDF, with every party’s sign-off',
        querystring: GovernancePdfQuery,
        response: { 200: PdfFile, ...errorResponses, 503: errorResponses[400] },
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await service.versionPdf(
        deps,
        actorOf(req),
        req.params.id,
        req.params.number,
        req.query.lang,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(pdf as unknown as string);
    },
  );
}
