import type { FastifyInstance } from 'fastify';
import {
  ChildMessage,
  ChildMessageAnswerBody,
  ChildMessageList,
  ChildMessageParams,
} from '../../../common/schemas/childvoice.ts';
import { IdParams } from '../../../common/schemas/children.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as service from './service.ts';

/** The hub's side of the child's messages: read them (sharing rule) and answer. The child's side is in child-view. */
export function childVoiceRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);

  r.get(
    '/api/children/:id/child-messages',
    {
      schema: {
        tags: ['child-view'],
        summary: 'Messages the child sent from their page, with answers (those who see the child in full)',
        description:
          'Each message belongs to the organisation of the adult it was sent to, category social_services, ' +
          'purpose hub: others see it under a consent or legal basis only (someWithheld says when some are kept back).',
        params: IdParams,
        response: { 200: ChildMessageList, ...errorResponses },
      },
    },
    async (req) => service.listMessages(deps, actorOf(req), req.params.id),
  );

  r.post(
    '/api/children/:id/child-messages/:messageId/answer',
    {
      schema: {
        tags: ['child-view'],
        summary: 'Answer the child’s message (hub staff who see it); the child reads it on their page',
        description: 'One answer per message: a second is 409 already_answered. Text at most 400 characters.',
        params: ChildMessageParams,
        body: ChildMessageAnswerBody,
        response: { 200: ChildMessage, ...errorResponses },
      },
    },
    async (req) => service.answerMessage(deps, actorOf(req), req.params.id, req.params.messageId, req.body),
  );
}
