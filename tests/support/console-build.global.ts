// Once per `vitest run`: the browser tests of the console need web/dist; build it when missing or older
// than its sources (about 5 s), so a test never runs against a stale bundle.
import { buildConsole, consoleBuildState } from '../../src/cli/console-build.ts';

export function setup(): void {
  if (consoleBuildState() !== 'fresh') buildConsole();
}
