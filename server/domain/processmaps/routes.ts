import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CollaborationParams } from '../../../common/schemas/collaboration-core.ts';
import {
  AdoptBody,
  AnnotationBody,
  AnnotationNeedBody,
  AnnotationParams,
  AnnotationPatch,
  CompareQuery,
  Comparison,
  MapCreateBody,
  MapDetail,
  MapList,
  MapParams,
  MapVersion,
  NeedMade,
  ProposalMade,
  SaveBody,
  SaveConflict,
  VersionContent,
  VersionParams,
  WorkshopBody,
} from '../../../common/schemas/processmaps.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import { ErrorBody } from '../../../common/errors.ts';
import * as service from './service.ts';

const BpmnFile = z.string().describe('A BPMN 2.0 XML file, sent as application/xml');
const withTooLarge = { ...errorResponses, 413: ErrorBody };

/** Process maps of a collaboration (steps 2 and 5): versions, compare, adoption, BPMN in and out, workshops. */
export function processMapRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['process maps'];
  const base = '/api/collaborations/:id/process-maps';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'The collaboration’s process maps',
        params: CollaborationParams,
        response: { 200: MapList, ...errorResponses },
      },
    },
    async (req) => service.listMaps(deps, actorOf(req), req.params.id),
  );
  r.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Start a map from the starter map of the asylum path, or import a BPMN file (400 not BPMN, 413 too large)',
        params: CollaborationParams,
        body: MapCreateBody,
        response: { 201: MapDetail, ...withTooLarge },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createMap(deps, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    `${base}/:mapId`,
    {
      schema: {
        tags,
        summary: 'A map: versions, workshops, annotations',
        params: MapParams,
        response: { 200: MapDetail, ...errorResponses },
      },
    },
    async (req) => service.getMap(deps, actorOf(req), req.params.id, req.params.mapId),
  );
  r.post(
    `${base}/:mapId/versions`,
    {
      schema: {
        tags,
        summary: 'Save a new version; on top of a stale one, 409 with the current version, and this one kept too',
        params: MapParams,
        body: SaveBody,
        response: { 201: MapVersion, ...withTooLarge, 409: SaveConflict },
      },
    },
    async (req, reply) => {
      // The service has committed the stale save as a version of its own before this 409 is thrown.
      const res = await service.saveVersion(deps, actorOf(req), req.params.id, req.params.mapId, req.body);
      if (res.ok) return reply.status(201).send(res.version);
      throw errors.conflict(
        'version_conflict',
        'Someone saved the map since you opened it. Your edit is kept as a version of its own.',
        { current: res.current, extra: { saved: res.saved } },
      );
    },
  );
  r.get(
    `${base}/:mapId/versions/:number`,
    {
      schema: {
        tags,
        summary: 'One version: its BPMN and its elements and lanes',
        params: VersionParams,
        response: { 200: VersionContent, ...errorResponses },
      },
    },
    async (req) => service.getVersion(deps, actorOf(req), req.params.id, req.params.mapId, req.params.number),
  );
  r.get(
    `${base}/:mapId/versions/:number/bpmn`,
    {
      schema: {
        tags,
        summary: 'Export a version as BPMN 2.0 XML',
        params: VersionParams,
        response: { 200: BpmnFile, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { xml, filename } = await service.exportVersion(
        deps,
        actorOf(req),
        req.params.id,
        req.params.mapId,
        req.params.number,
      );
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${encodeURIComponent(filename)}"`)
        .send(xml);
    },
  );
  r.get(
    `${base}/:mapId/compare`,
    {
      schema: {
        tags,
        summary: 'Compare two versions: elements and lanes added, removed, renamed, moved to another lane',
        params: MapParams,
        querystring: CompareQuery,
        response: { 200: Comparison, ...errorResponses },
      },
    },
    async (req) => service.compare(deps, actorOf(req), req.params.id, req.params.mapId, req.query.from, req.query.to),
  );
  r.post(
    `${base}/:mapId/versions/:number/adopt`,
    {
      schema: {
        tags,
        summary: 'Step 5: record the forum’s or strategic group’s decision adopting a version (409 if adopted)',
        params: VersionParams,
        body: AdoptBody,
        response: { 200: MapDetail, ...errorResponses },
      },
    },
    async (req) => service.adopt(deps, actorOf(req), req.params.id, req.params.mapId, req.params.number, req.body),
  );
  r.post(
    `${base}/:mapId/workshops`,
    {
      schema: {
        tags,
        summary: 'Step 2: record a mapping workshop and who took part',
        params: MapParams,
        body: WorkshopBody,
        response: { 201: MapDetail, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addWorkshop(deps, actorOf(req), req.params.id, req.params.mapId, req.body)),
  );
  r.post(
    `${base}/:mapId/annotations`,
    {
      schema: {
        tags,
        summary: 'Annotate an element of the latest version with one of the guide’s questions',
        params: MapParams,
        body: AnnotationBody,
        response: { 201: MapDetail, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await service.addAnnotation(deps, actorOf(req), req.params.id, req.params.mapId, req.body)),
  );
  r.patch(
    `${base}/:mapId/annotations/:annotationId`,
    {
      schema: {
        tags,
        summary: 'Change an annotation’s kind or text',
        params: AnnotationParams,
        body: AnnotationPatch,
        response: { 200: MapDetail, ...errorResponses },
      },
    },
    async (req) =>
      service.updateAnnotation(deps, actorOf(req), req.params.id, req.params.mapId, req.params.annotationId, req.body),
  );
  r.post(
    `${base}/:mapId/annotations/:annotationId/proposal`,
    {
      schema: {
        tags,
        summary: 'Turn an annotation into a development proposal (step 3), linked both ways (409 if it is one)',
        params: AnnotationParams,
        response: { 201: ProposalMade, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await service.proposeFromAnnotation(
            deps,
            actorOf(req),
            req.params.id,
            req.params.mapId,
            req.params.annotationId,
          ),
        ),
  );
  r.post(
    `${base}/:mapId/annotations/:annotationId/competence-need`,
    {
      schema: {
        tags,
        summary: 'Turn an annotation into a competence need (step 4), linked both ways (409 if it is one)',
        params: AnnotationParams,
        body: AnnotationNeedBody,
        response: { 201: NeedMade, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await service.needFromAnnotation(
            deps,
            actorOf(req),
            req.params.id,
            req.params.mapId,
            req.params.annotationId,
            req.body,
          ),
        ),
  );
}
