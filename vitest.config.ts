import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Files run in parallel; each isolates its data in its own Postgres database and Redis prefix.
    pool: 'forks',
    globalSetup: ['tests/support/global-setup.ts', 'tests/support/console-build.global.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
