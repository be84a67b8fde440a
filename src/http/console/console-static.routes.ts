// The web console's built files (web/dist) at /console/: hashed assets cached for a year, every other
// /console/* path answered with index.html so the console's own router draws the page (a reload on
// /console/campaigns works). /console/api/* is never the page: an unknown API path is a JSON 404.
import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build:web` writes the console. */
export const CONSOLE_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export interface ConsoleStaticDeps {
  /** The built console's folder; CONSOLE_DIST unless a test builds elsewhere. */
  root: string;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export function registerConsoleStatic(app: FastifyInstance, deps: ConsoleStaticDeps): void {
  const root = resolve(deps.root);
  // cacheControl off: the routes below set it, per file kind.
  void app.register(fastifyStatic, { root, serve: false, cacheControl: false });

  const page = async (reply: FastifyReply) => {
    if (!(await isFile(resolve(root, 'index.html')))) {
      return reply.code(503).type('text/plain; charset=utf-8').send('The console is not built: run npm run build:web, then reload.');
    }
    // The page names the current asset hashes: always asked again, never stale after a deploy.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };

  app.get('/console', async (_request, reply) => reply.redirect('/console/'));
  app.get('/console/*', async (request, reply) => {
    const rest = (request.params as { '*'?: string })['*'] ?? '';
    if (rest === 'api' || rest.startsWith('api/')) return reply.code(404).send({ error: 'not_found' });
    const path = resolve(root, rest);
    if (rest !== '' && path.startsWith(root + sep) && (await isFile(path))) {
      // Vite names assets by their content's hash: a changed file has a new name.
      if (rest.startsWith('assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      // The service worker names the current files: asked again every time, as the page is.
      if (rest === 'sw.js') reply.header('cache-control', 'no-cache');
      return reply.sendFile(rest);
    }
    return page(reply);
  });
}
