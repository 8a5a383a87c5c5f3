import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { errors } from '../errors.ts';
import { isApiRequest } from './auth-plugin.ts';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Security headers on every response, and a same-origin check on every write:
 * a browser always sends Origin on cross-site writes, so a foreign Origin is
 * refused before any handler runs. The per-session CSRF token is checked in
 * the auth plugin, where the session is known.
 */
export function installSecurity(app: FastifyInstance, config: Config): void {
  const https = config.publicUrl.startsWith('https://');
  const publicOrigin = new URL(config.publicUrl).origin;

  app.addHook('onRequest', async (req) => {
    if (!unsafeMethods.has(req.method)) return;
    const origin = req.headers.origin;
    if (!origin) return;
    const host = req.headers.host;
    const allowed =
      origin === publicOrigin || (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`));
    if (!allowed) throw errors.csrf();
  });

  app.addHook('onSend', async (req, reply, payload) => {
    reply.header(
      'content-security-policy',
      [
        "default-src 'self'",
        "script-src 'self'",
        // React Aria positions overlays with inline style attributes; scripts stay strict.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    if (https) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (isApiRequest(req)) reply.header('cache-control', 'no-store');
    return payload;
  });
}
