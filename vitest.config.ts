import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'app/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    // Generous: the suite shares two cores with a browser and a PostgreSQL server in CI.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A worker runs its files one after another in one process instead of a fresh one per file: loading the
    // server's modules and compiling the embedded database once per worker, not per file, more than halves the
    // suite's CPU time. Safe because files share no state through modules: each builds its own app, tenant and
    // database; module-level maps are registries or caches keyed by their input; a test that changes the
    // environment or spies on a module restores it.
    isolate: false,
    // Vitest's default in a run is one core less than the machine has: one worker on a 2-core CI machine, with
    // the other core idle while a test waits on its database. Files are independent (each builds its own
    // tenant; embedded files own their database copy), so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
    // Outbound network in tests fails loudly: nothing here may leave the machine.
    setupFiles: ['server/test/no-network.ts'],
  },
});
