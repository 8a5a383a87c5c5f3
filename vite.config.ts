import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { buildStamp, precompress } from './scripts/client-build.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The web client lives in app/ and builds to dist/app, which the server serves
 * (server/http/static.ts). In development, `vite` proxies /api to a server on :3000
 * so cookies stay same-origin, as they are in production.
 *
 * The build writes no source maps (production must not hand out the source), writes a
 * gzip and a brotli copy beside every compressible file (the server picks one by
 * Accept-Encoding), a manifest (scripts/check-bundle.mjs measures the first load from it)
 * and a stamp of the client's sources (`npm start` rebuilds only when they changed).
 */
export default defineConfig({
  root: path.join(here, 'app'),
  plugins: [react(), precompress(), buildStamp()],
  build: {
    outDir: path.join(here, 'dist/app'),
    emptyOutDir: true,
    sourcemap: false,
    minify: 'terser',
    manifest: true,
    // Every browser Navet supports has module preload; the polyfill would only add to the first load.
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        // React changes less often than the app: its own file stays cached across releases.
        // Other libraries go where the pages that use them go, so a page's library loads with it.
        manualChunks(id) {
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
    // app/ imports common/ (shared schemas and translations) from one level up.
    fs: { allow: [here] },
  },
});
