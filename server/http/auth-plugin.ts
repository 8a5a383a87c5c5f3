import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/connect.ts';
import type { Config } from '../config.ts';
import { setActor, type Actor } from '../context.ts';
import { errors } from '../errors.ts';
import { loadActor } from '../domain/auth/actor.ts';
import { SESSION_COOKIE, findLiveSession, touchSession, type SessionRow } from '../domain/auth/sessions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, openapi). Everything else needs one. */
    public?: boolean;
    /** Reachable with a session that still waits for its second factor. */
    pendingTotp?: boolean;
  }
  interface FastifyRequest {
    session?: SessionRow;
    actor?: Actor;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The actor of an authenticated route. Routes behind the auth hook always have one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw errors.unauthenticated();
  return req.actor;
}

/**
 * Resolves the session cookie on every /api request. Routes are closed by
 * default: a route must say `config: { public: true }` to be reached without
 * a session, so a new route cannot be forgotten open.
 */
export function installAuth(app: FastifyInstance, db: Db, config: Config): void {
  const times = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  // preValidation, not preHandler: a request without a session is refused
  // before its input is validated, so anonymous callers learn nothing from 400s.
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const routeConfig = req.routeOptions.config;
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await findLiveSession(db, token, times) : null;
    if (session) req.session = session;

    if (routeConfig.public) return;
    if (!session) throw errors.unauthenticated();
    if (unsafeMethods.has(req.method) && req.headers['x-csrf-token'] !== session.csrfToken) throw errors.csrf();
    if (session.stage !== 'active' && !routeConfig.pendingTotp) throw errors.unauthenticated();
    if (session.stage === 'active') {
      const actor = await loadActor(db, session);
      if (!actor) throw errors.unauthenticated();
      req.actor = actor;
      setActor(actor);
    }
    await touchSession(db, session);
  });
}
