// The first page on a weak connection: the JavaScript index.html loads before anything is drawn stays under
// 150 KB compressed, and the campaign form's schema code is not part of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_PAGE_BUDGET, firstPageScripts } from '../../src/cli/console-build.ts';
import { CONSOLE_DIST } from '../../src/http/console/console-static.routes.ts';

describe('the console bundle', () => {
  it('loads under 150 KB of gzip JavaScript on its first page', () => {
    const scripts = firstPageScripts();
    const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
    console.log(`console: first page loads ${scripts.length} script(s), ${(total / 1024).toFixed(1)} KB gzip (${scripts.map((s) => `${s.file} ${s.gzip} B`).join(', ')})`);
    expect(scripts.length).toBeGreaterThan(0);
    expect(total).toBeLessThan(FIRST_PAGE_BUDGET);
  });

  it('keeps zod and the campaign schema out of the first page: they come with the form', () => {
    const first = firstPageScripts().map((s) => readFileSync(join(CONSOLE_DIST, s.file), 'utf8')).join('\n');
    expect(first).not.toContain('a campaign offers at least one service');
    expect(first).toContain('Connexion');
  });
});
