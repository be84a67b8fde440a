// /admin/api: the coordinators' and medical staff's JSON API. A Bearer token per staff member (stored
// hashed), a role per route; unauthenticated -> 401, wrong role -> 403; every change is audited.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import type { StaffRole } from '../db/tables.ts';
import { recordAudit } from '../domain/audit/audit-log.ts';
import { importCampaign, parseCampaignFile } from '../domain/campaigns/campaign-import.ts';
import { listUpcomingCampaigns } from '../domain/campaigns/campaign-finder.ts';
import { localDay, type Clock } from '../domain/clock.ts';
import { InvalidInput } from '../domain/errors.ts';
import { recordDonation, RecordDonationSchema } from '../domain/donors/donations.ts';
import { closeTicket, listOpenTickets } from '../domain/handoff/handoff-tickets.ts';
import { staffForToken, type StaffMember } from '../domain/staff/staff-tokens.ts';
import { doubtfulOutbox } from '../delivery/outbox.ts';
import { DEFAULT_CHECKIN_DAYS, markProcedureDone } from '../scheduling/checkins.ts';
import type { NotificationTimers } from '../scheduling/notification.queue.ts';
import { DEFAULT_QUIET_HOURS, type QuietHours } from '../scheduling/quiet-hours.ts';
import { scheduleRecall } from '../scheduling/recalls.ts';
import { listStaffAlerts } from '../scheduling/staff-alerts.ts';
import type { BroadcastPages } from '../scheduling/broadcast.queue.ts';
import { tooManyAttempts, type AuthThrottle } from './auth-throttle.ts';
import { BroadcastInputSchema, broadcastProgress, cancelBroadcast, createBroadcast } from '../scheduling/broadcasts.ts';

export interface AdminApiDeps {
  db: Db;
  clock: Clock;
  timeZone: string;
  /** Starts check-in timers at once; without it the reconciler starts them within minutes. */
  timers?: NotificationTimers;
  quietHours?: QuietHours;
  /** Queues broadcast pages; without it broadcasts wait for a worker's reconciler. */
  broadcastPages?: BroadcastPages;
  /** Makes an address that keeps giving wrong tokens wait. */
  authThrottle: AuthThrottle;
}

const staffOf = new WeakMap<FastifyRequest, StaffMember>();
const IdParams = z.object({ id: z.coerce.number().int().positive() });
const AttendanceBody = z.object({ status: z.enum(['attended', 'no_show']) });

function allow(...roles: StaffRole[]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const staff = staffOf.get(request);
    if (staff && !roles.includes(staff.role)) await reply.code(403).send({ error: `this needs the role ${roles.join(' or ')}; you are ${staff.role}` });
  };
}

function badRequest(reply: FastifyReply, error: z.ZodError) {
  return reply.code(400).send({ error: error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
}

export function registerAdminApi(app: FastifyInstance, deps: AdminApiDeps): void {
  void app.register(
    async (scope) => {
      // Health data: no answer of this API is kept by a browser or a proxy.
      scope.addHook('onSend', async (_request, reply) => void reply.header('cache-control', 'no-store'));
      scope.addHook('onRequest', async (request, reply) => {
        const header = request.headers.authorization;
        const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
        const staff = token ? await staffForToken(deps.db, token) : undefined;
        if (!staff) {
          const waitMs = await deps.authThrottle.failed(request.ip);
          if (waitMs > 0) return tooManyAttempts(reply, waitMs);
          return reply.code(401).send({ error: 'give your staff token as "Authorization: Bearer <token>"' });
        }
        staffOf.set(request, staff);
      });
      const actor = (request: FastifyRequest) => ({ kind: 'staff' as const, id: staffOf.get(request)?.id ?? 0 });
      const today = () => localDay(deps.clock.now(), deps.timeZone);

      scope.get('/campaigns', { preHandler: allow('admin', 'coordinator', 'medical') }, async () => listUpcomingCampaigns(deps.db, { today: today() }));

      scope.post('/campaigns', { preHandler: allow('admin', 'coordinator') }, async (request, reply) => {
        try {
          const file = parseCampaignFile(request.body);
          const result = await deps.db.transaction().execute((trx) => importCampaign(trx, { actor: actor(request), channel: 'staff', today: today() }, file));
          return reply.code(201).send(result);
        } catch (err) {
          if (err instanceof InvalidInput) return reply.code(400).send({ error: 'invalid campaign', problems: err.problems });
          throw err;
        }
      });

      scope.get('/tickets', { preHandler: allow('admin', 'coordinator', 'medical') }, async () => listOpenTickets(deps.db));

      scope.post('/tickets/:id/close', { preHandler: allow('admin', 'coordinator') }, async (request, reply) => {
        const params = IdParams.safeParse(request.params);
        if (!params.success) return badRequest(reply, params.error);
        const closed = await deps.db.transaction().execute((trx) => closeTicket(trx, actor(request), params.data.id));
        return closed ? { closed: true } : reply.code(404).send({ error: `no open ticket ${params.data.id}` });
      });

      scope.post('/appointments/:id/procedure-done', { preHandler: allow('admin', 'coordinator', 'medical') }, async (request, reply) => {
        const params = IdParams.safeParse(request.params);
        if (!params.success) return badRequest(reply, params.error);
        const settings = { zone: deps.timeZone, quiet: deps.quietHours ?? DEFAULT_QUIET_HOURS, days: DEFAULT_CHECKIN_DAYS, at: '10:00' };
        const scheduled = await deps.db.transaction().execute((trx) => markProcedureDone(trx, actor(request), params.data.id, deps.clock.now(), settings));
        if (!scheduled) return reply.code(404).send({ error: `no appointment ${params.data.id} waiting for its procedure` });
        await deps.timers?.schedule(scheduled, deps.clock.now());
        return { checkins: scheduled.map((c) => c.dueAt) };
      });

      scope.post('/donations', { preHandler: allow('admin', 'coordinator', 'medical') }, async (request, reply) => {
        const input = RecordDonationSchema.safeParse(request.body);
        if (!input.success) return badRequest(reply, input.error);
        const settings = { zone: deps.timeZone, quiet: deps.quietHours ?? DEFAULT_QUIET_HOURS, at: '10:00' };
        try {
          const { donation, recall } = await deps.db.transaction().execute(async (trx) => {
            const recorded = await recordDonation(trx, actor(request), input.data);
            return { donation: recorded, recall: await scheduleRecall(trx, recorded, settings) };
          });
          if (recall) await deps.timers?.schedule([recall], deps.clock.now());
          return reply.code(201).send({ donationId: donation.donationId, donatedOn: donation.donatedOn, nextEligibleOn: donation.nextEligibleOn, recallAt: recall?.dueAt ?? null });
        } catch (err) {
          if (err instanceof InvalidInput) return reply.code(400).send({ error: 'invalid donation', problems: err.problems });
          throw err;
        }
      });

      scope.get('/alerts', { preHandler: allow('admin', 'coordinator', 'medical') }, async (request, reply) => {
        const query = z.object({ campaign: z.coerce.number().int().positive().optional() }).safeParse(request.query);
        if (!query.success) return badRequest(reply, query.error);
        return listStaffAlerts(deps.db, query.data.campaign);
      });

      scope.post('/broadcasts', { preHandler: allow('admin', 'coordinator') }, async (request, reply) => {
        const input = BroadcastInputSchema.safeParse(request.body);
        if (!input.success) return badRequest(reply, input.error);
        const created = await createBroadcast(deps.db, actor(request), input.data, deps.clock.now(), deps.timeZone);
        await deps.broadcastPages?.next(created.id, 0, created.scheduledAt, deps.clock.now());
        return reply.code(201).send(created);
      });

      scope.get('/broadcasts/:id', { preHandler: allow('admin', 'coordinator') }, async (request, reply) => {
        const params = IdParams.safeParse(request.params);
        if (!params.success) return badRequest(reply, params.error);
        return (await broadcastProgress(deps.db, params.data.id)) ?? reply.code(404).send({ error: `no broadcast ${params.data.id}` });
      });

      scope.post('/broadcasts/:id/cancel', { preHandler: allow('admin', 'coordinator') }, async (request, reply) => {
        const params = IdParams.safeParse(request.params);
        if (!params.success) return badRequest(reply, params.error);
        const cancelled = await cancelBroadcast(deps.db, actor(request), params.data.id);
        return cancelled ? broadcastProgress(deps.db, params.data.id) : reply.code(404).send({ error: `no broadcast ${params.data.id} to cancel` });
      });

      // Messages a crash left undecided (the provider may or may not have delivered them).
      scope.get('/outbox/doubtful', { preHandler: allow('admin', 'coordinator') }, async () => doubtfulOutbox(deps.db, 5 * 60_000));

      scope.post('/appointments/:id/attendance', { preHandler: allow('admin', 'coordinator') }, async (request, reply) => {
        const params = IdParams.safeParse(request.params);
        if (!params.success) return badRequest(reply, params.error);
        const body = AttendanceBody.safeParse(request.body);
        if (!body.success) return badRequest(reply, body.error);
        const updated = await deps.db.transaction().execute(async (trx) => {
          const row = await trx
            .updateTable('appointments')
            .set({ status: body.data.status, updated_at: sql<Date>`now()` })
            .where('id', '=', params.data.id)
            .where('status', 'in', ['booked', 'attended', 'no_show'])
            .returning(['id', 'status'])
            .executeTakeFirst();
          if (row) await recordAudit(trx, { actor: actor(request), action: `appointment.${body.data.status}`, entity: 'appointment', entityId: row.id });
          return row;
        });
        return updated ?? reply.code(404).send({ error: `no booked appointment ${params.data.id}` });
      });
    },
    { prefix: '/admin/api' },
  );
}
