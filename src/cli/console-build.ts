// Building the web console when it is missing or older than its sources, and weighing what its first page loads.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CONSOLE_DIST } from '../http/console/console-static.routes.ts';

/** The promise for a weak connection: the first page under 150 KB of JavaScript, compressed. */
export const FIRST_PAGE_BUDGET = 150 * 1024;

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** What the bundle is built from: the console's own code and the shared schemas it imports from src/. */
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/domain', 'src/http/console'];

function newestChange(path: string): number {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

export function consoleBuildState(dist = CONSOLE_DIST): 'missing' | 'stale' | 'fresh' {
  const built = statSync(join(dist, 'index.html'), { throwIfNoEntry: false });
  if (!built) return 'missing';
  const newest = Math.max(...SOURCES.map((s) => newestChange(resolve(REPO, s))));
  return newest > built.mtimeMs ? 'stale' : 'fresh';
}

/** Runs `vite build`; throws with vite's own output when it fails. */
export function buildConsole(): void {
  const result = spawnSync(process.execPath, [resolve(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: REPO,
    encoding: 'utf8',
    // A test run sets NODE_ENV=test, which vite would keep: the bundle is always the production one.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`npm run build:web failed:\n${result.stdout}\n${result.stderr}`);
}

/** The scripts index.html loads before the first page is drawn, each with its gzip size in bytes. */
export function firstPageScripts(dist = CONSOLE_DIST): Array<{ file: string; bytes: number; gzip: number }> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/console\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return [...new Set(files)].map((file) => {
    const content = readFileSync(join(dist, file));
    return { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
  });
}
