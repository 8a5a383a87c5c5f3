// `npm start`'s first step: builds the web client only when dist/app is missing or was built
// from other sources than the ones here (the stamp vite.config.ts writes), so a restart serves at
// once instead of spending most of its time rebuilding the same client.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import path from 'node:path';
import process from 'node:process';
import { buildIsCurrent, root } from './client-build.mjs';

if (buildIsCurrent()) {
  console.log('The web client is built and current (dist/app).');
} else {
  console.log('Building the web client (its sources changed, or it was never built) …');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
