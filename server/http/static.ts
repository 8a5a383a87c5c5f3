import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const appDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/app');

/**
 * Serves the built web client, and index.html for any other GET outside /api,
 * so client-side routes survive a reload. Without a build, it says how to make one.
 */
export async function installStatic(app: FastifyInstance): Promise<void> {
  const hasBuild = fs.existsSync(path.join(appDist, 'index.html'));
  if (hasBuild) await app.register(fastifyStatic, { root: appDist, wildcard: false, index: false });
  app.get('/*', { schema: { hide: true }, config: { public: true } }, async (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    if (!hasBuild) return reply.type('text/plain').status(503).send('The web client is not built. Run: npm run build');
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
