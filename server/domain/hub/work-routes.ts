import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../common/schemas/children.ts';
import {
  ChecklistItemBody,
  ChecklistParams,
  FirstMeeting,
  FirstMeetingBody,
  MyQuestions,
  MyQuestionsQuery,
  Question,
  QuestionBody,
  QuestionList,
  QuestionListQuery,
  QuestionParams,
  QuestionPatch,
} from '../../../common/schemas/hub.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as firstMeeting from './first-meeting.service.ts';
import * as questions from './questions.service.ts';

/** What the hub agrees and does: the first meeting's checklist, and the questions for the child. */
export function hubWorkRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  r.get(
    '/api/children/:id/first-meeting',
    {
      schema: {
        tags: ['hub'],
        summary: 'The first meeting of the core three: proposed date and checklist',
        params: IdParams,
        response: { 200: FirstMeeting, ...errorResponses },
      },
    },
    async (req) => firstMeeting.getFirstMeeting(deps, actorOf(req), req.params.id),
  );

  r.put(
    '/api/children/:id/first-meeting',
    {
      schema: {
        tags: ['hub'],
        summary: 'Change the proposed date of the first meeting (the core three)',
        params: IdParams,
        body: FirstMeetingBody,
        response: { 200: FirstMeeting, ...errorResponses },
      },
    },
    async (req) => firstMeeting.setProposedDate(deps, actorOf(req), req.params.id, req.body),
  );

  r.put(
    '/api/children/:id/first-meeting/items/:item',
    {
      schema: {
        tags: ['hub'],
        summary: 'Record the outcome of one checklist item (the core three)',
        params: ChecklistParams,
        body: ChecklistItemBody,
        response: { 200: FirstMeeting, ...errorResponses },
      },
    },
    async (req) => firstMeeting.recordItem(deps, actorOf(req), req.params.id, req.params.item, req.body),
  );

  r.get(
    '/api/children/:id/questions',
    {
      schema: {
        tags: ['hub'],
        summary: 'Questions the hub agreed to raise with the child, and who takes each',
        params: IdParams,
        querystring: QuestionListQuery,
        response: { 200: QuestionList, ...errorResponses },
      },
    },
    async (req) => questions.listQuestions(deps, actorOf(req), req.params.id, req.query.status),
  );

  r.post(
    '/api/children/:id/questions',
    {
      schema: {
        tags: ['hub'],
        summary: 'Agree a question to raise with the child; exactly one active member owns it',
        params: IdParams,
        body: QuestionBody,
        response: { 201: Question, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await questions.createQuestion(deps, actorOf(req), req.params.id, req.body)),
  );

  r.patch(
    '/api/children/:id/questions/:questionId',
    {
      schema: {
        tags: ['hub'],
        summary: 'Change a question: done, dropped (with a reason), reassigned, new due date',
        params: QuestionParams,
        body: QuestionPatch,
        response: { 200: Question, ...errorResponses },
      },
    },
    async (req) => questions.updateQuestion(deps, actorOf(req), req.params.id, req.params.questionId, req.body),
  );

  r.get(
    '/api/me/questions',
    {
      schema: {
        tags: ['hub'],
        summary: 'My questions to raise, across all my children (the task list); overdue ones flagged',
        querystring: MyQuestionsQuery,
        response: { 200: MyQuestions, ...errorResponses },
      },
    },
    async (req) => questions.myQuestions(deps, actorOf(req), req.query.status),
  );
}
