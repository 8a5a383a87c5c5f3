import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ChildrenBehind,
  ChildrenBehindQuery,
  Figures,
  FiguresQuery,
  IndicatorList,
  Target,
  TargetBody,
  TargetParams,
  YearlyReportParams,
  YearlyReportQuery,
} from '../../../common/schemas/followup.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { CSV_CONTENT_TYPE } from '../../http/csv.ts';
import { api, errorResponses } from '../../http/route.ts';
import { figuresCsv } from './export.ts';
import { yearlyReportPdf } from './report.ts';
import * as service from './service.ts';
import { figuresXlsx, XLSX_CONTENT_TYPE } from './xlsx.ts';

/** Follow-up: indicator definitions, masked figures per level and period, and the children behind a figure. */
export function followupRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['followup'];
  r.get(
    '/api/followup/indicators',
    {
      schema: {
        tags,
        summary: 'The indicators and their targets',
        response: { 200: IndicatorList, ...errorResponses },
      },
    },
    async (req) => service.listIndicators(deps, actorOf(req)),
  );
  r.get(
    '/api/followup/figures',
    {
      schema: {
        tags,
        summary: 'Figures per period for a municipality, organisation or collaboration; fewer than 5 children is "<5"',
        querystring: FiguresQuery,
        response: { 200: Figures, ...errorResponses },
      },
    },
    async (req) => service.figures(deps, actorOf(req), req.query),
  );
  r.get(
    '/api/followup/figures.csv',
    {
      schema: {
        tags,
        summary: 'The same figures as CSV (masked as on screen, formula-safe)',
        querystring: FiguresQuery,
        response: {
          200: z.string().describe('A CSV file (UTF-8 with BOM, CRLF), sent as text/csv'),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const csv = figuresCsv(await service.figures(deps, actorOf(req), req.query, 'csv'));
      return reply
        .type(CSV_CONTENT_TYPE)
        .header('content-disposition', `attachment; filename="uppfoljning-${req.query.level}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
  r.get(
    '/api/followup/figures.xlsx',
    {
      schema: {
        tags,
        summary: 'The same figures as an XLSX workbook (masked as on screen: "<5" and "–" stay text)',
        querystring: FiguresQuery,
        response: { 200: z.string().describe('An XLSX file, sent as ' + XLSX_CONTENT_TYPE), ...errorResponses },
      },
    },
    async (req, reply) => {
      const xlsx = await figuresXlsx(await service.figures(deps, actorOf(req), req.query, 'xlsx'));
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header('content-disposition', `attachment; filename="uppfoljning-${req.query.level}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(xlsx as unknown as string);
    },
  );
  r.get(
    '/api/followup/collaborations/:id/report.pdf',
    {
      schema: {
        tags,
        summary: "A collaboration's yearly follow-up report as PDF (its strategic level and coordinators)",
        params: YearlyReportParams,
        querystring: YearlyReportQuery,
        response: {
          200: z.string().describe('A PDF file, sent as application/pdf'),
          ...errorResponses,
          503: errorResponses[400],
        },
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await yearlyReportPdf(deps, actorOf(req), req.params.id, req.query);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(pdf as unknown as string);
    },
  );
  r.get(
    '/api/followup/children',
    {
      schema: {
        tags,
        summary: "The children behind an indicator's figures, only those in the reader's own scope",
        querystring: ChildrenBehindQuery,
        response: { 200: ChildrenBehind, ...errorResponses },
      },
    },
    async (req) => service.childrenBehind(deps, actorOf(req), req.query),
  );
  r.put(
    '/api/followup/collaborations/:id/targets/:indicator',
    {
      schema: {
        tags,
        summary: "Set or remove an indicator's target (the collaboration's strategic level)",
        params: TargetParams,
        body: TargetBody,
        response: { 200: Target, ...errorResponses },
      },
    },
    async (req) => service.setTarget(deps, actorOf(req), req.params.id, req.params.indicator, req.body),
  );
}
