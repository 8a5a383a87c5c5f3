// The production build of the web client, as the rest of the tooling sees it: which sources it
// is made from (and the stamp that says a build is current), and the compressed copies the
// server sends. Plain JavaScript: `npm start` runs it with node before any TypeScript loader.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const appDist = path.join(root, 'dist/app');
/** Outside dist/app on purpose: the server never serves it, and a failed build leaves none. */
export const stampFile = path.join(root, 'dist/client-build.json');

/** What the client is built from: its code, the shared code it imports, the build's own config and the locked deps. */
const sourceDirs = ['app', 'common'];
const sourceFiles = ['vite.config.ts', 'package-lock.json', 'scripts/client-build.mjs'];
const notSource = /\.test\.tsx?$|(^|\/)README\.md$/;

/** A digest of every client source file (path and content), in a stable order. */
export function clientSourcesHash() {
  const files = [...sourceFiles];
  for (const dir of sourceDirs) {
    for (const entry of fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const rel = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      if (!notSource.test(rel)) files.push(rel);
    }
  }
  const hash = createHash('sha256');
  for (const rel of files.sort()) {
    hash.update(rel).update('\0');
    if (fs.existsSync(path.join(root, rel))) hash.update(fs.readFileSync(path.join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Whether dist/app was built from the sources as they are now. */
export function buildIsCurrent() {
  if (!fs.existsSync(path.join(appDist, 'index.html'))) return false;
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    return stamp.sources === clientSourcesHash();
  } catch {
    return false;
  }
}

/**
 * Vite plugin: notes the sources' digest when the build starts and writes it when the build
 * has finished, so a stamp always describes a complete build of exactly those sources.
 * @returns {import('vite').Plugin}
 */
export function buildStamp() {
  let sources = '';
  return {
    name: 'navet-build-stamp',
    apply: 'build',
    buildStart() {
      fs.rmSync(stampFile, { force: true });
      sources = clientSourcesHash();
    },
    closeBundle() {
      fs.mkdirSync(path.dirname(stampFile), { recursive: true });
      fs.writeFileSync(stampFile, `${JSON.stringify({ sources, builtAt: new Date().toISOString() })}\n`);
    },
  };
}

const compressible = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * Vite plugin: beside every compressible file of at least 1 KB writes `.gz` (level 9) and `.br`
 * (quality 11). Done once here, so the server never compresses a request's answer.
 * @returns {import('vite').Plugin}
 */
export function precompress() {
  let outDir = '';
  return {
    name: 'navet-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle() {
      const files = fs
        .readdirSync(outDir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && compressible.test(e.name))
        .map((e) => path.join(e.parentPath, e.name));
      await Promise.all(
        files.map(async (file) => {
          const data = fs.readFileSync(file);
          if (data.length < 1024) return;
          const params = {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          };
          fs.writeFileSync(`${file}.gz`, await gzip(data, { level: 9 }));
          fs.writeFileSync(`${file}.br`, await brotli(data, { params }));
        }),
      );
    },
  };
}
