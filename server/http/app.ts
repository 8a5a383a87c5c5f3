import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Deps } from '../deps.ts';
import { runWithContext } from '../context.ts';
import { auditRoutes } from '../domain/audit/routes.ts';
import { lockoutRoutes } from '../domain/auth/lockout-routes.ts';
import { authRoutes } from '../domain/auth/routes.ts';
import { identityRoutes } from '../domain/auth/invitations-routes.ts';
import { oidcRoutes } from '../domain/auth/oidc-routes.ts';
import { beskedRoutes } from '../domain/besked/routes.ts';
import { childViewRoutes } from '../domain/child-view/routes.ts';
import { childVoiceRoutes } from '../domain/childvoice/routes.ts';
import { childrenRoutes } from '../domain/children/routes.ts';
import { competenceRoutes } from '../domain/competence/routes.ts';
import { consentRoutes } from '../domain/consent/routes.ts';
import { eventRoutes } from '../domain/events/routes.ts';
import { hubRoutes } from '../domain/hub/routes.ts';
import { forumRoutes } from '../domain/collaboration/operational/routes.ts';
import { strategicRoutes } from '../domain/collaboration/strategic/routes.ts';
import { followupRoutes } from '../domain/followup/routes.ts';
import { meetingRoutes } from '../domain/meetings/routes.ts';
import { planRoutes } from '../domain/plans/routes.ts';
import { sharingRoutes } from '../domain/sharing/routes.ts';
import { notificationRoutes } from '../domain/notifications/routes.ts';
import { taskRoutes } from '../domain/tasks/routes.ts';
import { tenancyRoutes } from '../domain/tenancy/routes.ts';
import { jobRoutes } from '../jobs/routes.ts';
import { retentionRoutes } from '../domain/retention/routes.ts';
import { logReviewRoutes } from '../domain/logreview/routes.ts';
import { collaborationRoutes } from '../domain/collaboration/routes.ts';
import { processMapRoutes } from '../domain/processmaps/routes.ts';
import { conformanceRoutes } from '../domain/processmaps/conformance-routes.ts';
import { recordsRoutes } from '../domain/records/routes.ts';
import { installAuth } from './auth-plugin.ts';
import { installDeniedLog } from './denied-log.ts';
import { frameworkErrors, installErrorHandler } from './error-handler.ts';
import { installSecurity } from './security.ts';
import { installStatic } from './static.ts';
import { systemRoutes } from './system-routes.ts';
import { installTextGuard } from './text-guard.ts';
import { redactUrl } from './log-redact.ts';

export interface AppOptions {
  logger?: boolean;
  /** Where the log lines go (standard output when unset). */
  logStream?: { write(line: string): void };
  /** Serve the built web client (off in API tests). */
  serveClient?: boolean;
}

/** Every route module, in one list: the OpenAPI document and the route tests walk it. */
const routeModules = [
  systemRoutes,
  authRoutes,
  oidcRoutes,
  identityRoutes,
  lockoutRoutes,
  childrenRoutes,
  hubRoutes,
  childViewRoutes,
  childVoiceRoutes,
  auditRoutes,
  tenancyRoutes,
  meetingRoutes,
  beskedRoutes,
  taskRoutes,
  consentRoutes,
  sharingRoutes,
  planRoutes,
  eventRoutes,
  notificationRoutes,
  jobRoutes,
  collaborationRoutes,
  processMapRoutes,
  conformanceRoutes,
  forumRoutes,
  strategicRoutes,
  competenceRoutes,
  recordsRoutes,
  retentionRoutes,
  logReviewRoutes,
  followupRoutes,
];

/** What the log says about a request: no headers, and the URL without its secrets. */
function requestLogFields(req: FastifyRequest) {
  return { method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip };
}

/**
 * Fastify's form of the proxy setting. A hop count trusts the nearest `hops`
 * addresses (the socket's first), the way Fastify treats a number; never `true`.
 */
function trustProxyOption(trust: Config['trustProxy']): string[] | false | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  return (_address, hop) => hop < trust;
}

/** Assembles the HTTP app. The request path is described in docs/ARCHITECTURE.md. */
export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: process.env.LOG_LEVEL ?? 'info',
          serializers: { req: requestLogFields },
          ...(opts.logStream ? { stream: opts.logStream } : {}),
        }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy: trustProxyOption(deps.config.trustProxy),
    genReqId: () => randomUUID(),
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  // Fastify parses text/plain by default; the API takes JSON only, so any other type is 415.
  app.removeContentTypeParser('text/plain');

  // Every request runs inside its own context (request id, ip, later the actor).
  app.addHook('onRequest', (req, _reply, done) => {
    runWithContext({ requestId: req.id, ip: req.ip }, done);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Navet API', version: deps.config.version, description: 'The hub around an unaccompanied child.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'navet_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  installSecurity(app, deps.config);
  installAuth(app, deps.db, deps.config);
  installDeniedLog(app, deps.db);
  installTextGuard(app);

  for (const register of routeModules) register(app, deps);
  if (opts.serveClient) await installStatic(app);
  await app.ready();
  return app;
}
