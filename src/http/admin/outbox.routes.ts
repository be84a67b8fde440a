// Messages a crash left undecided (the provider may or may not have delivered them): the organisation's
// for its coordinators; replies in the chat belong to no organisation, so the platform admin checks those.
import type { FastifyInstance } from 'fastify';
import { DOUBTFUL_AFTER_MS, doubtfulOutbox } from '../../delivery/outbox.ts';
import type { AdminContext } from './admin-api.routes.ts';

export function registerOutboxRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db } = ctx.deps;
  scope.get('/outbox/doubtful', { preHandler: ctx.allow('coordinator') }, async (request) => doubtfulOutbox(db, ctx.organisationId(request), DOUBTFUL_AFTER_MS));
  scope.get('/outbox/doubtful/replies', { preHandler: ctx.allow('admin') }, async () => doubtfulOutbox(db, null, DOUBTFUL_AFTER_MS));
}
