// How every server of ours answers what it cannot serve: a missing route without logging its query
// string, and a failure of ours as "internal" with the id to find it in the log.
import type { FastifyInstance } from 'fastify';

export function answerFailures(app: FastifyInstance): void {
  // Fastify's own not-found line would log the whole URL, query string (and any token in it) included.
  app.setNotFoundHandler((request, reply) => {
    request.log.info({ path: request.url.split('?')[0] }, 'no such route');
    return reply.code(404).send({ error: `no such route: ${request.method} ${request.url.split('?')[0]}` });
  });
  // A failure of ours says so and gives the id to find it in the log; it never shows a database's words.
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status < 500) return reply.code(status).send({ error: error.message });
    request.log.error({ err: error, requestId: request.id }, 'request failed');
    return reply.code(500).send({ error: 'internal', requestId: request.id });
  });
}
