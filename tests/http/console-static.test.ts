// The built console at /console/: its files, index.html for the console's own paths (a reload keeps the
// page), never for /console/api/*, and a clear answer when it has not been built.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerConsoleStatic } from '../../src/http/console/console-static.routes.ts';

function builtConsole(): string {
  const root = mkdtempSync(join(tmpdir(), 'qafila-console-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  return root;
}

describe('the console files at /console/', () => {
  const app = Fastify();
  registerConsoleStatic(app, { root: builtConsole() });

  it('answers index.html for the console\'s own paths, asked again every time', async () => {
    for (const url of ['/console/', '/console/campaigns', '/console/campaigns/12', '/console/set-password']) {
      const answer = await app.inject({ url });
      expect(answer.statusCode).toBe(200);
      expect(answer.body).toContain('<title>console</title>');
      expect(answer.headers['cache-control']).toBe('no-cache');
    }
    expect((await app.inject({ url: '/console' })).headers.location).toBe('/console/');
  });

  it('serves a hashed asset cached for a year', async () => {
    const answer = await app.inject({ url: '/console/assets/index-abc123.js' });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toBe('console.log(1)');
    expect(answer.headers['cache-control']).toContain('immutable');
  });

  it('never answers the page for an API path, nor a file outside the build', async () => {
    const api = await app.inject({ url: '/console/api/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: 'not_found' });
    const escape = await app.inject({ url: '/console/..%2f..%2fpackage.json' });
    expect(escape.body).not.toContain('"name"');
  });

  it('says how to build the console when it is missing', async () => {
    const bare = Fastify();
    registerConsoleStatic(bare, { root: mkdtempSync(join(tmpdir(), 'qafila-empty-')) });
    const answer = await bare.inject({ url: '/console/campaigns' });
    expect(answer.statusCode).toBe(503);
    expect(answer.body).toContain('npm run build:web');
  });
});
