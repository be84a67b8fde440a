// A report laid out as titled tables, in French or Arabic: what the CSV and the XLSX files hold, one table
// after another (CSV) or one per sheet (XLSX). Names typed by villagers (communes) are made inert. Pure.
import type { CampaignReport, NationalReport } from '../console/reports.schemas.ts';
import { inert, type CsvLocale } from './bookings-csv.ts';
import { REPORT_WORDS } from './report-words.ts';

export type Cell = string | number;
export interface ReportTable {
  title: string;
  header: string[];
  rows: Cell[][];
}

const titleIn = (title: Record<string, string | undefined>, locale: CsvLocale) => title[locale] ?? title.fr ?? title.ar ?? '';

export function campaignTables(report: CampaignReport, locale: CsvLocale, serviceName: (code: string) => string): ReportTable[] {
  const w = REPORT_WORDS[locale];
  const tables: ReportTable[] = [
    {
      title: w.serviceDays,
      header: [w.day, w.service, w.capacity, w.registered, w.walkIns, w.overCapacity, w.checkedIn, w.seen, w.operated, w.noShow, w.cancelled],
      rows: report.serviceDays.map((d) => [d.day, serviceName(d.service), d.capacity, d.registered, d.walkIns, d.overCapacity, d.checkedIn, d.seen, d.operated, d.noShow, d.cancelled]),
    },
    { title: w.leadTimes, header: [w.bookedAhead, w.booked, w.decided, w.noShow], rows: report.leadTimes.map((l) => [w.bands[l.band], l.booked, l.decided, l.noShow]) },
    { title: w.pyramid, header: [w.ageBand, w.female, w.male, w.sexUnknown], rows: report.pyramid.map((p) => [p.band === 'unknown' ? w.unknown : p.band, p.female, p.male, p.unknown]) },
    {
      title: w.places,
      header: [w.province, w.commune, w.people],
      rows: report.places.map((p) => [(locale === 'ar' ? p.provinceAr : p.provinceFr) ?? w.unknown, p.commune === null ? w.unknown : inert(p.commune), p.people]),
    },
    { title: w.followUp, header: [w.figure, w.count], rows: Object.entries(report.followUp).map(([key, n]) => [w.followUpNames[key as keyof typeof w.followUpNames], n]) },
    { title: w.bookingsPerDay, header: [w.day, w.bookings], rows: report.bookingsPerDay.map((b) => [b.day, b.bookings]) },
  ];
  const drive = report.bloodDrive;
  if (drive) {
    const funnel: Cell[][] = [[w.target, drive.target ?? ''], [w.registered, drive.registered], [w.confirmed, drive.confirmed], [w.came, drive.came], [w.donated, drive.donated], [w.deferred, drive.deferred]];
    tables.push({ title: w.bloodDrive, header: [w.figure, w.count], rows: funnel });
    tables.push({ title: w.bloodGroups, header: [w.bloodGroup, w.donated], rows: drive.byGroup.map((g) => [g.group === 'unknown' ? w.unknown : g.group, g.donated]) });
  }
  return tables;
}

export function nationalTables(report: NationalReport, locale: CsvLocale): ReportTable[] {
  const w = REPORT_WORDS[locale];
  const figures = [w.capacity, w.registered, w.walkIns, w.checkedIn, w.seen, w.operated, w.noShow];
  const name = (a: { nameFr: string; nameAr: string }) => (locale === 'ar' ? a.nameAr : a.nameFr);
  const values = (f: NationalReport['totals'] | NationalReport['campaigns'][number]) => [f.capacity, f.registered, f.walkIns, f.checkedIn, f.seen, f.operated, f.noShow];
  const provinceName = new Map(report.provinces.map((p) => [p.code, name(p)]));
  return [
    {
      title: w.campaigns,
      header: [w.campaign, w.organisation, w.province, w.firstDay, w.lastDay, ...figures],
      rows: report.campaigns.map((c) => [inert(titleIn(c.title, locale)), inert(c.organisation), provinceName.get(c.provinceCode) ?? c.provinceCode, c.firstDay, c.lastDay, ...values(c)]),
    },
    { title: w.provinces, header: [w.province, w.campaigns, ...figures], rows: report.provinces.map((p) => [name(p), p.campaigns, ...values(p)]) },
    { title: w.regions, header: [w.region, w.campaigns, ...figures], rows: report.regions.map((r) => [name(r), r.campaigns, ...values(r)]) },
    { title: w.totals, header: [w.campaigns, ...figures], rows: [[report.totals.campaigns, ...values(report.totals)]] },
  ];
}
