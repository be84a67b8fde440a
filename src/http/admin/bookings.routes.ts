// The people booked in a campaign: one window's list (searchable, a page at a time, phones masked),
// and the whole campaign or one window as a CSV file with the phones (the export is audited).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { exportBookings } from '../../domain/campaigns/booking-export.ts';
import { windowBookings } from '../../domain/campaigns/window-bookings.ts';
import { PageQuerySchema } from '../../domain/pagination.ts';
import { createTranslator, loadResources } from '../../i18n/translator.ts';
import { WindowBookingsSchema } from '../console/capacity.schemas.ts';
import { IdParams, type AdminContext } from './admin-api.routes.ts';
import { bookingsCsv } from './bookings-csv.ts';
import { readInput, shaped } from './route-shape.ts';

const SlotParams = z.object({ slotId: z.coerce.number().int().positive() });
const BookingsQuery = PageQuerySchema.extend({ q: z.string().trim().max(100, 'q is at most 100 characters').optional() });
const CsvQuery = z.object({ slotId: z.coerce.number().int().positive().optional(), locale: z.enum(['fr', 'ar']).default('fr') });

export function registerBookingRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db } = ctx.deps;
  // Read once when the routes are registered; the locale files do not change while the service runs.
  const t = createTranslator(loadResources());

  scope.get(
    '/slots/:slotId/bookings',
    { preHandler: ctx.allow('coordinator', 'medical') },
    shaped({ params: SlotParams, query: BookingsQuery, answer: WindowBookingsSchema, notFound: ({ params }) => `no time window ${params.slotId}` }, ({ params, query }, request) =>
      windowBookings(db, ctx.organisationId(request), params.slotId, query),
    ),
  );

  scope.get('/campaigns/:id/bookings.csv', { preHandler: ctx.allow('coordinator', 'medical') }, async (request, reply) => {
    const input = await readInput({ params: IdParams, query: CsvQuery }, request, reply);
    if (!input) return reply;
    const { id } = input.params;
    const rows = await db.transaction().execute((trx) => exportBookings(trx, ctx.actor(request), ctx.organisationId(request), id, { slotId: input.query.slotId }));
    if (!rows) return reply.code(404).send({ error: input.query.slotId === undefined ? `no campaign ${id}` : `no time window ${input.query.slotId} in campaign ${id}` });
    const name = input.query.slotId === undefined ? `campaign-${id}-bookings.csv` : `campaign-${id}-window-${input.query.slotId}-bookings.csv`;
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(bookingsCsv(rows, input.query.locale, (code) => t(input.query.locale, `services:${code}`)));
  });
}
