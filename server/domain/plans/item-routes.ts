import type { FastifyInstance } from 'fastify';
import {
  EntryBody,
  MeasureBody,
  MeasureConflict,
  MeasurePatch,
  Plan,
  PlanItemParams,
  PlanParams,
} from '../../../common/schemas/plans.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as items from './items.service.ts';

/** Needs, notes and measures: each owned by an organisation and of a category, so sharing can guard it. */
export function planItemRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['plans'];

  r.post(
    '/api/plans/:id/entries',
    {
      schema: {
        tags,
        summary: 'Add a need or a note, owned by my organisation, of a category',
        params: PlanParams,
        body: EntryBody,
        response: { 200: Plan, ...errorResponses },
      },
    },
    async (req) => items.addEntry(deps, actorOf(req), req.params.id, req.body),
  );

  r.delete(
    '/api/plans/:id/entries/:itemId',
    {
      schema: {
        tags,
        summary: 'Remove a need or note (its organisation or the plan’s lead; 404 if not shared with me)',
        params: PlanItemParams,
        response: { 200: Plan, ...errorResponses },
      },
    },
    async (req) => items.removeEntry(deps, actorOf(req), req.params.id, req.params.itemId),
  );

  r.post(
    '/api/plans/:id/measures',
    {
      schema: {
        tags,
        summary: 'Add a measure: description, responsible organisation and person, dates, status, measurable goal',
        params: PlanParams,
        body: MeasureBody,
        response: { 200: Plan, ...errorResponses },
      },
    },
    async (req) => items.addMeasure(deps, actorOf(req), req.params.id, req.body),
  );

  r.patch(
    '/api/plans/:id/measures/:itemId',
    {
      schema: {
        tags,
        summary: 'Change a measure (its organisation or the plan’s lead); send its version (409 with `current`)',
        params: PlanItemParams,
        body: MeasurePatch,
        response: { 200: Plan, ...errorResponses, 409: MeasureConflict },
      },
    },
    async (req) => items.updateMeasure(deps, actorOf(req), req.params.id, req.params.itemId, req.body),
  );

  r.delete(
    '/api/plans/:id/measures/:itemId',
    {
      schema: {
        tags,
        summary: 'Remove a measure (its organisation or the plan’s lead)',
        params: PlanItemParams,
        response: { 200: Plan, ...errorResponses },
      },
    },
    async (req) => items.removeMeasure(deps, actorOf(req), req.params.id, req.params.itemId),
  );
}
