// Blood donations recorded at a drive, each followed by the donor's recall when they may give again.
import type { FastifyInstance } from 'fastify';
import { recordDonation, RecordDonationSchema } from '../../domain/donors/donations.ts';
import { DEFAULT_QUIET_HOURS } from '../../scheduling/quiet-hours.ts';
import { scheduleRecall } from '../../scheduling/recalls.ts';
import { badRequest, type AdminContext } from './admin-api.routes.ts';

export function registerDonationRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db, clock, timeZone } = ctx.deps;
  const quiet = ctx.deps.quietHours ?? DEFAULT_QUIET_HOURS;

  scope.post('/donations', { preHandler: ctx.allow('coordinator', 'medical') }, async (request, reply) => {
    const input = RecordDonationSchema.safeParse(request.body);
    if (!input.success) return badRequest(reply, input.error);
    const settings = { zone: timeZone, quiet, at: '10:00' };
    const { donation, recall } = await db.transaction().execute(async (trx) => {
      const recorded = await recordDonation(trx, ctx.actor(request), ctx.organisationId(request), input.data);
      return { donation: recorded, recall: await scheduleRecall(trx, recorded, settings) };
    });
    if (recall) await ctx.deps.timers?.schedule([recall], clock.now());
    return reply.code(201).send({ donationId: donation.donationId, donatedOn: donation.donatedOn, nextEligibleOn: donation.nextEligibleOn, recallAt: recall?.dueAt ?? null });
  });
}
