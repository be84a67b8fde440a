// The organisation's campaigns: list a page at a time (with places booked and where each stands), read one and its messages counted, import a campaign file for itself.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { importCampaign, parseCampaignFile } from '../../domain/campaigns/campaign-import.ts';
import { listOrganisationCampaigns, organisationCampaign } from '../../domain/campaigns/organisation-campaigns.ts';
import { PageQuerySchema } from '../../domain/pagination.ts';
import { campaignMessageCounts } from '../../delivery/message-counts.ts';
import { CampaignListSchema, CampaignSummarySchema } from '../console/capacity.schemas.ts';
import { badRequest, IdParams, type AdminContext } from './admin-api.routes.ts';
import { shaped } from './route-shape.ts';

/** The import's own flag, read off the body before the rest is parsed as a campaign file. */
const ImportFlags = z.object({ allowRemoval: z.boolean().default(false) }).passthrough();

export function registerCampaignAdminRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db } = ctx.deps;

  scope.get(
    '/campaigns',
    { preHandler: ctx.allow('coordinator', 'medical') },
    // A list is never "not found": the organisation may have no campaign yet, and gets an empty page.
    shaped({ query: PageQuerySchema, answer: CampaignListSchema, notFound: () => 'no campaigns' }, ({ query }, request) =>
      listOrganisationCampaigns(db, ctx.organisationId(request), query, ctx.today()),
    ),
  );

  scope.get(
    '/campaigns/:id',
    { preHandler: ctx.allow('coordinator', 'medical') },
    shaped({ params: IdParams, answer: CampaignSummarySchema, notFound: ({ params }) => `no campaign ${params.id}` }, ({ params }, request) =>
      organisationCampaign(db, ctx.organisationId(request), params.id, ctx.today()),
    ),
  );

  // Messages about the campaign by kind and status, the rows kept and the counts of those the retention job deleted.
  scope.get('/campaigns/:id/messages', { preHandler: ctx.allow('coordinator', 'medical') }, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    const counts = await campaignMessageCounts(db, ctx.organisationId(request), params.data.id);
    return counts ? { campaignId: params.data.id, counts } : reply.code(404).send({ error: `no campaign ${params.data.id}` });
  });

  // A coordinator's file is always for their own organisation: naming another is refused (403), and a
  // slug another organisation uses is taken (409), so no campaign ever changes hands.
  scope.post('/campaigns', { preHandler: ctx.allow('coordinator') }, async (request, reply) => {
    // `"allowRemoval": true` beside the file's fields lets the import delete the windows it leaves out.
    const flags = ImportFlags.safeParse(request.body);
    if (!flags.success) return badRequest(reply, flags.error);
    const { allowRemoval, ...body } = flags.data;
    const file = parseCampaignFile(body);
    const organisation = ctx.staff(request).organisation;
    if (!organisation) throw new Error('campaign import without an organisation');
    if (file.organisation !== undefined && file.organisation !== organisation.slug) {
      return reply.code(403).send({ error: `you import campaigns for ${organisation.slug} only; leave "organisation" out or write "${organisation.slug}"` });
    }
    const result = await db.transaction().execute((trx) => importCampaign(trx, { actor: ctx.actor(request), channel: 'staff', today: ctx.today() }, file, organisation.id, { allowRemoval }));
    return reply.code(201).send(result);
  });
}
