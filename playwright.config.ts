import { defineConfig, devices } from '@playwright/test';
import { e2eWorkers, serverURL } from './e2e/server-url.ts';

// This worker's own server (in the runner: the first one's); see e2e/server-url.ts.
const baseURL = serverURL();

/**
 * Browser tests drive the built client (dist/app, from `vite build`) served by
 * the real server on a fresh demo database, in Debian's Chromium: no browser
 * is ever downloaded. Two workers, each with a server and demo database of its
 * own (e2e/server-url.ts): the tests of one worker share its server's data, one
 * file after another, as they did when there was one worker; a file never
 * depends on another having run before it.
 */
export default defineConfig({
  testDir: 'e2e',
  // Its own folder per run when several runs share one checkout: NAVET_E2E_OUTPUT=test-results/mine
  outputDir: process.env.NAVET_E2E_OUTPUT ?? 'test-results',
  fullyParallel: false,
  workers: e2eWorkers,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Generous: the machine running them may be busy with other work.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // The child page's height is measured on the demo data as seeded (e2e/everyday.spec.ts only reads), before
  // other tests add questions, messages and history to the same child: a guard that does not depend on the order.
  projects: [
    { name: 'seeded', testMatch: /everyday\.spec\.ts$/, use: { ...devices['Desktop Chrome'], headless: true } },
    {
      name: 'chromium',
      testIgnore: /everyday\.spec\.ts$/,
      dependencies: ['seeded'],
      use: { ...devices['Desktop Chrome'], headless: true },
    },
  ],
  // One server per worker, each on a fresh temporary data folder.
  webServer: Array.from({ length: e2eWorkers }, (_, index) => ({
    // exec: the launcher is Playwright's own child, so it can tell when Playwright is gone.
    command: 'exec node e2e/server.mjs',
    url: `${serverURL(index)}/api/health`,
    env: { PORT: new URL(serverURL(index)).port },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
  })),
});
