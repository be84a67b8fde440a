// Before `npm start`: builds the web console when web/dist is missing, so /console/ is there on the first run.
import { buildConsole, consoleBuildState } from './console-build.ts';
import { runCommand } from './command-runner.ts';

await runCommand(async () => {
  if (consoleBuildState() !== 'missing') return;
  process.stdout.write('Building the web console (web/dist)…\n');
  buildConsole();
});
