// Test files for the mutation run (`npm run test:mutation`): only the fast tests of the pure modules
// (understanding, reminder times and quiet hours, donor eligibility, answers, render). No database,
// no Redis, no spawned process, so each mutant is judged in well under a second.
import type { RunnerTestCase, RunnerTestFile } from 'vitest';
import { defineConfig } from 'vitest/config';
import type { Reporter } from 'vitest/reporters';

/**
 * Stryker's vitest runner builds a mutant's result from the tests it collected. A test file that
 * cannot be imported collects none, so a mutant that stops a module from loading (a shipped lexicon
 * or the default donor rules no longer parse) would count as survived (stryker-js issue 6150). This
 * gives such a file one failed test carrying its load error; a file that loaded is left as it is.
 */
const unloadableFileAsFailedTest: Reporter = {
  onFinished(files: RunnerTestFile[] = []) {
    for (const file of files) {
      if (file.result?.state !== 'fail' || file.tasks.length > 0) continue;
      const loading = { type: 'test', id: `${file.id}_load`, name: 'loads', mode: 'run', meta: {}, file, suite: file, timeout: 0, annotations: [], result: { state: 'fail', errors: file.result.errors } };
      // vitest types a test with a context only it can build; nothing reads it once the run is over.
      file.tasks.push(loading as unknown as RunnerTestCase);
    }
  },
};

export default defineConfig({
  test: {
    include: [
      'tests/understanding/*.test.ts',
      'tests/scheduling/reminder-times.test.ts',
      'tests/scheduling/quiet-hours.test.ts',
      'tests/domain/donors/donor-eligibility.test.ts',
      'tests/domain/donors/donor-rules.test.ts',
      'tests/domain/donors/next-eligible.test.ts',
      'tests/conversation/answers.test.ts',
      'tests/channels/render.test.ts',
    ],
    exclude: [
      // 10,000 random strings (~26 s) for every mutant it covers; `npm test` still runs it.
      'tests/understanding/never-throws.property.test.ts',
      // Spawns `npm run nlu`: a process per run, and it tests the line protocol, which is not mutated.
      'tests/understanding/nlu-command.test.ts',
    ],
    testTimeout: 10_000,
    reporters: ['default', unloadableFileAsFailedTest],
  },
});
