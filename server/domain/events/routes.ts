import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../common/schemas/children.ts';
import {
  ChildEventList,
  DeadlineList,
  Measures,
  MeasuresQuery,
  NoticeSettings,
  NoticeSettingsBody,
  RecordEventBody,
  RecordEventResult,
} from '../../../common/schemas/events.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import './jobs.ts'; // registers the routing, escalation, reminder and sweep jobs
import * as service from './service.ts';
import * as settings from './settings.service.ts';

/** Events on a child, the deadlines that follow, and the tenant's routing rules and measures. */
export function eventRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  r.post(
    '/api/children/:id/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Record an event (decision, changed wellbeing, absence…); notifies the hub by the routing rules',
        description:
          'The same decision or event on the same day answers 409 possible_duplicate unless confirmDuplicate.',
        params: IdParams,
        body: RecordEventBody,
        response: { 201: RecordEventResult, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.recordEvent(deps, actorOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/children/:id/events',
    {
      schema: {
        tags: ['events'],
        summary: 'The child’s events, newest first (full view)',
        params: IdParams,
        response: { 200: ChildEventList, ...errorResponses },
      },
    },
    async (req) => service.listEvents(deps, actorOf(req), req.params.id),
  );

  r.get(
    '/api/children/:id/deadlines',
    {
      schema: {
        tags: ['events'],
        summary: 'The child’s open deadlines: appeal, finality, departure, turning 18 (full view)',
        params: IdParams,
        response: { 200: DeadlineList, ...errorResponses },
      },
    },
    async (req) => service.deadlinesOfChild(deps, actorOf(req), req.params.id),
  );

  r.get(
    '/api/me/deadlines',
    {
      schema: {
        tags: ['events'],
        summary: 'My task list of dates: open deadlines of the children I see in full',
        response: { 200: DeadlineList, ...errorResponses },
      },
    },
    async (req) => service.myDeadlines(deps, actorOf(req)),
  );

  r.get(
    '/api/notices/settings',
    {
      schema: {
        tags: ['events'],
        summary: 'The routing rules in force: who is notified of each event, how urgently, what follows',
        response: { 200: NoticeSettings, ...errorResponses },
      },
    },
    async (req) => settings.getSettings(deps, actorOf(req)),
  );

  r.put(
    '/api/notices/settings',
    {
      schema: {
        tags: ['events'],
        summary: 'Change routing rules, I-SIP use and escalation time (tenant admins)',
        body: NoticeSettingsBody,
        response: { 200: NoticeSettings, ...errorResponses },
      },
    },
    async (req) => settings.updateSettings(deps, actorOf(req), req.body),
  );

  r.get(
    '/api/notices/measures',
    {
      schema: {
        tags: ['events'],
        summary: 'Follow-up: time from event to notice delivered, read, acknowledged (median, p90) per month and type',
        querystring: MeasuresQuery,
        response: { 200: Measures, ...errorResponses },
      },
    },
    async (req) => settings.measures(deps, actorOf(req), req.query),
  );
}
