import type { FastifyInstance } from 'fastify';
import {
  Invitation,
  InvitationBody,
  InvitationInfo,
  NewPasswordBody,
  RedirectTo,
  ResetRequestBody,
  TokenBody,
} from '../../../common/schemas/identity.ts';
import { ErrorBody } from '../../../common/errors.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { NoContent, api, errorResponses } from '../../http/route.ts';
import * as invitations from './invitations-service.ts';
import { setPreLogin } from './oidc-routes.ts';
import * as reset from './reset-service.ts';

const linkResponses = { ...errorResponses, 410: ErrorBody };

/** Invitations by e-mail and self-service password reset: one-time links whose tokens travel in bodies. */
export function identityRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const linkLimit = { max: deps.config.loginMaxPerMinute, timeWindow: '1 minute' };

  r.post(
    '/api/admin/invitations',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a user and send them a one-time link to choose a password or link their login',
        body: InvitationBody,
        response: { 201: Invitation, ...errorResponses, 502: ErrorBody },
      },
    },
    async (req, reply) => reply.status(201).send(await invitations.invite(deps, actorOf(req), req.body)),
  );

  r.post(
    '/api/auth/invitations/lookup',
    {
      config: { public: true, rateLimit: linkLimit },
      schema: {
        tags: ['auth'],
        summary: 'What an invitation link is for, while it can be used',
        body: TokenBody,
        response: { 200: InvitationInfo, ...linkResponses },
      },
    },
    async (req) => invitations.invitationInfo(deps, req.body.token),
  );

  r.post(
    '/api/auth/invitations/accept',
    {
      config: { public: true, rateLimit: linkLimit },
      schema: {
        tags: ['auth'],
        summary: 'Accept an invitation by choosing a password',
        body: NewPasswordBody,
        response: { 204: NoContent, ...linkResponses },
      },
    },
    async (req, reply) => {
      await invitations.acceptWithPassword(deps, req.body.token, req.body.password);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/auth/invitations/oidc',
    {
      config: { public: true, rateLimit: linkLimit },
      schema: {
        tags: ['auth'],
        summary: "Accept an invitation by logging in at the municipality's identity provider",
        body: TokenBody,
        response: { 200: RedirectTo, ...linkResponses, 502: ErrorBody },
      },
    },
    async (req, reply) => {
      const { url, cookie } = await invitations.startOidcLink(deps, req.body.token);
      setPreLogin(deps, reply, cookie);
      return { url };
    },
  );

  r.post(
    '/api/auth/reset',
    {
      config: { public: true, rateLimit: linkLimit },
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password reset link; the same answer whether or not the address has an account',
        body: ResetRequestBody,
        response: { 202: NoContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      // The mail is sent after the answer; a failure is logged, never shown (it would tell who exists).
      await reset.requestReset(deps, req.body, (err) => req.log.warn({ err }, 'reset mail not sent'));
      return reply.status(202).send(null);
    },
  );

  r.post(
    '/api/auth/reset/check',
    {
      config: { public: true, rateLimit: linkLimit },
      schema: {
        tags: ['auth'],
        summary: 'Whether a password reset link can still be used',
        body: TokenBody,
        response: { 204: NoContent, ...linkResponses },
      },
    },
    async (req, reply) => {
      await reset.checkReset(deps, req.body.token);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/auth/reset/complete',
    {
      config: { public: true, rateLimit: linkLimit },
      schema: {
        tags: ['auth'],
        summary: 'Choose a new password with a reset link; every session of the account ends',
        body: NewPasswordBody,
        response: { 204: NoContent, ...linkResponses },
      },
    },
    async (req, reply) => {
      await reset.completeReset(deps, req.body.token, req.body.password);
      return reply.status(204).send(null);
    },
  );
}
