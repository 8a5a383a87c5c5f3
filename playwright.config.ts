import { defineConfig, devices } from '@playwright/test';

// Another port for parallel runs on one machine: NAVET_E2E_PORT=3299 npx playwright test
const port = Number(process.env.NAVET_E2E_PORT ?? 3199);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Browser tests drive the built client (dist/app, from `vite build`) served by
 * the real server on a fresh demo database, in Debian's Chromium: no browser
 * is ever downloaded. One worker: the tests share that server and its data.
 */
export default defineConfig({
  testDir: 'e2e',
  // Its own folder per run when several runs share one checkout: NAVET_E2E_OUTPUT=test-results/mine
  outputDir: process.env.NAVET_E2E_OUTPUT ?? 'test-results',
  fullyParallel: false,
  workers: 1,
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
  webServer: {
    // exec: the launcher is Playwright's own child, so it can tell when Playwright is gone.
    command: 'exec node e2e/server.mjs',
    url: `${baseURL}/api/health`,
    env: { PORT: String(port) },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
