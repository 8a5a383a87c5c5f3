import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { api } from './route.ts';

export function systemRoutes(app: FastifyInstance, deps: Deps): void {
  const r = api(app);
  r.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database kind',
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }),
        },
      },
    },
    async () => {
      await deps.db.execute('select 1');
      return { status: 'ok' as const, db: deps.kind, version: deps.config.version };
    },
  );

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}
