// Reports: a campaign's (coordinators and medical staff of its organisation; the platform admin viewing it)
// and the national view (the platform admin over every organisation; a ministry's coordinators over its
// own caravans), each as JSON, CSV and XLSX. Figures only, no names nor phones: reading them is not audited.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { campaignReport, nationalReport, readsNationalView } from '../../domain/reports/index.ts';
import { createTranslator, loadResources } from '../../i18n/translator.ts';
import { CampaignReportSchema, NationalReportSchema } from '../console/reports.schemas.ts';
import { IdParams, type AdminContext } from './admin-api.routes.ts';
import type { CsvLocale } from './bookings-csv.ts';
import { reportCsv, reportXlsx } from './report-files.ts';
import { campaignTables, nationalTables, type ReportTable } from './report-tables.ts';
import { readInput } from './route-shape.ts';

const LocaleQuery = z.object({ locale: z.enum(['fr', 'ar']).default('fr') });
const FORMATS = ['json', 'csv', 'xlsx'] as const;
const suffix = (format: (typeof FORMATS)[number]) => (format === 'json' ? '' : `.${format}`);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sendTables(reply: FastifyReply, format: 'csv' | 'xlsx', name: string, tables: ReportTable[], locale: CsvLocale) {
  const disposition = `attachment; filename="${name}.${format}"`;
  if (format === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', disposition).send(reportCsv(tables));
  return reply.header('content-type', XLSX).header('content-disposition', disposition).send(await reportXlsx(tables, locale));
}

export function registerReportRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db, timeZone } = ctx.deps;
  // Read once when the routes are registered; the locale files do not change while the service runs.
  const t = createTranslator(loadResources());

  for (const format of FORMATS) {
    scope.get(`/campaigns/:id/report${suffix(format)}`, { preHandler: ctx.allow('coordinator', 'medical') }, async (request, reply) => {
      const input = await readInput({ params: IdParams, query: LocaleQuery }, request, reply);
      if (!input) return reply;
      const report = await campaignReport(db, input.params.id, { organisationId: ctx.organisationId(request), today: ctx.today(), timeZone });
      if (!report) return reply.code(404).send({ error: `no campaign ${input.params.id}` });
      const checked = CampaignReportSchema.parse(report);
      if (format === 'json') return checked;
      const { locale } = input.query;
      return sendTables(reply, format, `campaign-${input.params.id}-report`, campaignTables(checked, locale, (code) => t(locale, `services:${code}`)), locale);
    });

    scope.get(`/reports/national${suffix(format)}`, { preHandler: ctx.allow('admin', 'coordinator') }, async (request, reply) => {
      const input = await readInput({ query: LocaleQuery }, request, reply);
      if (!input) return reply;
      let organisationId: number | undefined;
      const { role } = ctx.staff(request);
      if (role !== 'admin') {
        organisationId = ctx.organisationId(request);
        const organisation = await db.selectFrom('organisations').select('kind').where('id', '=', organisationId).executeTakeFirst();
        if (!readsNationalView(role, organisation?.kind ?? null)) return reply.code(404).send({ error: "no national view: it is the platform admin's and a ministry's" });
      }
      const checked = NationalReportSchema.parse(await nationalReport(db, organisationId));
      if (format === 'json') return checked;
      return sendTables(reply, format, 'national-report', nationalTables(checked, input.query.locale), input.query.locale);
    });
  }
}
