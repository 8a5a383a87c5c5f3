import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  LocaleBody,
  LoginBody,
  LoginInfo,
  LoginResponse,
  MeResponse,
  TotpBody,
  TotpEnrollment,
} from '../../../common/schemas/auth.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { NoContent, api, errorResponses } from '../../http/route.ts';
import * as repo from './repo.ts';
import * as service from './service.ts';
import { SESSION_COOKIE } from './sessions.ts';

function sessionOf(req: FastifyRequest) {
  if (!req.session) throw errors.unauthenticated();
  return req.session;
}

export function authRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const secure = deps.config.publicUrl.startsWith('https://');
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  const clearCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });
  const loginLimit = { max: deps.config.loginMaxPerMinute, timeWindow: '1 minute' };

  r.get(
    '/api/auth/login-info',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'What the login page needs to know', response: { 200: LoginInfo } },
    },
    () => repo.demoLoginInfo(deps.db),
  );

  r.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: loginLimit },
      schema: {
        tags: ['auth'],
        summary: 'Log in with e-mail and password',
        body: LoginBody,
        response: { 200: LoginResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { response, token } = await service.login(deps, req.body, req.ip);
      setCookie(reply, token);
      return response;
    },
  );

  r.post(
    '/api/auth/totp',
    {
      config: { pendingTotp: true, rateLimit: loginLimit },
      schema: {
        tags: ['auth'],
        summary: 'Second login step: a TOTP code',
        body: TotpBody,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.verifyLoginTotp(deps, sessionOf(req), req.body.code);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/auth/totp/enroll',
    {
      config: { pendingTotp: true },
      schema: {
        tags: ['auth'],
        summary: 'Start setting up an authenticator app',
        response: { 200: TotpEnrollment, ...errorResponses },
      },
    },
    async (req) => service.startEnrollment(deps, sessionOf(req)),
  );

  r.post(
    '/api/auth/totp/confirm',
    {
      config: { pendingTotp: true, rateLimit: loginLimit },
      schema: {
        tags: ['auth'],
        summary: 'Finish setting up an authenticator app',
        body: TotpBody,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.confirmEnrollment(deps, sessionOf(req), req.body.code);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { pendingTotp: true },
      schema: { tags: ['auth'], summary: 'End this session', response: { 204: NoContent, ...errorResponses } },
    },
    async (req, reply) => {
      await service.logout(deps, sessionOf(req));
      clearCookie(reply);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/auth/logout-all',
    {
      schema: {
        tags: ['auth'],
        summary: 'End every session of this user, on every device',
        response: { 200: z.object({ sessions: z.number() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const sessions = await service.logoutEverywhere(deps, sessionOf(req));
      clearCookie(reply);
      return { sessions };
    },
  );

  r.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user, tenant, roles and abilities',
        response: { 200: MeResponse, ...errorResponses },
      },
    },
    async (req) => service.me(deps, actorOf(req), sessionOf(req).csrfToken),
  );

  r.put(
    '/api/auth/me/locale',
    {
      schema: {
        tags: ['auth'],
        summary: 'Choose the interface language',
        body: LocaleBody,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await repo.updateUser(deps.db, actorOf(req).userId, { locale: req.body.locale });
      return reply.status(204).send(null);
    },
  );
}
