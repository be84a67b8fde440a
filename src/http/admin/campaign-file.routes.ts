// A campaign as its campaign file: the console's form opens it to edit the campaign and imports it back.
import type { FastifyInstance } from 'fastify';
import { campaignFileOf } from '../../domain/campaigns/campaign-export.ts';
import { badRequest, IdParams, type AdminContext } from './admin-api.routes.ts';

export function registerCampaignFileRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  scope.get('/campaigns/:id/file', { preHandler: ctx.allow('coordinator') }, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    const file = await campaignFileOf(ctx.deps.db, ctx.organisationId(request), params.data.id);
    return file ?? reply.code(404).send({ error: `no campaign ${params.data.id}` });
  });
}
