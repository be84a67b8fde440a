// Handoff tickets: the organisation's open ones and closing them; for the platform admin, the tickets
// no organisation could be found for, and routing one to an organisation (its reason and time only).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { closeTicket, listOpenTickets, routeTicket } from '../../domain/handoff/handoff-tickets.ts';
import { organisationBySlug } from '../../domain/organisations/organisations.ts';
import { PageQuerySchema } from '../../domain/pagination.ts';
import { badRequest, IdParams, type AdminContext } from './admin-api.routes.ts';

const RouteBody = z.object({ organisation: z.string().min(1) });

export function registerTicketRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db } = ctx.deps;

  scope.get('/tickets', { preHandler: ctx.allow('coordinator', 'medical') }, async (request, reply) => {
    const page = PageQuerySchema.safeParse(request.query);
    if (!page.success) return badRequest(reply, page.error);
    return listOpenTickets(db, ctx.organisationId(request), page.data);
  });

  scope.post('/tickets/:id/close', { preHandler: ctx.allow('coordinator') }, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    const closed = await db.transaction().execute((trx) => closeTicket(trx, ctx.actor(request), ctx.organisationId(request), params.data.id));
    return closed ? { closed: true } : reply.code(404).send({ error: `no open ticket ${params.data.id}` });
  });

  scope.get('/unrouted-tickets', { preHandler: ctx.allow('admin') }, async (request, reply) => {
    const page = PageQuerySchema.safeParse(request.query);
    if (!page.success) return badRequest(reply, page.error);
    return listOpenTickets(db, null, page.data);
  });

  scope.post('/unrouted-tickets/:id/route', { preHandler: ctx.allow('admin') }, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    const body = RouteBody.safeParse(request.body);
    if (!body.success) return badRequest(reply, body.error);
    const organisation = await organisationBySlug(db, body.data.organisation);
    if (!organisation) return reply.code(404).send({ error: `no organisation ${body.data.organisation}` });
    const routed = await db.transaction().execute((trx) => routeTicket(trx, ctx.actor(request), params.data.id, organisation.id));
    return routed ? { routed: true, organisation: organisation.slug } : reply.code(404).send({ error: `no open ticket ${params.data.id} waiting for an organisation` });
  });
}
