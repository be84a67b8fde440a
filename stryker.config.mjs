// Mutation testing of the pure modules: `npm run test:mutation`. Not part of `npm test` nor of CI.
// Stryker 9 (10 needs Node 22; the project runs on Node 20).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // Each mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  mutate: [
    'src/understanding/*.ts',
    // The line protocol of `npm run nlu` parses JSON from stdin: I/O glue, tested by spawning the command.
    '!src/understanding/nlu-line.ts',
    // src/understanding/lexicons/*.json are data: Stryker mutates code, not JSON; the corpus tests guard them.
    'src/scheduling/reminder-times.ts',
    'src/scheduling/quiet-hours.ts',
    'src/domain/donors/donor-eligibility.ts',
    'src/domain/donors/next-eligible.ts',
    'src/domain/donors/donor-rules.ts',
    // Left out: donations.ts and organisation-rules.ts read and write Postgres.
    'src/conversation/answers.ts',
    'src/channels/render.ts',
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false },
  // Two cores, shared with whoever runs the full suite: never more than 2 workers.
  concurrency: 2,
  timeoutMS: 10_000,
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 80, break: null },
};
