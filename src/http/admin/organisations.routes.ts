// The platform admin's organisations: list them and add one. Organisations are never created by a campaign file.
import type { FastifyInstance } from 'fastify';
import { addOrganisation, listOrganisations, OrganisationInputSchema } from '../../domain/organisations/organisations.ts';
import { badRequest, type AdminContext } from './admin-api.routes.ts';

export function registerOrganisationRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db } = ctx.deps;

  scope.get('/organisations', { preHandler: ctx.allow('admin') }, async () => listOrganisations(db));

  scope.post('/organisations', { preHandler: ctx.allow('admin') }, async (request, reply) => {
    const input = OrganisationInputSchema.safeParse(request.body);
    if (!input.success) return badRequest(reply, input.error);
    return reply.code(201).send(await addOrganisation(db, ctx.actor(request), input.data));
  });
}
