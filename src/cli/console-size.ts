// `npm run size:web`: the JavaScript the console's first page loads, compressed, against its 150 KB budget.
import { FIRST_PAGE_BUDGET, firstPageScripts } from './console-build.ts';
import { runCommand } from './command-runner.ts';

await runCommand(async () => {
  const scripts = firstPageScripts();
  for (const s of scripts) process.stdout.write(`${s.file}: ${s.bytes} bytes, ${s.gzip} gzip\n`);
  const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
  process.stdout.write(`first page: ${(total / 1024).toFixed(1)} KB of JavaScript gzip (budget ${FIRST_PAGE_BUDGET / 1024} KB)\n`);
  if (total > FIRST_PAGE_BUDGET) process.exitCode = 1;
});
