// Fails when the JavaScript a first visit must load outgrows its budget. Run after `vite build`
// (npm run test:e2e does): reads the build's manifest, follows the entry's static imports (what
// the browser fetches before anything shows; pages and their libraries load later, on demand)
// and gzips each file as the server sends it.
import console from 'node:console';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import zlib from 'node:zlib';
import { appDist } from './client-build.mjs';

// The request-path issue asks for 180 KB. Texts of areas beyond the everyday pages load with their pages
// (app/i18nAreas.ts), so new areas do not grow the first load.
const BUDGET_KB = 180;

const manifestFile = path.join(appDist, '.vite/manifest.json');
if (!fs.existsSync(manifestFile)) {
  console.error(`No build manifest at ${manifestFile}: run vite build first.`);
  process.exit(2);
}
/** @type {Record<string, { file: string, isEntry?: boolean, imports?: string[] }>} */
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));

const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
const initial = new Set();
const visit = (/** @type {string} */ key) => {
  if (initial.has(key)) return;
  initial.add(key);
  for (const next of manifest[key]?.imports ?? []) visit(next);
};
entries.forEach(visit);

let total = 0;
const lines = [];
for (const key of initial) {
  const file = manifest[key]?.file;
  if (!file?.endsWith('.js')) continue;
  const size = zlib.gzipSync(fs.readFileSync(path.join(appDist, file)), { level: 9 }).length;
  total += size;
  lines.push(`  ${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
const kb = (total / 1024).toFixed(1);
console.log(
  `Initial JavaScript (entry and its static imports), gzip:\n${lines.join('\n')}\n  ${kb.padStart(7)} KB  in all; budget ${BUDGET_KB} KB`,
);
if (total > BUDGET_KB * 1024) {
  console.error(
    `The first load is ${kb} KB, over its budget of ${BUDGET_KB} KB: load the new code on demand (see app/router.tsx).`,
  );
  process.exit(1);
}
