// The coordinators' broadcasts: the composer with its live count and preview, the progress of the one
// being sent (?id= in the address, so a reload keeps it), and the past ones with their figures.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { BroadcastList, CampaignPage, CampaignSummary } from '../../api/types.ts';
import { formatNumber, TIME_ZONE } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';
import { Composer } from './broadcast-composer.tsx';
import { shownStatus } from './broadcast-form.model.ts';
import { ProgressPanel } from './broadcast-progress.tsx';

const readId = () => {
  const id = Number(new URLSearchParams(location.search).get('id'));
  return Number.isInteger(id) && id > 0 ? id : undefined;
};

export function BroadcastsPage() {
  const t = useMessages();
  const { locale, me } = useAppState();
  const [campaigns, setCampaigns] = useState<CampaignSummary[]>([]);
  const [past, setPast] = useState<BroadcastList | undefined>();
  const [current, setCurrent] = useState<number | undefined>(readId);
  const [tick, setTick] = useState(0);

  useEffect(() => void api<CampaignPage>('GET', '/admin/api/campaigns?limit=100').then((a) => a.ok && setCampaigns(a.data.items)), []);
  useEffect(() => void api<BroadcastList>('GET', '/admin/api/broadcasts?limit=20').then((a) => a.ok && setPast(a.data)), [tick, current]);

  const open = (id: number) => {
    setCurrent(id);
    history.replaceState(null, '', `${location.pathname}?id=${id}`);
  };
  const n = (x: number | null) => formatNumber(locale, x ?? 0);
  const date = (iso: string) => new Intl.DateTimeFormat(locale === 'ar' ? 'ar-MA' : 'fr-MA', { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  // Broadcasts are the coordinators' (the API refuses others too).
  if (me?.role !== 'coordinator') return <p class="banner error" role="alert">{t.notFoundBody}</p>;
  return (
    <section aria-labelledby="bc-title" class="broadcasts">
      <h1 id="bc-title">{t.bcTitle}</h1>
      <p class="hint">{t.bcIntro}</p>
      {current ? <ProgressPanel key={current} t={t} locale={locale} id={current} onChange={() => setTick((x) => x + 1)} /> : null}
      <Composer t={t} locale={locale} campaigns={campaigns} onSent={open} />
      <h2 id="bc-past">{t.bcPast}</h2>
      {past && past.items.length === 0 ? <p>{t.bcNoPast}</p> : null}
      {past ? (
        <ul class="cards" aria-labelledby="bc-past">
          {past.items.map((b) => (
            <li key={b.id} class="card">
              <p class="past-text" dir="auto">{b.text}</p>
              <p class="hint">{date(b.scheduledAt)} · {t.bcStatus[shownStatus({ status: b.status, waiting: b.figures.waiting })]}</p>
              <p>{t.bcPastFigures(n(b.figures.sent), n(b.figures.failed), n(b.targeted))}</p>
              <button type="button" class="link-button" onClick={() => open(b.id)} aria-label={`${t.bcOpen} ${b.id}`}>{t.bcOpen}</button>
            </li>
          ))}
        </ul>
      ) : <p role="status">{t.loading}</p>}
    </section>
  );
}
