import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Files run in parallel; each isolates its data in its own Postgres database and Redis prefix.
    pool: 'forks',
    // Vitest's default is one fewer than the cores: one file at a time on a 2-core machine, while most
    // files wait on Postgres, Redis, timers or Chromium. Three at once use the machine better.
    maxWorkers: 3,
    minWorkers: 1,
    globalSetup: ['tests/support/global-setup.ts', 'tests/support/console-build.global.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
