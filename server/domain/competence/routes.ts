import type { FastifyInstance } from 'fastify';
import {
  Article,
  ArticleBody,
  ArticleList,
  ArticleParams,
  ArticleQuery,
  ArticleUpdate,
  AttendanceBody,
  CompetenceOverview,
  CompetenceParams,
  MyTraining,
  Need,
  NeedBody,
  NeedParams,
  NeedPatch,
  Session,
  SessionBody,
  SessionParams,
  ShareAnswer,
  ShareOptions,
  ShareQuestion,
  Topic,
  TopicBody,
} from '../../../common/schemas/competence.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
// The lapse reminders' job handlers register when this module loads.
import './jobs.ts';
import * as knowledge from './knowledge-service.ts';
import * as service from './service.ts';
import * as share from './share-question.ts';

/** Step 4: competence needs, training and coverage; the knowledge base; "May I share this?". */
export function competenceRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const tags = ['competence'];
  const base = '/api/collaborations/:id/competence';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'Competence needs, training sessions and coverage per party (counts below 5: "<5")',
        params: CompetenceParams,
        response: { 200: CompetenceOverview, ...errorResponses },
      },
    },
    async (req) => service.overview(deps, actorOf(req), req.params.id),
  );
  r.post(
    `${base}/needs`,
    {
      schema: {
        tags,
        summary: 'Record a competence need with its owner and due date',
        params: CompetenceParams,
        body: NeedBody,
        response: { 201: Need, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createNeed(deps, actorOf(req), req.params.id, req.body)),
  );
  r.patch(
    `${base}/needs/:needId`,
    {
      schema: {
        tags,
        summary: 'Status, priority, owner or due date of a competence need',
        params: NeedParams,
        body: NeedPatch,
        response: { 200: Need, ...errorResponses },
      },
    },
    async (req) => service.updateNeed(deps, actorOf(req), req.params.id, req.params.needId, req.body),
  );
  r.post(
    `${base}/topics`,
    {
      schema: {
        tags,
        summary: 'A training topic and how long a training in it holds',
        params: CompetenceParams,
        body: TopicBody,
        response: { 201: Topic, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createTopic(deps, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    `${base}/sessions`,
    {
      schema: {
        tags,
        summary: 'A training session: topic, date, who should attend, who attended',
        params: CompetenceParams,
        body: SessionBody,
        response: { 201: Session, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createSession(deps, actorOf(req), req.params.id, req.body)),
  );
  r.put(
    `${base}/sessions/:sessionId/attendance`,
    {
      schema: {
        tags,
        summary: 'Who attended a session (replaces the list)',
        params: SessionParams,
        body: AttendanceBody,
        response: { 200: Session, ...errorResponses },
      },
    },
    async (req) => service.setAttendance(deps, actorOf(req), req.params.id, req.params.sessionId, req.body),
  );
  r.get(
    '/api/competence/mine',
    {
      schema: {
        tags,
        summary: 'My trainings and how long each holds',
        response: { 200: MyTraining, ...errorResponses },
      },
    },
    async (req) => service.myTraining(deps, actorOf(req)),
  );

  r.get(
    '/api/knowledge',
    {
      schema: {
        tags,
        summary: 'Knowledge-base articles of the municipality and its collaborations',
        querystring: ArticleQuery,
        response: { 200: ArticleList, ...errorResponses },
      },
    },
    async (req) => knowledge.listArticles(deps, actorOf(req), req.query.lang),
  );
  r.post(
    '/api/knowledge',
    {
      schema: {
        tags,
        summary: 'Write an article (markdown, rendered inert)',
        body: ArticleBody,
        response: { 201: Article, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await knowledge.createArticle(deps, actorOf(req), req.body)),
  );
  r.get(
    '/api/knowledge/:articleId',
    {
      schema: {
        tags,
        summary: 'One article, its markdown and its rendered HTML',
        params: ArticleParams,
        response: { 200: Article, ...errorResponses },
      },
    },
    async (req) => knowledge.getArticle(deps, actorOf(req), req.params.articleId),
  );
  r.put(
    '/api/knowledge/:articleId',
    {
      schema: {
        tags,
        summary: 'Change an article with the version read (409 when someone changed it since)',
        params: ArticleParams,
        body: ArticleUpdate,
        response: { 200: Article, ...errorResponses },
      },
    },
    async (req) => knowledge.updateArticle(deps, actorOf(req), req.params.articleId, req.body),
  );

  r.get(
    '/api/may-i-share/options',
    {
      schema: {
        tags,
        summary: 'The organisations a sharing question may name',
        response: { 200: ShareOptions, ...errorResponses },
      },
    },
    async (req) => share.shareOptions(deps, actorOf(req)),
  );
  r.get(
    '/api/may-i-share',
    {
      schema: {
        tags,
        summary: 'May I share this? Yes, no or only with consent, from the sharing rule and the child’s consents',
        querystring: ShareQuestion,
        response: { 200: ShareAnswer, ...errorResponses },
      },
    },
    async (req) => share.askMayIShare(deps, actorOf(req), req.query),
  );
}
