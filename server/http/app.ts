import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.ts';
import { runWithContext } from '../context.ts';
import { auditRoutes } from '../domain/audit/routes.ts';
import { authRoutes } from '../domain/auth/routes.ts';
import { beskedRoutes } from '../domain/besked/routes.ts';
import { childViewRoutes } from '../domain/child-view/routes.ts';
import { childrenRoutes } from '../domain/children/routes.ts';
import { consentRoutes } from '../domain/consent/routes.ts';
import { eventRoutes } from '../domain/events/routes.ts';
import { hubRoutes } from '../domain/hub/routes.ts';
import { meetingRoutes } from '../domain/meetings/routes.ts';
import { planRoutes } from '../domain/plans/routes.ts';
import { sharingRoutes } from '../domain/sharing/routes.ts';
import { notificationRoutes } from '../domain/notifications/routes.ts';
import { taskRoutes } from '../domain/tasks/routes.ts';
import { tenancyRoutes } from '../domain/tenancy/routes.ts';
import { jobRoutes } from '../jobs/routes.ts';
import { installAuth } from './auth-plugin.ts';
import { frameworkErrors, installErrorHandler } from './error-handler.ts';
import { installSecurity } from './security.ts';
import { installStatic } from './static.ts';
import { systemRoutes } from './system-routes.ts';
import { installTextGuard } from './text-guard.ts';

export interface AppOptions {
  logger?: boolean;
  /** Serve the built web client (off in API tests). */
  serveClient?: boolean;
}

/** Every route module, in one list: the OpenAPI document and the route tests walk it. */
const routeModules = [
  systemRoutes,
  authRoutes,
  childrenRoutes,
  hubRoutes,
  childViewRoutes,
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
];

/** Assembles the HTTP app. The request path is described in docs/ARCHITECTURE.md. */
export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: process.env.LOG_LEVEL ?? 'info' } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.trustProxy,
    genReqId: () => randomUUID(),
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

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
  installTextGuard(app);

  for (const register of routeModules) register(app, deps);
  if (opts.serveClient) await installStatic(app);
  await app.ready();
  return app;
}
