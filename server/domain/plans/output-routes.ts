import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FhirBundle, FhirQuery, PdfQuery, PlanParams, PlanVersionParams } from '../../../common/schemas/plans.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as outputs from './outputs.service.ts';

const PdfFile = z.string().describe('A PDF file, sent as application/pdf');

/** The PDF of an adopted version and the FHIR R4 export: both show only what the reader may see. */
export function planOutputRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['plans'];

  r.get(
    '/api/plans/:id/versions/:number/pdf',
    {
      schema: {
        tags,
        summary: 'An adopted version as PDF; the four parts the law requires on a page of their own',
        params: PlanVersionParams,
        querystring: PdfQuery,
        response: { 200: PdfFile, ...errorResponses, 503: errorResponses[400] },
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await outputs.versionPdf(
        deps,
        actorOf(req),
        req.params.id,
        req.params.number,
        req.query.lang,
      );
      return (
        reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          // A Buffer goes out as it is (Fastify serializes only objects); the schema's string is for the document.
          .send(pdf as unknown as string)
      );
    },
  );

  r.get(
    '/api/plans/:id/fhir',
    {
      schema: {
        tags,
        summary: 'The plan as an HL7 FHIR R4 Bundle: CarePlan, CareTeam (the hub), Consent, Patient (minimal data)',
        params: PlanParams,
        querystring: FhirQuery,
        response: { 200: FhirBundle, ...errorResponses },
      },
    },
    async (req, reply) => {
      const bundle = await outputs.exportFhir(deps, actorOf(req), req.params.id, req.query.version);
      return reply.type('application/fhir+json').header('cache-control', 'no-store').send(bundle);
    },
  );
}
