// The national view: every campaign on one table, then the sums by region and by province, and the totals.
// For the platform admin (every organisation) and a ministry's coordinators (its own caravans).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { NationalReport } from '../../api/types.ts';
import { formatNumber, formatShortDay } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';
import { titleIn } from '../campaigns/campaigns.page.tsx';
import { ReportTable } from './charts.tsx';
import './reports.css';

type Figures = NationalReport['totals'];

export function NationalReportPage() {
  const t = useMessages();
  const { locale } = useAppState();
  const [report, setReport] = useState<NationalReport | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  useEffect(() => {
    void api<NationalReport>('GET', '/admin/api/reports/national').then((a) => {
      if (a.ok) setReport(a.data);
      else setFailure(a.status === 0 ? t.offline : a.status === 404 || a.status === 403 ? t.nationalRefused : t.serverError);
    });
  }, []);
  if (failure) return <p class="banner error" role="alert">{failure}</p>;
  if (!report) return <p role="status">{t.loading}</p>;
  const n = (value: number) => formatNumber(locale, value);
  const name = (a: { nameFr: string; nameAr: string }) => (locale === 'ar' ? a.nameAr : a.nameFr);
  const provinceName = new Map(report.provinces.map((p) => [p.code, name(p)]));
  const figuresHead = [t.colCapacity, t.colRegistered, t.colWalkIns, t.colCheckedIn, t.colSeen, t.colOperated, t.colNoShow];
  const figures = (f: Omit<Figures, 'campaigns'>) => [n(f.capacity), n(f.registered), n(f.walkIns), n(f.checkedIn), n(f.seen), n(f.operated), n(f.noShow)];
  return (
    <article class="report" aria-labelledby="national-title">
      <h1 id="national-title">{t.nationalTitle}</h1>
      <p>{t.nationalIntro}</p>
      <div class="actions no-print">
        <a class="button" href={`/admin/api/reports/national.csv?locale=${locale}`} download>{t.reportCsv}</a>
        <a class="button" href={`/admin/api/reports/national.xlsx?locale=${locale}`} download>{t.reportXlsx}</a>
        <button type="button" onClick={() => window.print()}>{t.reportPrint}</button>
      </div>
      <section aria-labelledby="national-totals" class="report-section">
        <h2 id="national-totals">{t.nationalTotals}</h2>
        <dl class="key-figures">
          {[t.colCampaigns, ...figuresHead].map((label, i) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd><bdi>{[n(report.totals.campaigns), ...figures(report.totals)][i]}</bdi></dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="national-regions" class="report-section">
        <h2 id="national-regions">{t.nationalByRegion}</h2>
        <ReportTable caption={t.reportTableOf(t.nationalByRegion)} head={[t.colRegion, t.colCampaigns, ...figuresHead]} rows={report.regions.map((r) => [name(r), n(r.campaigns), ...figures(r)])} />
      </section>
      <section aria-labelledby="national-provinces" class="report-section">
        <h2 id="national-provinces">{t.nationalByProvince}</h2>
        <ReportTable caption={t.reportTableOf(t.nationalByProvince)} head={[t.colProvince, t.colCampaigns, ...figuresHead]} rows={report.provinces.map((p) => [name(p), n(p.campaigns), ...figures(p)])} />
      </section>
      <section aria-labelledby="national-campaigns" class="report-section">
        <h2 id="national-campaigns">{t.nationalCampaigns}</h2>
        <ReportTable
          caption={t.reportTableOf(t.nationalCampaigns)}
          head={[t.colCampaign, t.colOrganisation, t.colProvince, t.colDays, ...figuresHead]}
          text={4}
          rows={report.campaigns.map((c) => [
            <bdi>{titleIn(locale, c)}</bdi>,
            <bdi>{c.organisation}</bdi>,
            provinceName.get(c.provinceCode) ?? c.provinceCode,
            `${formatShortDay(locale, c.firstDay)} – ${formatShortDay(locale, c.lastDay)}`,
            ...figures(c),
          ])}
        />
      </section>
    </article>
  );
}
