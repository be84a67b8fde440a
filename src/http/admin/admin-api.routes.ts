// /admin/api: the coordinators' and medical staff's JSON API. A Bearer token per staff member (stored
// hashed) for scripts, or the console's session cookie (with its CSRF token on changes), a role per
// route; unauthenticated -> 401, wrong role -> 403; every change is audited.
// The organisation boundary: every route but the platform admin's reads and changes the caller's own
// organisation only, and anything of another organisation answers 404, as if it did not exist. The
// platform admin reads one organisation at a time, the one their console session picked, and changes none.
import cookie from '@fastify/cookie';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import type { StaffRole } from '../../db/tables.ts';
import type { BookingDeps } from '../../domain/appointments/booking.ts';
import { localDay, type Clock } from '../../domain/clock.ts';
import { BookedWindowsRefused, InvalidInput, NotFound, SlugTaken, WindowsRemovalRefused } from '../../domain/errors.ts';
import { staffForToken, type StaffMember } from '../../domain/staff/staff-tokens.ts';
import type { BroadcastPages } from '../../scheduling/broadcast.queue.ts';
import type { NotificationTimers } from '../../scheduling/notification.queue.ts';
import type { QuietHours } from '../../scheduling/quiet-hours.ts';
import { tooManyAttempts, type AuthThrottle } from '../auth-throttle.ts';
import { csrfAccepted, refuseCsrf, refuseSignedOut, requestSession, sessionToken } from '../console/session-cookie.ts';
import { adminRateLimits, DEFAULT_ADMIN_RATE_LIMIT, type AdminRateLimit } from './admin-rate-limit.ts';
import { registerAlertRoutes } from './alerts.routes.ts';
import { registerAppointmentRoutes } from './appointments.routes.ts';
import { registerAuditRoutes } from './audit.routes.ts';
import { registerBookingRoutes } from './bookings.routes.ts';
import { registerBroadcastRoutes } from './broadcasts.routes.ts';
import { registerCampaignAdminRoutes } from './campaigns.routes.ts';
import { registerCampaignFileRoutes } from './campaign-file.routes.ts';
import { registerCapacityRoutes, type LiveCapacityTimings } from './capacity.routes.ts';
import { registerContactRoutes } from './contacts.routes.ts';
import { registerDeskRoutes } from './desk.routes.ts';
import { registerDonationRoutes } from './donations.routes.ts';
import { registerInboxRoutes, type InboxDeps } from './inbox.routes.ts';
import { registerEndOfDayRoutes } from './end-of-day.routes.ts';
import { registerOrganisationRoutes } from './organisations.routes.ts';
import { registerOutboxRoutes } from './outbox.routes.ts';
import { registerQueueRoutes } from './queue.routes.ts';
import { registerReportRoutes } from './reports.routes.ts';
import { registerTicketRoutes } from './tickets.routes.ts';
import { registerVoicePromptRoutes } from './voice-prompts.routes.ts';

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
  /** Codes and the per-family cap for places an erasure frees (they go to the waiting list). */
  booking: BookingDeps;
  /** Requests per minute per address and per staff member; the defaults, in this process, when absent. */
  rateLimit?: AdminRateLimit;
  /** How often a live capacity stream reads the figures and pings; every 2 s and 15 s when absent. */
  liveCapacity?: LiveCapacityTimings;
  /** The inbox's translator, templates and outbound queues (staff answers in the chat). */
  inbox?: InboxDeps;
}

/** What every group of routes is given: the dependencies and who is asking. */
export interface AdminContext {
  deps: AdminApiDeps;
  /** Lets only these roles through (403 otherwise). */
  allow(...roles: StaffRole[]): (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  staff(request: FastifyRequest): StaffMember;
  /** The caller's organisation; routes that call it let only organisation staff through. */
  organisationId(request: FastifyRequest): number;
  actor(request: FastifyRequest): { kind: 'staff'; id: number };
  today(): string;
}

export const IdParams = z.object({ id: z.coerce.number().int().positive() });

export function badRequest(reply: FastifyReply, error: z.ZodError) {
  return reply.code(400).send({ error: error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
}

const staffOf = new WeakMap<FastifyRequest, StaffMember>();
/** Requests of a platform admin's console session looking at one organisation: they read as its staff do. */
const viewers = new WeakSet<FastifyRequest>();
const READS = new Set(['GET', 'HEAD']);

export function registerAdminApi(app: FastifyInstance, deps: AdminApiDeps): void {
  const staff = (request: FastifyRequest) => {
    const member = staffOf.get(request);
    if (!member) throw new Error('admin route reached without a staff member');
    return member;
  };
  const context: AdminContext = {
    deps,
    staff,
    allow: (...roles) => async (request, reply) => {
      const member = staff(request);
      if (roles.includes(member.role)) return;
      // The platform admin, looking at an organisation in the console, reads what its staff read and changes nothing.
      if (viewers.has(request) && READS.has(request.method) && roles.some((role) => role !== 'admin')) return;
      const why =
        member.role !== 'admin'
          ? `this needs the role ${roles.join(' or ')}; you are ${member.role}`
          : viewers.has(request)
            ? "the platform admin reads an organisation's data and changes none of it"
            : 'the platform admin reads an organisation\'s data only in the console, after picking it';
      await reply.code(403).send({ error: why });
    },
    organisationId: (request) => {
      const organisation = staff(request).organisation;
      if (!organisation) throw new Error('organisation route reached without an organisation');
      return organisation.id;
    },
    actor: (request) => ({ kind: 'staff', id: staff(request).id }),
    today: () => localDay(deps.clock.now(), deps.timeZone),
  };

  const admit = async (request: FastifyRequest, reply: FastifyReply, member: StaffMember) => {
    if (member.role !== 'admin' && !member.organisation) {
      return reply.code(403).send({ error: 'you belong to no organisation yet; the platform admin sets it with npm run staff -- move' });
    }
    staffOf.set(request, member);
  };

  void app.register(
    async (scope) => {
      // Health data: no answer of this API is kept by a browser or a proxy.
      scope.addHook('onSend', async (_request, reply) => void reply.header('cache-control', 'no-store'));
      const limits = await adminRateLimits(scope, deps.rateLimit ?? DEFAULT_ADMIN_RATE_LIMIT, (request) => String(staff(request).id));
      scope.addHook('onRequest', limits.perAddress);
      await scope.register(cookie);
      scope.addHook('onRequest', async (request, reply) => {
        const header = request.headers.authorization;
        // The console's session cookie, when no token is given: a change must then carry its CSRF token.
        if (header === undefined && sessionToken(request)) {
          const session = await requestSession(deps.db, request, deps.clock.now());
          if (!session) return refuseSignedOut(reply);
          if (!csrfAccepted(request, session.csrfToken)) return refuseCsrf(reply);
          if (session.viewing) {
            viewers.add(request);
            return admit(request, reply, { ...session.staff, organisation: { id: session.viewing.id, slug: session.viewing.slug } });
          }
          return admit(request, reply, session.staff);
        }
        const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
        const member = token ? await staffForToken(deps.db, token) : undefined;
        if (!member) {
          const waitMs = await deps.authThrottle.failed(request.ip);
          if (waitMs > 0) return tooManyAttempts(reply, waitMs);
          return reply.code(401).send({ error: 'give your staff token as "Authorization: Bearer <token>", or sign in to the console' });
        }
        return admit(request, reply, member);
      });
      scope.addHook('onRequest', limits.perStaff);
      // Refusals of the domain become answers; anything else is ours, and goes to the server's handler.
      scope.setErrorHandler((error: FastifyError, _request, reply) => {
        if (error instanceof NotFound) return reply.code(404).send({ error: error.message });
        if (error instanceof SlugTaken) return reply.code(409).send({ error: error.message });
        if (error instanceof BookedWindowsRefused) {
          return reply.code(409).send({ error: 'time windows that hold appointments must stay, with at least as many places as are booked', problems: error.problems, bookedWindows: error.windows });
        }
        if (error instanceof WindowsRemovalRefused) return reply.code(409).send({ error: 'the file removes time windows; send "allowRemoval": true to remove them', windows: error.windows });
        if (error instanceof InvalidInput) return reply.code(400).send({ error: 'invalid input', problems: error.problems });
        throw error;
      });
      // One file of routes per resource.
      registerCampaignAdminRoutes(scope, context);
      registerCampaignFileRoutes(scope, context);
      registerCapacityRoutes(scope, context);
      registerBookingRoutes(scope, context);
      registerAppointmentRoutes(scope, context);
      registerDeskRoutes(scope, context);
      registerEndOfDayRoutes(scope, context);
      registerQueueRoutes(scope, context);
      registerTicketRoutes(scope, context);
      registerInboxRoutes(scope, context);
      registerDonationRoutes(scope, context);
      registerAlertRoutes(scope, context);
      registerAuditRoutes(scope, context);
      registerContactRoutes(scope, context);
      registerOutboxRoutes(scope, context);
      registerBroadcastRoutes(scope, context);
      registerOrganisationRoutes(scope, context);
      registerReportRoutes(scope, context);
      registerVoicePromptRoutes(scope, context);
    },
    { prefix: '/admin/api' },
  );
}
