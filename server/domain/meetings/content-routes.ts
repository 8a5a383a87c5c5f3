import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../common/schemas/children.ts';
import {
  AgendaItemBody,
  AgendaItemPatch,
  AgendaParams,
  AmendmentBody,
  Decision,
  DecisionBody,
  DecisionList,
  DecisionListQuery,
  DecisionPatch,
  Meeting,
  MeetingParams,
  Minutes,
  MinutesBody,
  MinutesConflict,
} from '../../../common/schemas/meetings.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as content from './content.service.ts';
import * as decisions from './decisions.service.ts';
import { errors } from '../../errors.ts';

const staleMinutes =
  'Someone else saved the minutes since you opened them. Their text is attached: merge your draft into it.';

/** What happens in a meeting: agenda, minutes (and amendments once closed), decisions. */
export function meetingContentRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['meetings'];

  r.post(
    '/api/meetings/:id/agenda',
    {
      schema: {
        tags,
        summary: 'Add an agenda item with its owner (a participant or hub member)',
        params: MeetingParams,
        body: AgendaItemBody,
        response: { 201: Meeting, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await content.addAgendaItem(deps, actorOf(req), req.params.id, req.body)),
  );

  r.patch(
    '/api/meetings/:id/agenda/:itemId',
    {
      schema: {
        tags,
        summary: 'Change an agenda item: title, owner, the child’s part, position',
        params: AgendaParams,
        body: AgendaItemPatch,
        response: { 200: Meeting, ...errorResponses },
      },
    },
    async (req) => content.updateAgendaItem(deps, actorOf(req), req.params.id, req.params.itemId, req.body),
  );

  r.delete(
    '/api/meetings/:id/agenda/:itemId',
    {
      schema: {
        tags,
        summary: 'Remove an agenda item (its decisions stay)',
        params: AgendaParams,
        response: { 200: Meeting, ...errorResponses },
      },
    },
    async (req) => content.removeAgendaItem(deps, actorOf(req), req.params.id, req.params.itemId),
  );

  r.put(
    '/api/meetings/:id/minutes',
    {
      schema: {
        tags,
        summary: 'Save the minutes; send the version read (409 with the current text if someone saved meanwhile)',
        params: MeetingParams,
        body: MinutesBody,
        response: { 200: Minutes, ...errorResponses, 409: MinutesConflict },
      },
    },
    async (req) => {
      const result = await content.saveMinutes(deps, actorOf(req), req.params.id, req.body);
      if (!result.ok) throw errors.conflict('minutes_conflict', staleMinutes, { current: result.current });
      return result.minutes;
    },
  );

  r.post(
    '/api/meetings/:id/amendments',
    {
      schema: {
        tags,
        summary: 'Add to the minutes of a closed meeting: a logged amendment, the minutes themselves stay',
        params: MeetingParams,
        body: AmendmentBody,
        response: { 201: Meeting, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await content.addAmendment(deps, actorOf(req), req.params.id, req.body)),
  );

  r.post(
    '/api/meetings/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Record a decision with one owner and a due date; reminded when overdue',
        params: MeetingParams,
        body: DecisionBody,
        response: { 201: Decision, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await decisions.createDecision(deps, actorOf(req), req.params.id, req.body)),
  );

  r.patch(
    '/api/decisions/:id',
    {
      schema: {
        tags,
        summary: 'Follow up a decision: done, dropped (with a reason), new owner or due date',
        params: IdParams,
        body: DecisionPatch,
        response: { 200: Decision, ...errorResponses },
      },
    },
    async (req) => decisions.updateDecision(deps, actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/children/:id/decisions',
    {
      schema: {
        tags,
        summary: 'The child’s decisions across meetings (open by default); overdue ones flagged',
        params: IdParams,
        querystring: DecisionListQuery,
        response: { 200: DecisionList, ...errorResponses },
      },
    },
    async (req) => decisions.childDecisions(deps, actorOf(req), req.params.id, req.query.status),
  );
}
