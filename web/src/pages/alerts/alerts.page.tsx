// The medical staff's alerts on a phone: open ones, those nobody took first and the most serious first,
// each saying who, which operation, which day after it, and why. Read again every 15 seconds so a new
// alert shows without a reload.
import { useRef, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { usePoll } from '../../api/poll.ts';
import type { AlertList, AlertSummary } from '../../api/types.ts';
import type { Locale, Messages } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';
import { titleIn, titleLang } from '../campaigns/campaigns.page.tsx';
import { alertReason, dateTime, dayAfter, isolate } from './alert-words.ts';
import './alerts.css';

const POLL_MS = 15_000;

export function AlertsPage() {
  const t = useMessages();
  const { locale } = useAppState();
  const [first, setFirst] = useState<AlertList | undefined>();
  const [more, setMore] = useState<AlertSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | undefined>();
  // Read by the poll's callback, which keeps the first render's state: once older pages are shown, their cursor stays.
  const loadedMore = useRef(false);

  usePoll<AlertList>('/admin/api/alerts', POLL_MS, (answer) => {
    if (!answer.ok) return setFailure(answer.status === 0 ? t.offline : t.serverError);
    setFailure(undefined);
    setFirst(answer.data);
    if (!loadedMore.current) setCursor(answer.data.nextCursor);
  });

  const loadMore = async () => {
    if (!cursor) return;
    const answer = await api<AlertList>('GET', `/admin/api/alerts?cursor=${encodeURIComponent(cursor)}`);
    if (!answer.ok) return setFailure(answer.status === 0 ? t.offline : t.serverError);
    loadedMore.current = true;
    setMore((shown) => [...shown, ...answer.data.items]);
    setCursor(answer.data.nextCursor);
  };

  const firstIds = new Set(first?.items.map((a) => a.id));
  const alerts = [...(first?.items ?? []), ...more.filter((a) => !firstIds.has(a.id))];
  return (
    <section aria-labelledby="alerts-title" class="alerts">
      <h1 id="alerts-title">{t.alertsTitle}</h1>
      <p class="hint">{t.alertsIntro}</p>
      {failure ? <p class="banner error" role="alert">{failure}</p> : null}
      {!first && !failure ? <p role="status">{t.loading}</p> : null}
      {first && !alerts.length ? <p class="banner info">{t.alertsEmpty}</p> : null}
      {alerts.length ? <ol class="alert-list" aria-labelledby="alerts-title">{alerts.map((a) => <AlertCard key={a.id} t={t} locale={locale} alert={a} />)}</ol> : null}
      {cursor ? <button type="button" onClick={() => void loadMore()}>{t.alertsMore}</button> : null}
    </section>
  );
}

function AlertCard({ t, locale, alert: a }: { t: Messages; locale: Locale; alert: AlertSummary }) {
  const nameId = `alert-${a.id}`;
  return (
    <li class={`alert-card ${a.seriousness}${a.acknowledged ? ' taken' : ''}`} aria-labelledby={nameId}>
      <p class="alert-head">
        <span class={`alert-badge ${a.seriousness}`}>{t.alertSeriousness[a.seriousness]}</span>
        {a.dayAfterSurgery !== null ? <span class="alert-day"><bdi>{dayAfter(t, locale, a.dayAfterSurgery)}</bdi></span> : null}
      </p>
      <p class="alert-name" id={nameId}>
        <a href={`/console/alerts/${a.id}`}><bdi>{a.patient ?? t.alertTitle(String(a.id))}</bdi></a>
      </p>
      <p class="alert-reason">{alertReason(t, a)}</p>
      <p class="hint">
        {t.serviceNames[a.service] ?? a.service} · <bdi lang={titleLang(locale, { title: a.campaignTitle })}>{titleIn(locale, { title: a.campaignTitle })}</bdi>
      </p>
      <p class="hint">{t.alertRaisedAt(dateTime(locale, a.createdAt))}</p>
      <p class={a.acknowledged ? 'alert-taken' : 'alert-open'}>{a.acknowledged ? t.alertTakenBy(isolate(a.acknowledged.by), dateTime(locale, a.acknowledged.at)) : t.alertNotTaken}</p>
    </li>
  );
}
