// A campaign's report: key figures, places per service and day, attendance and absences, bookings per day,
// the age pyramid, where people came from, follow-up, a blood drive's funnel. Charts with their tables
// under them; CSV and Excel downloads; a print stylesheet so the page can be handed over on paper.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { CampaignReport } from '../../api/types.ts';
import { formatDay, formatNumber, formatShortDay } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';
import { titleIn, titleLang } from '../campaigns/campaigns.page.tsx';
import { Bar, DayLine, Pyramid, ReportTable } from './charts.tsx';
import { allServices, byService, noShowRate } from './report-figures.ts';
import './reports.css';

export function CampaignReportPage({ campaignId }: { campaignId: number }) {
  const t = useMessages();
  const { locale } = useAppState();
  const [report, setReport] = useState<CampaignReport | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  useEffect(() => {
    void api<CampaignReport>('GET', `/admin/api/campaigns/${campaignId}/report`).then((a) => {
      if (a.ok) setReport(a.data);
      else setFailure(a.status === 0 ? t.offline : a.status === 404 ? t.campaignMissing : a.status === 403 ? t.forbidden : t.serverError);
    });
  }, [campaignId]);

  if (failure) return <p class="banner error" role="alert">{failure}</p>;
  if (!report) return <p role="status">{t.loading}</p>;
  const n = (value: number) => formatNumber(locale, value);
  const rate = (noShow: number, came: number) => {
    const r = noShowRate(noShow, came);
    return r === undefined ? '—' : t.reportRate(formatNumber(locale, r));
  };
  const service = (code: string) => t.serviceNames[code] ?? code;
  const total = allServices(report.serviceDays);
  const maxPlaces = Math.max(1, ...report.serviceDays.map((d) => Math.max(d.capacity, d.registered + d.overCapacity)));
  const title = titleIn(locale, report);
  const base = `/admin/api/campaigns/${campaignId}/report`;
  return (
    <article class="report" aria-labelledby="report-title">
      <h1 id="report-title" lang={titleLang(locale, report)}>{t.reportTitle(title)}</h1>
      <p>{t.reportIntro(formatDay(locale, report.since), formatDay(locale, report.today))}</p>
      <div class="actions no-print">
        <a class="button" href={`${base}.csv?locale=${locale}`} download>{t.reportCsv}</a>
        <a class="button" href={`${base}.xlsx?locale=${locale}`} download>{t.reportXlsx}</a>
        <button type="button" onClick={() => window.print()}>{t.reportPrint}</button>
        <a class="button" href={`/console/campaigns/${campaignId}`}>{t.reportBack}</a>
      </div>

      <section aria-labelledby="key-figures" class="report-section">
        <h2 id="key-figures">{t.reportKeyFigures}</h2>
        <dl class="key-figures">
          <Figure name={t.colRegistered} value={t.reportBar(n(total.registered), n(total.capacity))} />
          <Figure name={t.colCheckedIn} value={n(total.checkedIn)} />
          <Figure name={t.colSeen} value={n(total.seen)} />
          <Figure name={t.colOperated} value={n(total.operated)} />
          <Figure name={t.colWalkIns} value={n(total.walkIns)} />
          <Figure name={t.colNoShowRate} value={rate(total.noShow, total.checkedIn - total.walkIns)} />
        </dl>
      </section>

      <section aria-labelledby="capacity" class="report-section">
        <h2 id="capacity">{t.reportCapacity}</h2>
        <p class="hint">{t.reportCapacityLegend}</p>
        <ul class="bar-list" aria-hidden="true">
          {report.serviceDays.map((d) => (
            <li key={`${d.day}-${d.service}`}>
              <span class="bar-label">
                <span>{service(d.service)} · {formatShortDay(locale, d.day)}</span>
                <bdi>{t.reportBar(n(d.registered), n(d.capacity))}</bdi>
              </span>
              <Bar value={d.registered} outline={d.capacity} beyond={d.overCapacity} max={maxPlaces} />
            </li>
          ))}
        </ul>
        <ReportTable
          caption={t.reportTableOf(t.reportCapacity)}
          head={[t.colDay, t.colService, t.colCapacity, t.colRegistered, t.colWalkIns, t.colOverCapacity, t.colCheckedIn, t.colSeen, t.colOperated, t.colNoShow, t.colCancelled]}
          text={2}
          rows={report.serviceDays.map((d) => [formatShortDay(locale, d.day), service(d.service), n(d.capacity), n(d.registered), n(d.walkIns), n(d.overCapacity), n(d.checkedIn), n(d.seen), n(d.operated), n(d.noShow), n(d.cancelled)])}
        />
      </section>

      <section aria-labelledby="attendance" class="report-section">
        <h2 id="attendance">{t.reportAttendance}</h2>
        <ReportTable
          caption={t.reportTableOf(t.reportAttendance)}
          head={[t.colService, t.colRegistered, t.colCheckedIn, t.colSeen, t.colOperated, t.colNoShow, t.colNoShowRate]}
          rows={byService(report.serviceDays).map((s) => [service(s.service), n(s.registered), n(s.checkedIn), n(s.seen), n(s.operated), n(s.noShow), rate(s.noShow, s.checkedIn - s.walkIns)])}
        />
        <h3 id="lead-times">{t.reportLeadTimes}</h3>
        <ReportTable
          caption={t.reportTableOf(t.reportLeadTimes)}
          head={[t.colBookedAhead, t.colBooked, t.colNoShow, t.colNoShowRate]}
          rows={report.leadTimes.map((l) => [t.bands[l.band] ?? l.band, n(l.booked), n(l.noShow), rate(l.noShow, l.decided - l.noShow)])}
        />
      </section>

      <section aria-labelledby="per-day" class="report-section">
        <h2 id="per-day">{t.reportBookingsPerDay}</h2>
        {report.bookingsPerDay.length > 0 ? (
          <DayLine
            values={report.bookingsPerDay.map((d) => d.bookings)}
            first={formatShortDay(locale, report.bookingsPerDay[0]?.day ?? report.since)}
            last={formatShortDay(locale, report.bookingsPerDay.at(-1)?.day ?? report.today)}
            caption={t.reportLineRange(n(Math.max(0, ...report.bookingsPerDay.map((d) => d.bookings))))}
          />
        ) : (
          <p>{t.reportNone}</p>
        )}
        <ReportTable caption={t.reportTableOf(t.reportBookingsPerDay)} head={[t.colDay, t.colBookings]} rows={report.bookingsPerDay.map((d) => [formatShortDay(locale, d.day), n(d.bookings)])} />
      </section>

      <section aria-labelledby="pyramid" class="report-section">
        <h2 id="pyramid">{t.reportPyramid}</h2>
        <Pyramid bands={report.pyramid.filter((p) => p.band !== 'unknown').map((p) => ({ band: p.band, left: p.male, right: p.female }))} leftName={t.colMen} rightName={t.colWomen} />
        <ReportTable
          caption={t.reportTableOf(t.reportPyramid)}
          head={[t.colAge, t.colWomen, t.colMen, t.colSexUnknown]}
          rows={report.pyramid.map((p) => [p.band === 'unknown' ? t.unknown : <bdi dir="ltr">{p.band}</bdi>, n(p.female), n(p.male), n(p.unknown)])}
        />
      </section>

      <section aria-labelledby="places" class="report-section">
        <h2 id="places">{t.reportPlaces}</h2>
        <ReportTable
          caption={t.reportTableOf(t.reportPlaces)}
          head={[t.colProvince, t.colCommune, t.colPeople]}
          text={2}
          rows={report.places.map((p) => [(locale === 'ar' ? p.provinceAr : p.provinceFr) ?? t.unknown, p.commune === null ? t.unknown : <bdi>{p.commune}</bdi>, n(p.people)])}
        />
      </section>

      <section aria-labelledby="follow-up" class="report-section">
        <h2 id="follow-up">{t.reportFollowUp}</h2>
        <dl class="key-figures">
          {Object.entries(report.followUp).map(([key, value]) => <Figure key={key} name={t.followUpNames[key] ?? key} value={n(value)} />)}
        </dl>
      </section>

      {report.bloodDrive ? (
        <section aria-labelledby="blood-drive" class="report-section">
          <h2 id="blood-drive">{t.reportBloodDrive}</h2>
          <dl class="key-figures">
            {(['target', 'registered', 'confirmed', 'came', 'donated', 'deferred'] as const).map((key) => {
              const value = report.bloodDrive?.[key];
              return <Figure key={key} name={t.driveNames[key] ?? key} value={value === null || value === undefined ? '—' : n(value)} />;
            })}
          </dl>
          <ReportTable caption={t.reportTableOf(t.reportBloodGroups)} head={[t.colBloodGroup, t.colDonated]} rows={report.bloodDrive.byGroup.map((g) => [g.group === 'unknown' ? t.unknown : <bdi>{g.group}</bdi>, n(g.donated)])} />
        </section>
      ) : null}
    </article>
  );
}

function Figure({ name, value }: { name: string; value: string }) {
  return (
    <div>
      <dt>{name}</dt>
      <dd><bdi>{value}</bdi></dd>
    </div>
  );
}
