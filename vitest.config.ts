import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'app/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    // Generous: the suite shares two cores with a browser and a PostgreSQL server in CI.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Outbound network in tests fails loudly: nothing here may leave the machine.
    setupFiles: ['server/test/no-network.ts'],
  },
});
