// The platform admin's routes: organisations, and tickets no organisation could be found for. The
// platform admin reads no organisation's health data: a ticket shows its reason and time, not its words.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listOpenTickets, routeTicket } from '../../domain/handoff/handoff-tickets.ts';
import { addOrganisation, listOrganisations, OrganisationInputSchema, organisationBySlug } from '../../domain/organisations/organisations.ts';
import { PageQuerySchema } from '../../domain/pagination.ts';
import { DOUBTFUL_AFTER_MS, doubtfulOutbox } from '../../delivery/outbox.ts';
import { badRequest, IdParams, type AdminContext } from './admin-api.routes.ts';

const RouteBody = z.object({ organisation: z.string().min(1) });

export function registerPlatformRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db } = ctx.deps;

  scope.get('/organisations', { preHandler: ctx.allow('admin') }, async () => listOrganisations(db));

  scope.post('/organisations', { preHandler: ctx.allow('admin') }, async (request, reply) => {
    const input = OrganisationInputSchema.safeParse(request.body);
    if (!input.success) return badRequest(reply, input.error);
    return reply.code(201).send(await addOrganisation(db, ctx.actor(request), input.data));
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

  // Replies in the chat belong to no organisation: the platform admin checks those a crash left in doubt.
  scope.get('/outbox/doubtful/replies', { preHandler: ctx.allow('admin') }, async () => doubtfulOutbox(db, null, DOUBTFUL_AFTER_MS));
}
