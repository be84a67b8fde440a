// `npm run test:alone [-- FILTER]`: runs every test by itself (`vitest run FILE -t NAME`), to prove
// that none depends on another having run first. Prints the failures, then one JSON line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const ListedSchema = z.array(z.object({ name: z.string(), file: z.string() }));
const filter = process.argv[2] ?? '';
const vitest = path.resolve('node_modules/.bin/vitest');

const listFile = path.join(mkdtempSync(path.join(tmpdir(), 'qafila-alone-')), 'tests.json');
const listed = spawnSync(vitest, ['list', `--json=${listFile}`], { stdio: ['ignore', 'ignore', 'inherit'] });
if (listed.status !== 0) throw new Error(`vitest list failed with code ${listed.status}`);
const tests = ListedSchema.parse(JSON.parse(readFileSync(listFile, 'utf8'))).filter((t) => t.file.includes(filter) || t.name.includes(filter));

/** vitest matches -t against the names joined by spaces, as a regular expression. */
const exactly = (name: string) => `^${name.replaceAll(' > ', ' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

const started = performance.now();
const failed: string[] = [];
for (const [i, test] of tests.entries()) {
  const file = path.relative(process.cwd(), test.file);
  const run = spawnSync(vitest, ['run', file, '-t', exactly(test.name)], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  const passed = run.status === 0 && /Tests {2}1 passed/.test(run.stdout);
  process.stdout.write(`${passed ? 'ok  ' : 'FAIL'} ${i + 1}/${tests.length} ${file} > ${test.name}\n`);
  if (!passed) {
    failed.push(`${file} > ${test.name}`);
    process.stdout.write(`${run.stdout.split('\n').filter((l) => /×|Error|expected/.test(l)).slice(0, 8).join('\n')}\n`);
  }
}
for (const f of failed) process.stdout.write(`failed alone: ${f}\n`);
process.stdout.write(`${JSON.stringify({ tests: tests.length, failed: failed.length, seconds: Math.round((performance.now() - started) / 1000) })}\n`);
process.exitCode = failed.length === 0 ? 0 : 1;
