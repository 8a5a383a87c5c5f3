import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const appDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/app');

/**
 * Serves the built web client (`vite build`, see vite.config.ts):
 * - `/assets/*`: hashed files, cached for good, each sent as the `.br` or `.gz` copy the build wrote
 *   when the browser accepts it (`Vary: Accept-Encoding`), so no request spends CPU on compression;
 * - any other GET outside /api: index.html, revalidated on every load (`no-cache`), so a new release
 *   reaches the browser at once and client-side routes survive a reload;
 * - no source maps: the build writes none, and a `.map` request is 404 even if one were there;
 * - an unknown `/assets/` file is 404 too, not index.html (a stale tab then reloads, see app/lazyRoute.tsx).
 * Without a build, it says how to make one.
 */
export async function installStatic(app: FastifyInstance, root: string = appDist): Promise<void> {
  const hasBuild = fs.existsSync(path.join(root, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: path.join(root, 'assets'),
      prefix: '/assets/',
      decorateReply: true,
      preCompressed: true,
      cacheControl: true,
      // A year (the longest caches keep anything): a hashed file's content never changes under its name.
      maxAge: 31_536_000_000,
      immutable: true,
      dotfiles: 'ignore',
      index: false,
      allowedPath: (pathname) => !isSourceMap(pathname),
      setHeaders: (res) => {
        res.setHeader('vary', 'Accept-Encoding');
      },
    });
  }
  app.get('/*', { schema: { hide: true }, config: { public: true } }, async (req, reply) => {
    const pathname = req.url.split('?')[0] ?? '';
    if (pathname.startsWith('/api/') || pathname.startsWith('/assets/') || isSourceMap(pathname)) {
      return reply.callNotFound();
    }
    if (!hasBuild) return reply.type('text/plain').status(503).send('The web client is not built. Run: npm run build');
    return reply
      .type('text/html')
      .header('cache-control', 'no-cache')
      .sendFile('index.html', root, { cacheControl: false });
  });
}

function isSourceMap(pathname: string): boolean {
  return pathname.endsWith('.map');
}
