import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ResolvedConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../scripts/client-build.mjs';
import { installStatic } from './static.ts';

// A built client in miniature, compressed by the build's own plugin, with a stray source map.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'navet-static-'));
const script = `export const greeting = ${JSON.stringify('hej '.repeat(2000))};\n`;
let app: FastifyInstance;

beforeAll(async () => {
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), `<!doctype html><title>Navet</title>${'<!-- -->'.repeat(200)}`);
  fs.writeFileSync(path.join(root, 'assets/index-Ab12Cd34.js'), script);
  fs.writeFileSync(path.join(root, 'assets/index-Ab12Cd34.js.map'), '{"sources":["../../app/main.tsx"]}');
  const plugin = precompress();
  type Hook = (this: unknown, ...args: unknown[]) => unknown;
  (plugin.configResolved as Hook).call(null, { build: { outDir: root } } as ResolvedConfig);
  await (plugin.writeBundle as Hook).call(null);
  app = Fastify();
  await installStatic(app, root);
  await app.ready();
});

afterAll(async () => {
  await app.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const asset = '/assets/index-Ab12Cd34.js';

describe('the built client', () => {
  it('sends a hashed file as brotli when the browser takes it, cached for good', async () => {
    const res = await app.inject({ url: asset, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(script);
    expect(res.rawPayload.length).toBeLessThan(script.length / 10);
  });

  it('sends gzip to a browser without brotli, and the file itself to one without either', async () => {
    const gz = await app.inject({ url: asset, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ url: asset, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers index.html for client routes, revalidated on every load', async () => {
    for (const url of ['/', '/children/3f2a/edit', '/login?from=%2Ftasks']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toContain('<title>Navet</title>');
    }
  });

  it('never hands out a source map, even one left in the folder', async () => {
    for (const url of [`${asset}.map`, '/main.tsx.map', '/assets/../assets/index-Ab12Cd34.js.map']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('sources');
    }
  });

  it('answers 404 for an unknown asset or API path instead of index.html', async () => {
    for (const url of ['/assets/index-OldHash1.js', '/api/nothing-here', '/assets/.vite/manifest.json']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('<title>Navet</title>');
    }
  });
});
