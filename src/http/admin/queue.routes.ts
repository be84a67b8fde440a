// Each service's queue at the venue (roles coordinator and medical): who was checked in for a day and
// service, in call order, and the "seen" mark. "Operated" is POST /appointments/:id/procedure-done.
import type { FastifyInstance } from 'fastify';
import { inTransaction } from '../../db/transaction.ts';
import { markSeen, serviceQueue } from '../../domain/venue/index.ts';
import { QueueQuerySchema, SeenSchema, ServiceQueueSchema } from '../console/queue.schemas.ts';
import { IdParams, type AdminContext } from './admin-api.routes.ts';
import { shaped } from './route-shape.ts';

export function registerQueueRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db, clock } = ctx.deps;
  const service = ctx.allow('coordinator', 'medical');

  scope.get(
    '/campaigns/:id/queue',
    { preHandler: service },
    shaped({ params: IdParams, query: QueueQuerySchema, answer: ServiceQueueSchema, notFound: ({ params }) => `no campaign ${params.id}` }, ({ params, query }, request) =>
      serviceQueue(db, ctx.organisationId(request), params.id, query.day, query.service),
    ),
  );

  // Sent again (a double tap, a retry), it answers the first mark.
  scope.post(
    '/appointments/:id/seen',
    { preHandler: service },
    shaped({ params: IdParams, answer: SeenSchema, notFound: ({ params }) => `no checked-in appointment ${params.id}` }, ({ params }, request) =>
      inTransaction(db, (trx) => markSeen(trx, ctx.actor(request), ctx.organisationId(request), params.id, clock.now())),
    ),
  );
}
