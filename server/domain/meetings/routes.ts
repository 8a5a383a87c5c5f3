import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../common/schemas/children.ts';
import {
  AttendanceBody,
  CancelBody,
  InviteBody,
  Meeting,
  MeetingBody,
  MeetingConflict,
  MeetingList,
  MeetingListQuery,
  MeetingParams,
  MeetingPatch,
  ParticipantParams,
  ResponseBody,
} from '../../../common/schemas/meetings.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import { calendarRoutes } from './calendar-routes.ts';
import { meetingContentRoutes } from './content-routes.ts';
import * as participants from './participants.service.ts';
import * as service from './service.ts';
import { errors } from '../../errors.ts';

const staleVersion = 'Someone else changed this meeting since you opened it. The current meeting is attached.';

/** Meetings of every level: scheduling, invitations, status; content and calendars in the sibling modules. */
export function meetingRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['meetings'];

  r.post(
    '/api/meetings',
    {
      schema: {
        tags,
        summary: 'Schedule a meeting (a child’s: the core three; forum and strategic: coordinators, managers)',
        body: MeetingBody,
        response: { 201: Meeting, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createMeeting(deps, actorOf(req), req.body)),
  );

  r.get(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: 'One meeting: agenda with the follow-up of earlier decisions, invitations, minutes, decisions',
        params: MeetingParams,
        response: { 200: Meeting, ...errorResponses },
      },
    },
    async (req) => service.getMeeting(deps, actorOf(req), req.params.id),
  );

  r.patch(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Change time, place or the child’s part; send the version read (409 with the meeting if stale)',
        params: MeetingParams,
        body: MeetingPatch,
        response: { 200: Meeting, ...errorResponses, 409: MeetingConflict },
      },
    },
    async (req) => {
      const result = await service.updateMeeting(deps, actorOf(req), req.params.id, req.body);
      if (!result.ok) throw errors.conflict('version_conflict', staleVersion, { current: result.current });
      return result.meeting;
    },
  );

  for (const [path, to, summary] of [
    ['start', 'start', 'The meeting is held now: minutes and decisions are typed live'],
    ['close', 'close', 'Close the meeting: the minutes stand, later additions are amendments'],
  ] as const) {
    r.post(
      `/api/meetings/:id/${path}`,
      {
        schema: { tags, summary, params: MeetingParams, response: { 200: Meeting, ...errorResponses } },
      },
      async (req) => service.transition(deps, actorOf(req), req.params.id, to),
    );
  }

  r.post(
    '/api/meetings/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel with a reason; invitees are told and calendars show it cancelled',
        params: MeetingParams,
        body: CancelBody,
        response: { 200: Meeting, ...errorResponses },
      },
    },
    async (req) => service.transition(deps, actorOf(req), req.params.id, 'cancel', req.body),
  );

  r.post(
    '/api/meetings/:id/participants',
    {
      schema: {
        tags,
        summary: 'Invite users (told in their notifications) and external guests by name',
        params: MeetingParams,
        body: InviteBody,
        response: { 200: Meeting, ...errorResponses },
      },
    },
    async (req) => participants.invite(deps, actorOf(req), req.params.id, req.body),
  );

  r.delete(
    '/api/meetings/:id/participants/:participantId',
    {
      schema: {
        tags,
        summary: 'Withdraw an invitation (not the organiser’s)',
        params: ParticipantParams,
        response: { 200: Meeting, ...errorResponses },
      },
    },
    async (req) => participants.removeParticipant(deps, actorOf(req), req.params.id, req.params.participantId),
  );

  r.put(
    '/api/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Record who came, once the meeting has started (the organiser or the child’s social worker)',
        params: MeetingParams,
        body: AttendanceBody,
        response: { 200: Meeting, ...errorResponses },
      },
    },
    async (req) => participants.recordAttendance(deps, actorOf(req), req.params.id, req.body),
  );

  r.put(
    '/api/meetings/:id/response',
    {
      schema: {
        tags,
        summary: 'Answer my invitation: accepted, tentative or declined',
        params: MeetingParams,
        body: ResponseBody,
        response: { 200: Meeting, ...errorResponses },
      },
    },
    async (req) => participants.respond(deps, actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/children/:id/meetings',
    {
      schema: {
        tags,
        summary: 'The child’s meetings: upcoming, past or all',
        params: IdParams,
        querystring: MeetingListQuery,
        response: { 200: MeetingList, ...errorResponses },
      },
    },
    async (req) => service.childMeetings(deps, actorOf(req), req.params.id, req.query.when),
  );

  meetingContentRoutes(app, deps);
  calendarRoutes(app, deps);
}
