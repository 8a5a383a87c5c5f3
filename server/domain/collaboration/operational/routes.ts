import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../../../../common/schemas/children.ts';
import {
  AdoptBody,
  CollaborationParams,
  EscalateBody,
  FeedbackBody,
  FeedbackState,
  ForumMeetingList,
  ForumMeetingParams,
  GeneralQuestionBody,
  LevelsStart,
  Question,
  QuestionBody,
  QuestionList,
  QuestionListQuery,
  QuestionParams,
  QuestionProposalMade,
  QuestionPatch,
  Routine,
  RoutineBody,
  RoutineList,
  RoutineParams,
  RoutineVersionBody,
  Series,
  SeriesBody,
  SeriesList,
  SeriesParams,
  TakeBody,
  Unread,
  WhenQuery,
} from '../../../../common/schemas/forum.ts';
import type { Deps } from '../../../deps.ts';
import { actorOf } from '../../../http/auth-plugin.ts';
import { api, errorResponses } from '../../../http/route.ts';
import * as questions from './questions.service.ts';
import * as routines from './routines.service.ts';
import * as series from './series.service.ts';
import * as start from './start.service.ts';

/** The operational forum: questions, routines, meeting series, feedback; and the levels' start-page part. */
export function forumRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['forum'];
  const base = '/api/collaborations/:id';

  r.get(
    '/api/levels/start',
    {
      schema: {
        tags,
        summary: 'My part of the levels: routines to read; for managers their staff',
        response: { 200: LevelsStart, ...errorResponses },
      },
    },
    async (req) => start.levelsStart(deps, actorOf(req)),
  );
  r.get(
    '/api/meetings',
    {
      schema: {
        tags,
        summary: 'Forum and strategic meetings of my collaborations (never a child’s)',
        querystring: WhenQuery,
        response: { 200: ForumMeetingList, ...errorResponses },
      },
    },
    async (req) => start.listLevelMeetings(deps, actorOf(req), req.query.when),
  );

  r.get(
    `${base}/questions`,
    {
      schema: {
        tags,
        summary: 'The question register',
        params: CollaborationParams,
        querystring: QuestionListQuery,
        response: { 200: QuestionList, ...errorResponses },
      },
    },
    async (req) => questions.listQuestions(deps, actorOf(req), req.params.id, req.query),
  );
  r.post(
    `${base}/questions`,
    {
      schema: {
        tags,
        summary: 'Raise a question to the forum (any staff member)',
        params: CollaborationParams,
        body: QuestionBody,
        response: { 201: Question, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await questions.raise(deps, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/children/:id/general-questions',
    {
      schema: {
        tags,
        summary: 'Raise a general question from the child’s hub: no child data (its name or case number: 400)',
        params: IdParams,
        body: GeneralQuestionBody,
        response: { 201: Question, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await questions.raiseFromHub(deps, actorOf(req), req.params.id, req.body)),
  );
  r.patch(
    `${base}/questions/:questionId`,
    {
      schema: {
        tags,
        summary: 'Owner and due date, the answer or decision, the linked routine',
        params: QuestionParams,
        body: QuestionPatch,
        response: { 200: Question, ...errorResponses },
      },
    },
    async (req) => questions.updateQuestion(deps, actorOf(req), req.params.id, req.params.questionId, req.body),
  );
  r.post(
    `${base}/questions/:questionId/escalate`,
    {
      schema: {
        tags,
        summary: 'Escalate to the strategic level; its answer comes back down',
        params: QuestionParams,
        body: EscalateBody,
        response: { 200: Question, ...errorResponses },
      },
    },
    async (req) => questions.escalate(deps, actorOf(req), req.params.id, req.params.questionId, req.body.reason),
  );
  r.post(
    `${base}/questions/:questionId/proposal`,
    {
      schema: {
        tags,
        summary: 'Make the question a development proposal (step 3), linked both ways (409 if it is one)',
        params: QuestionParams,
        response: { 201: QuestionProposalMade, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await questions.proposeFromQuestion(deps, actorOf(req), req.params.id, req.params.questionId)),
  );
  r.post(
    `${base}/questions/:questionId/take`,
    {
      schema: {
        tags,
        summary: 'Put the question on a meeting’s agenda',
        params: QuestionParams,
        body: TakeBody,
        response: { 200: Question, ...errorResponses },
      },
    },
    async (req) => questions.take(deps, actorOf(req), req.params.id, req.params.questionId, req.body.meetingId),
  );

  r.get(
    `${base}/routines`,
    {
      schema: {
        tags,
        summary: 'Routines and guidelines, with what I must read',
        params: CollaborationParams,
        response: { 200: RoutineList, ...errorResponses },
      },
    },
    async (req) => routines.listRoutines(deps, actorOf(req), req.params.id),
  );
  r.post(
    `${base}/routines`,
    {
      schema: {
        tags,
        summary: 'A new routine with its first draft',
        params: CollaborationParams,
        body: RoutineBody,
        response: { 201: Routine, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await routines.createRoutine(deps, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    `${base}/routines/:routineId/versions`,
    {
      schema: {
        tags,
        summary: 'A new draft version',
        params: RoutineParams,
        body: RoutineVersionBody,
        response: { 201: Routine, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await routines.addVersion(deps, actorOf(req), req.params.id, req.params.routineId, req.body.text)),
  );
  r.post(
    `${base}/routines/:routineId/adopt`,
    {
      schema: {
        tags,
        summary: 'Adopt a version by the level’s decision (twice: 409)',
        params: RoutineParams,
        body: AdoptBody,
        response: { 200: Routine, ...errorResponses },
      },
    },
    async (req) => routines.adopt(deps, actorOf(req), req.params.id, req.params.routineId, req.body),
  );
  r.post(
    `${base}/routines/:routineId/read`,
    {
      schema: {
        tags,
        summary: 'I have read the current version',
        params: RoutineParams,
        response: { 200: Routine, ...errorResponses },
      },
    },
    async (req) => routines.confirmRead(deps, actorOf(req), req.params.id, req.params.routineId),
  );
  r.get(
    `${base}/routines/unread`,
    {
      schema: {
        tags,
        summary: 'Who of my staff has not read the current version (managers)',
        params: CollaborationParams,
        response: { 200: Unread, ...errorResponses },
      },
    },
    async (req) => routines.unread(deps, actorOf(req), req.params.id),
  );

  r.get(
    `${base}/meetings`,
    {
      schema: {
        tags,
        summary: 'The levels’ meetings, upcoming or past',
        params: CollaborationParams,
        querystring: WhenQuery,
        response: { 200: ForumMeetingList, ...errorResponses },
      },
    },
    async (req) => series.listMeetings(deps, actorOf(req), req.params.id, req.query.when),
  );
  r.get(
    `${base}/series`,
    {
      schema: {
        tags,
        summary: 'Recurring meeting series',
        params: CollaborationParams,
        response: { 200: SeriesList, ...errorResponses },
      },
    },
    async (req) => series.listSeries(deps, actorOf(req), req.params.id),
  );
  r.post(
    `${base}/series`,
    {
      schema: {
        tags,
        summary: 'A recurring series of a level’s meetings',
        params: CollaborationParams,
        body: SeriesBody,
        response: { 201: Series, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await series.createSeries(deps, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    `${base}/series/:seriesId/calendar.ics`,
    {
      schema: {
        tags,
        summary: 'The series as one recurring iCalendar event (RRULE)',
        params: SeriesParams,
        response: { 200: z.string().describe('An iCalendar file (RFC 5545)'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const body = await series.seriesCalendar(deps, actorOf(req), req.params.id, req.params.seriesId);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="series.ics"')
        .send(body);
    },
  );
  r.get(
    `${base}/meetings/:meetingId/feedback`,
    {
      schema: {
        tags,
        summary: 'Which representatives fed the meeting back to their staff',
        params: ForumMeetingParams,
        response: { 200: FeedbackState, ...errorResponses },
      },
    },
    async (req) => series.feedbackState(deps, actorOf(req), req.params.id, req.params.meetingId),
  );
  r.post(
    `${base}/meetings/:meetingId/feedback`,
    {
      schema: {
        tags,
        summary: 'I fed the meeting back to my staff (representatives)',
        params: ForumMeetingParams,
        body: FeedbackBody,
        response: { 200: FeedbackState, ...errorResponses },
      },
    },
    async (req) => series.feedbackState(deps, actorOf(req), req.params.id, req.params.meetingId, req.body.note),
  );
}
