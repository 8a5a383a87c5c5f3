import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { AuditPage, AuditPageQuery, LogReview, LogReviewBody } from '../../../common/schemas/audit.ts';
import { IdParams } from '../../../common/schemas/children.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import { CSV_CONTENT_TYPE } from '../../http/csv.ts';
import * as exports from './export.ts';
import * as service from './service.ts';

const CsvFile = z.string().describe('A CSV file (UTF-8 with BOM, CRLF), sent as text/csv');

export function auditRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  r.get(
    '/api/audit/children/:id',
    {
      schema: {
        tags: ['audit'],
        summary: 'Who did what with one child, newest first',
        params: IdParams,
        querystring: AuditPageQuery,
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (req) => service.childLog(deps, actorOf(req), req.params.id, req.query.before, req.query.limit),
  );

  r.get(
    '/api/audit/users/:id',
    {
      schema: {
        tags: ['audit'],
        summary: 'What one user did, newest first',
        params: IdParams,
        querystring: AuditPageQuery,
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (req) => service.userLog(deps, actorOf(req), req.params.id, req.query.before, req.query.limit),
  );

  r.get(
    '/api/audit/children/:id/log.csv',
    {
      schema: {
        tags: ['audit'],
        summary: 'The log of one child as CSV for a spreadsheet, newest first; the export is logged',
        params: IdParams,
        response: { 200: CsvFile, ...errorResponses },
      },
    },
    async (req, reply) => {
      const csv = await exports.childLogCsv(deps, actorOf(req), req.params.id);
      return sendCsv(reply, csv, `navet-logg-barn-${req.params.id}.csv`);
    },
  );

  r.get(
    '/api/audit/users/:id/log.csv',
    {
      schema: {
        tags: ['audit'],
        summary: 'What one user did, as CSV for a spreadsheet, newest first; the export is logged',
        params: IdParams,
        response: { 200: CsvFile, ...errorResponses },
      },
    },
    async (req, reply) => {
      const csv = await exports.userLogCsv(deps, actorOf(req), req.params.id);
      return sendCsv(reply, csv, `navet-logg-anvandare-${req.params.id}.csv`);
    },
  );

  r.post(
    '/api/audit/reviews',
    {
      schema: {
        tags: ['audit'],
        summary: 'Record that a log review was done',
        body: LogReviewBody,
        response: { 201: LogReview, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.recordReview(deps, actorOf(req), req.body)),
  );

  r.get(
    '/api/audit/reviews',
    {
      schema: {
        tags: ['audit'],
        summary: 'Log reviews recorded in this tenant',
        response: { 200: z.array(LogReview), ...errorResponses },
      },
    },
    async (req) => service.listReviews(deps, actorOf(req)),
  );
}

/** Text with its own content type goes out as it is (Fastify serializes only JSON); the schema is for the document. */
function sendCsv(reply: FastifyReply, csv: string, filename: string) {
  return reply
    .type(CSV_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(csv);
}
