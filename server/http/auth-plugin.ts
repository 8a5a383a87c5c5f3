import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/connect.ts';
import type { Config } from '../config.ts';
import { setActor, type Actor } from '../context.ts';
import { errors } from '../errors.ts';
import { findSessionAndActor } from '../domain/auth/actor.ts';
import { SESSION_COOKIE, touchSession, type SessionRow } from '../domain/auth/sessions.ts';

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
 * Whether a request is for the API. Judged by the route it reached, not by its
 * raw URL: the router decodes the path, so `/%61pi/…` reaches an `/api/…` route.
 * A request that reached no route is judged by its decoded path.
 */
export function isApiRequest(req: FastifyRequest): boolean {
  const routed = req.routeOptions.url;
  if (routed !== undefined) return routed.startsWith('/api/');
  const path = req.url.split('?', 1)[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Not valid percent-encoding: the raw path is all there is.
  }
  return decoded.startsWith('/api/');
}

/**
 * Resolves the session cookie on every /api request. Routes are closed by
 * default: a route must say `config: { public: true }` to be reached without
 * a session, so a new route cannot be forgotten open.
 */
export function installAuth(app: FastifyInstance, db: Db, config: Config): void {
  const times = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  // onRequest, right after routing and before the body is read: a request
  // without a session is refused before its body is parsed or its input
  // validated, so anonymous callers learn nothing from 400, 413 or 415.
  app.addHook('onRequest', async (req) => {
    if (!isApiRequest(req)) return;
    const routeConfig = req.routeOptions.config;
    const token = req.cookies[SESSION_COOKIE];
    // Session, user and memberships in one statement, afresh on every request (see actor.ts).
    const found = token ? await findSessionAndActor(db, token, times) : null;
    const session = found?.session ?? null;
    if (session) req.session = session;

    if (routeConfig.public) return;
    if (!session) throw errors.unauthenticated();
    if (unsafeMethods.has(req.method) && req.headers['x-csrf-token'] !== session.csrfToken) throw errors.csrf();
    if (session.stage !== 'active' && !routeConfig.pendingTotp) throw errors.unauthenticated();
    if (session.stage === 'active') {
      const actor = found?.actor;
      if (!actor) throw errors.unauthenticated();
      req.actor = actor;
      setActor(actor);
    }
    await touchSession(db, session);
  });
}
