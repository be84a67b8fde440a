// The organisation's broadcasts: create (its audience limited to people who dealt with it), list, follow, cancel.
import type { FastifyInstance } from 'fastify';
import { PageQuerySchema } from '../../domain/pagination.ts';
import { BroadcastInputSchema, broadcastProgress, cancelBroadcast, createBroadcast, listBroadcasts } from '../../scheduling/broadcasts.ts';
import { badRequest, IdParams, type AdminContext } from './admin-api.routes.ts';

export function registerBroadcastRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db, clock, timeZone } = ctx.deps;

  scope.post('/broadcasts', { preHandler: ctx.allow('coordinator') }, async (request, reply) => {
    const input = BroadcastInputSchema.safeParse(request.body);
    if (!input.success) return badRequest(reply, input.error);
    const created = await createBroadcast(db, ctx.actor(request), ctx.organisationId(request), input.data, clock.now(), timeZone);
    await ctx.deps.broadcastPages?.next(created.id, 0, created.scheduledAt, clock.now());
    return reply.code(201).send(created);
  });

  scope.get('/broadcasts', { preHandler: ctx.allow('coordinator') }, async (request, reply) => {
    const page = PageQuerySchema.safeParse(request.query);
    if (!page.success) return badRequest(reply, page.error);
    return listBroadcasts(db, ctx.organisationId(request), page.data);
  });

  scope.get('/broadcasts/:id', { preHandler: ctx.allow('coordinator') }, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    return (await broadcastProgress(db, ctx.organisationId(request), params.data.id)) ?? reply.code(404).send({ error: `no broadcast ${params.data.id}` });
  });

  scope.post('/broadcasts/:id/cancel', { preHandler: ctx.allow('coordinator') }, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    const organisationId = ctx.organisationId(request);
    const cancelled = await cancelBroadcast(db, ctx.actor(request), organisationId, params.data.id);
    return cancelled ? broadcastProgress(db, organisationId, params.data.id) : reply.code(404).send({ error: `no broadcast ${params.data.id} to cancel` });
  });
}
