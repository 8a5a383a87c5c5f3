import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The web client lives in app/ and builds to dist/app, which the server serves
 * (server/http/static.ts). In development, `vite` proxies /api to a server on :3000
 * so cookies stay same-origin, as they are in production.
 */
export default defineConfig({
  root: path.join(here, 'app'),
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist/app'),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      output: {
        // Libraries change less often than the app: separate files stay cached across releases.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          if (
            /node_modules\/(react-aria|react-aria-components|react-stately|@react-aria|@react-stately|@react-types|@internationalized|@swc)\//.test(
              id,
            )
          )
            return 'react-aria';
          return 'vendor';
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
