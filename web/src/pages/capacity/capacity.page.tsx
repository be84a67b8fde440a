// A campaign's live capacity: per day and service, booked / capacity per window and the waiting list, asked
// again every 3 seconds; from a window, the people booked in it.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { usePoll } from '../../api/poll.ts';
import type { CampaignCapacity, CampaignSummary } from '../../api/types.ts';
import { formatDay, formatNumber } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';
import { titleIn, titleLang } from '../campaigns/campaigns.page.tsx';
import { CloseDay } from './close-day.tsx';
import { WindowBookings, type OpenWindow } from './window-bookings.tsx';

const POLL_MS = 3000;

export function CapacityPage({ campaignId }: { campaignId: number }) {
  const t = useMessages();
  const { locale, me } = useAppState();
  const [campaign, setCampaign] = useState<CampaignSummary | null | undefined>();
  const [capacity, setCapacity] = useState<CampaignCapacity | undefined>();
  const [updated, setUpdated] = useState<Date | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [open, setOpen] = useState<OpenWindow | undefined>();

  useEffect(() => void api<CampaignSummary>('GET', `/admin/api/campaigns/${campaignId}`).then((a) => setCampaign(a.ok ? a.data : null)), [campaignId]);
  usePoll<CampaignCapacity>(`/admin/api/campaigns/${campaignId}/capacity`, POLL_MS, (answer) => {
    if (answer.ok) {
      // Same version, same figures: nothing to redraw.
      setCapacity((before) => (before?.version === answer.data.version ? before : answer.data));
      setUpdated(new Date());
      setFailure(undefined);
    } else setFailure(answer.status === 0 ? t.offline : answer.status === 404 ? t.campaignMissing : t.serverError);
  });

  if (campaign === null) return <p class="banner error" role="alert">{t.campaignMissing}</p>;
  const time = updated ? new Intl.DateTimeFormat(locale === 'ar' ? 'ar-MA' : 'fr-MA', { timeStyle: 'medium', timeZone: 'Africa/Casablanca' }).format(updated) : '';
  return (
    <section aria-labelledby="capacity-title">
      <h1 id="capacity-title" lang={campaign ? titleLang(locale, campaign) : undefined}>{campaign ? titleIn(locale, campaign) : t.capacityTitle}</h1>
      <p>{t.capacityIntro} {time ? <span role="status">{t.updatedAt(time)}</span> : null}</p>
      <div class="actions">
        {me?.role === 'coordinator' ? <a class="button" href={`/console/campaigns/${campaignId}/edit`}>{t.editCampaign}</a> : null}
        {me?.role === 'coordinator' ? <a class="button" href={`/console/campaigns/${campaignId}/desk`}>{t.deskOpen}</a> : null}
        <a class="button" href={`/admin/api/campaigns/${campaignId}/bookings.csv?locale=${locale}`} download>{t.csvCampaign}</a>
        <a class="button" href={`/console/campaigns/${campaignId}/report`}>{t.reportOpen}</a>
      </div>
      {failure ? <p class="banner error" role="alert">{failure}</p> : null}
      {!capacity ? <p role="status">{t.loading}</p> : null}
      {capacity?.days.map((day) => (
        <section key={day.day} class="form-section" aria-labelledby={`day-${day.day}`}>
          <h2 id={`day-${day.day}`}>{formatDay(locale, day.day)}</h2>
          {day.services.map((service) => (
            <div key={service.service} class="capacity-service">
              <h3>{t.serviceNames[service.service] ?? service.service}</h3>
              <ul class="capacity-windows">
                {service.windows.map((w) => (
                  <li key={w.slotId}>
                    <button type="button" class="window-button" aria-expanded={open?.slotId === w.slotId} onClick={() => setOpen(open?.slotId === w.slotId ? undefined : { slotId: w.slotId, title: t.bookingsTitle(t.serviceNames[service.service] ?? service.service, formatDay(locale, day.day), w.start) })}>
                      <span dir="ltr">{w.start}–{w.end}</span>
                      <strong>{t.windowFigures(formatNumber(locale, w.booked), formatNumber(locale, w.capacity))}</strong>
                      {w.beyond > 0 ? <span class="beyond">{t.beyondPlaces(formatNumber(locale, w.beyond))}</span> : null}
                      <span class="visually-hidden">{t.showBookings(w.start, w.end)}</span>
                    </button>
                    <meter min={0} max={Math.max(1, w.capacity)} value={w.booked} aria-hidden="true" />
                  </li>
                ))}
              </ul>
              <p class="hint">{t.waiting(formatNumber(locale, service.waiting))}</p>
              <a href={`/console/campaigns/${campaignId}/queue?day=${day.day}&service=${encodeURIComponent(service.service)}`}>{t.queueOpen(formatNumber(locale, service.inQueue))}</a>
            </div>
          ))}
          {me?.role === 'coordinator' && capacity && day.day <= capacity.today ? <CloseDay campaignId={campaignId} day={day.day} /> : null}
        </section>
      ))}
      {open ? <WindowBookings campaignId={campaignId} window={open} version={capacity?.version ?? ''} onClose={() => setOpen(undefined)} /> : null}
    </section>
  );
}
