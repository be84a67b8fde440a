// Post-operative alerts for the organisation's medical staff: red flags and unreachable patients, a page at a time.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PageQuerySchema } from '../../domain/pagination.ts';
import { listStaffAlerts } from '../../scheduling/staff-alerts.ts';
import { badRequest, type AdminContext } from './admin-api.routes.ts';

const AlertsQuery = PageQuerySchema.extend({ campaign: z.coerce.number().int().positive().optional() });

export function registerAlertRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  scope.get('/alerts', { preHandler: ctx.allow('coordinator', 'medical') }, async (request, reply) => {
    const query = AlertsQuery.safeParse(request.query);
    if (!query.success) return badRequest(reply, query.error);
    const { campaign, ...page } = query.data;
    return listStaffAlerts(ctx.deps.db, ctx.organisationId(request), { ...page, ...(campaign !== undefined ? { campaignId: campaign } : {}) });
  });
}
