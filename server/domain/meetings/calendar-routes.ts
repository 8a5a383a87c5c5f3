import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ErrorBody } from '../../../common/errors.ts';
import { CalendarFeed, FeedParams, MeetingParams } from '../../../common/schemas/meetings.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as calendar from './calendar.service.ts';

const ICS_TYPE = 'text/calendar; charset=utf-8';
const IcsText = z.string().describe('An iCalendar file (RFC 5545), sent as text/calendar');

/** The .ics download of one meeting, and each user's private, revocable calendar feed. */
export function calendarRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['meetings'];

  r.get(
    '/api/meetings/:id/calendar.ics',
    {
      schema: {
        tags,
        summary: 'The meeting as an iCalendar file (kind, time and place only: no title, names or agenda)',
        params: MeetingParams,
        response: { 200: IcsText, ...errorResponses },
      },
    },
    async (req, reply) => {
      const ics = await calendar.meetingIcs(deps, actorOf(req), req.params.id);
      return reply
        .type(ICS_TYPE)
        .header('content-disposition', 'attachment; filename="navet-meeting.ics"')
        .header('cache-control', 'no-store')
        .send(ics);
    },
  );

  r.get(
    '/api/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Whether I have a private calendar feed (its address is shown only when made)',
        response: { 200: CalendarFeed, ...errorResponses },
      },
    },
    async (req) => calendar.getFeed(deps, actorOf(req)),
  );

  r.post(
    '/api/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Make a new private feed address for my calendar app; an earlier one stops working',
        response: { 201: CalendarFeed, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await calendar.createFeed(deps, actorOf(req))),
  );

  r.delete(
    '/api/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Withdraw my feed address: calendar apps polling it get 410 Gone',
        response: { 200: CalendarFeed, ...errorResponses },
      },
    },
    async (req) => calendar.revokeFeed(deps, actorOf(req)),
  );

  r.get(
    '/api/calendar/feeds/:token',
    {
      // The token in the address is the credential: calendar apps cannot log in.
      config: { public: true },
      schema: {
        tags,
        summary: 'A user’s meetings as an iCalendar feed, by its private token (404 unknown, 410 withdrawn)',
        params: FeedParams,
        security: [],
        response: { 200: IcsText, 400: ErrorBody, 404: ErrorBody, 410: ErrorBody },
      },
    },
    async (req, reply) => {
      const ics = await calendar.feedByToken(deps, req.params.token);
      return reply.type(ICS_TYPE).header('cache-control', 'private, no-cache').send(ics);
    },
  );
}
