import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  IdentitySettings,
  IdentitySettingsBody,
  OidcCallbackQuery,
  OidcProviders,
  OidcStartQuery,
} from '../../../common/schemas/identity.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import * as repo from './oidc-repo.ts';
import * as service from './oidc-service.ts';
import { SESSION_COOKIE } from './sessions.ts';

const Redirect = z.null().describe('A redirect (Location header)');

/** Login through the municipality's identity provider, and its settings for the tenant admin. */
export function oidcRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  const secure = deps.config.publicUrl.startsWith('https://');
  const loginLimit = { max: deps.config.loginMaxPerMinute, timeWindow: '1 minute' };
  const preLogin = preLoginCookie(deps);

  r.get(
    '/api/auth/oidc/providers',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: "Municipalities whose login page offers their organisation's identity provider",
        response: { 200: OidcProviders },
      },
    },
    async () => ({ items: await repo.enabledProviders(deps.db) }),
  );

  r.get(
    '/api/auth/oidc/start',
    {
      config: { public: true, rateLimit: loginLimit },
      schema: {
        tags: ['auth'],
        summary: "Go to the municipality's identity provider to log in",
        querystring: OidcStartQuery,
        response: { 302: Redirect, ...errorResponses, 502: errorResponses[400] },
      },
    },
    async (req, reply) => {
      const { url, cookie } = await service.start(deps, req.query.tenant, null);
      setPreLogin(deps, reply, cookie);
      return reply.redirect(url, 302);
    },
  );

  r.get(
    '/api/auth/oidc/callback',
    {
      config: { public: true, rateLimit: loginLimit },
      schema: {
        tags: ['auth'],
        summary: 'Where the identity provider sends the browser back; logs in and goes on to Navet',
        querystring: OidcCallbackQuery,
        response: { 303: Redirect, ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.clearCookie(service.PRELOGIN_COOKIE, preLogin);
      try {
        const { token } = await service.callback(deps, req.cookies[service.PRELOGIN_COOKIE], req.query, req.ip);
        reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
        return reply.redirect('/', 303);
      } catch (err) {
        if (err instanceof service.OidcRefused) return reply.redirect(`/login?oidc_error=${err.reason}`, 303);
        throw err;
      }
    },
  );

  r.get(
    '/api/admin/identity',
    {
      schema: {
        tags: ['admin'],
        summary: "The municipality's identity provider (OIDC) and whether passwords still work",
        response: { 200: IdentitySettings, ...errorResponses },
      },
    },
    async (req) => service.getSettings(deps, actorOf(req)),
  );

  r.put(
    '/api/admin/identity',
    {
      schema: {
        tags: ['admin'],
        summary: "Configure the municipality's identity provider (OIDC)",
        body: IdentitySettingsBody,
        response: { 200: IdentitySettings, ...errorResponses },
      },
    },
    async (req) => service.saveSettings(deps, actorOf(req), req.body),
  );
}

/** The pre-login cookie: only the callback path receives it, and it outlives no login. */
export function preLoginCookie(deps: Deps) {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.publicUrl.startsWith('https://'),
    path: '/api/auth/oidc',
  } as const;
}

export function setPreLogin(deps: Deps, reply: FastifyReply, value: string): void {
  void reply.setCookie(service.PRELOGIN_COOKIE, value, {
    ...preLoginCookie(deps),
    maxAge: service.PRELOGIN_MINUTES * 60,
  });
}
