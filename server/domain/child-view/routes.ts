import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorBody } from '../../../common/errors.ts';
import {
  CHILD_SESSION_DAYS,
  ChildLinkCreated,
  ChildLinkList,
  ChildLinkParams,
  ChildViewMe,
  RedeemBody,
} from '../../../common/schemas/child-view.ts';
import { IdParams } from '../../../common/schemas/children.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { NoContent, api, errorResponses } from '../../http/route.ts';
import { ChildMessageBody, ChildOwnMessage } from '../../../common/schemas/childvoice.ts';
import * as voice from '../childvoice/service.ts';
import * as service from './service.ts';

/**
 * The child's session cookie. Separate from the adults' navet_session and
 * scoped to the child-view API, so neither session opens the other's routes.
 */
export const CHILD_COOKIE = 'navet_child';
const CHILD_COOKIE_PATH = '/api/child-view';

/** The child's session token, or 401: these routes skip the adult session check and do their own. */
function childToken(req: FastifyRequest): string {
  const token = req.cookies[CHILD_COOKIE];
  if (!token) throw errors.unauthenticated();
  return token;
}

/** Before input validation, as for adult routes: no child cookie, no answer but 401. */
async function requireChildCookie(req: FastifyRequest): Promise<void> {
  childToken(req);
}

/**
 * Redeem has no cookie yet: the link token in the body is its credential. A
 * request without a well-formed token is unauthenticated (401), checked before
 * validation; with one, a bad code gets a 400 at body.code.
 */
async function requireLinkToken(req: FastifyRequest): Promise<void> {
  const token = (req.body as { token?: unknown } | undefined)?.token;
  if (typeof token !== 'string' || !RedeemBody.shape.token.safeParse(token).success) throw errors.unauthenticated();
}

const childErrors = { ...errorResponses, 410: ErrorBody };

export function childViewRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const secure = deps.config.publicUrl.startsWith('https://');
  const clear = (reply: FastifyReply) => reply.clearCookie(CHILD_COOKIE, { path: CHILD_COOKIE_PATH });

  // ---- adults: hand out and withdraw links ----

  r.post(
    '/api/children/:id/child-links',
    {
      schema: {
        tags: ['child-view'],
        summary: 'A personal link and one-time code for the child (social worker, god man); shown once',
        params: IdParams,
        response: { 201: ChildLinkCreated, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createLink(deps, actorOf(req), req.params.id)),
  );

  r.get(
    '/api/children/:id/child-links',
    {
      schema: {
        tags: ['child-view'],
        summary: 'The child’s links and whether each is waiting, in use, expired, burnt or withdrawn',
        params: IdParams,
        response: { 200: ChildLinkList, ...errorResponses },
      },
    },
    async (req) => service.listLinks(deps, actorOf(req), req.params.id),
  );

  r.delete(
    '/api/children/:id/child-links/:linkId',
    {
      schema: {
        tags: ['child-view'],
        summary: 'Withdraw a link; a device logged in with it is logged out',
        params: ChildLinkParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.revokeLink(deps, actorOf(req), req.params.id, req.params.linkId);
      return reply.status(204).send(null);
    },
  );

  // ---- the child: public for the adult session, guarded by the child cookie ----

  r.post(
    '/api/child-view/redeem',
    {
      config: { public: true, rateLimit: { max: deps.config.loginMaxPerMinute, timeWindow: '1 minute' } },
      preValidation: requireLinkToken,
      schema: {
        tags: ['child-view'],
        summary: 'The child enters the code from their link; sets the child session cookie',
        description:
          'Public for the adult session. Without a well-formed link token: 401. Wrong code: 400 at body.code; ' +
          'the fifth wrong code burns the link (410 child_link_burnt). Used, expired or withdrawn link: 410.',
        security: [],
        body: RedeemBody,
        response: { 204: NoContent, ...childErrors },
      },
    },
    async (req, reply) => {
      const token = await service.redeem(deps, req.body);
      reply.setCookie(CHILD_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: CHILD_COOKIE_PATH,
        maxAge: CHILD_SESSION_DAYS * 86_400,
      });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/child-view/me',
    {
      config: { public: true },
      preValidation: requireChildCookie,
      schema: {
        tags: ['child-view'],
        summary: 'The child’s own page: the adults, what to ask each, how to reach them (child cookie)',
        security: [],
        description:
          'Needs the child session cookie (navet_child) from redeem; answers 401 without it. The adult session is ignored.',
        response: { 200: ChildViewMe, ...childErrors },
      },
    },
    async (req, reply) => {
      try {
        return await service.childPage(deps, childToken(req));
      } catch (err) {
        clear(reply);
        throw err;
      }
    },
  );

  r.post(
    '/api/child-view/messages',
    {
      config: { public: true },
      preValidation: requireChildCookie,
      schema: {
        tags: ['child-view'],
        summary: 'The child sends a short message to the hub (child cookie); the adult gets a notice',
        security: [],
        description:
          'Needs the child session cookie (navet_child); 401 without it. "talk_to" names a staff member of the hub ' +
          '(body.toMemberId); the others go to the social worker unless the child chose someone. No attachments; ' +
          'text at most 400 characters. At most 5 messages per child an hour: 429 too_many_messages with retry-after.',
        body: ChildMessageBody,
        response: { 201: ChildOwnMessage, ...childErrors, 429: ErrorBody },
      },
    },
    async (req, reply) => reply.status(201).send(await voice.sendMessage(deps, childToken(req), req.body)),
  );

  r.post(
    '/api/child-view/logout',
    {
      config: { public: true },
      preValidation: requireChildCookie,
      schema: {
        tags: ['child-view'],
        summary: 'Log the child’s device out (child cookie)',
        security: [],
        description:
          'Needs the child session cookie (navet_child) from redeem; answers 401 without it. The adult session is ignored.',
        response: { 204: NoContent, ...childErrors },
      },
    },
    async (req, reply) => {
      await service.childLogout(deps, childToken(req));
      clear(reply);
      return reply.status(204).send(null);
    },
  );
}
