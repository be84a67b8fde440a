// The check-in desk: a code typed (or, later, scanned), the person it names at once from the day's
// bookings the desk holds, and one button that records the arrival; or, big and plain, why not.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { CampaignSummary, CheckinOutcome, DeskDay } from '../../api/types.ts';
import { formatDay, formatNumber, TIME_ZONE, type Messages } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';
import { titleIn } from '../campaigns/campaigns.page.tsx';
import { deskDayFor, lookUpCode, type Lookup } from './desk-lookup.ts';

/** A value inside a sentence of the other direction (a Latin name in Arabic) keeps its own order. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** Today in Morocco as YYYY-MM-DD. */
const todayHere = () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());

type Shown = { lookup: Lookup } | { outcome: CheckinOutcome } | { offline: true };

/** A short buzz for a success, two for a refusal, where the phone can. */
function buzz(ok: boolean): void {
  try {
    navigator.vibrate?.(ok ? 80 : [80, 60, 80]);
  } catch {
    // Some browsers refuse vibration without a gesture: the screen says it all the same.
  }
}

export function DeskPage({ campaignId }: { campaignId: number }) {
  const t = useMessages();
  const { locale } = useAppState();
  const [campaign, setCampaign] = useState<CampaignSummary | null | undefined>();
  const [day, setDay] = useState<string | undefined>();
  const [held, setHeld] = useState<DeskDay | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [typed, setTyped] = useState('');
  const [shown, setShown] = useState<Shown | undefined>();
  const [sending, setSending] = useState(false);
  const codeField = useRef<HTMLInputElement>(null);
  const arrivedButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void api<CampaignSummary>('GET', `/admin/api/campaigns/${campaignId}`).then((answer) => {
      if (!answer.ok) return setCampaign(null);
      setCampaign(answer.data);
      setDay(deskDayFor(todayHere(), answer.data.firstDay, answer.data.lastDay));
    });
  }, [campaignId]);

  useEffect(() => {
    if (!day) return;
    setHeld(undefined);
    void api<DeskDay>('GET', `/admin/api/campaigns/${campaignId}/desk-day?day=${day}`).then((answer) => {
      if (answer.ok) setHeld(answer.data);
      else setFailure(answer.status === 0 ? t.offline : t.serverError);
    });
  }, [campaignId, day]);

  useEffect(() => {
    if (shown && 'lookup' in shown && shown.lookup.kind === 'found') arrivedButton.current?.focus();
  }, [shown]);

  const send = async (code: string) => {
    if (!day) return;
    setSending(true);
    const answer = await api<CheckinOutcome>('POST', `/admin/api/campaigns/${campaignId}/checkins`, { day, code, clientId: crypto.randomUUID(), at: new Date().toISOString() });
    setSending(false);
    if (answer.ok) {
      setShown({ outcome: answer.data });
      buzz(answer.data.kind === 'checked_in' || answer.data.kind === 'already');
      if (answer.data.kind === 'checked_in' || answer.data.kind === 'already') {
        setTyped('');
        codeField.current?.focus();
      }
    } else if (answer.status === 0) {
      setShown({ offline: true });
      buzz(false);
    } else setFailure(t.serverError);
  };

  const lookUp = (event: Event) => {
    event.preventDefault();
    if (!held) return;
    const lookup = lookUpCode(held, typed);
    // A code this day's list does not hold: the server tells another day's, another campaign's or nobody's.
    if (lookup.kind === 'ask_server') return void send(lookup.code);
    setShown({ lookup });
    buzz(lookup.kind === 'found');
  };

  if (campaign === null) return <p class="banner error" role="alert">{t.campaignMissing}</p>;
  const days = campaign ? campaignDays(campaign.firstDay, campaign.lastDay) : [];
  return (
    <section aria-labelledby="desk-title" class="desk">
      <h1 id="desk-title">{t.deskTitle}</h1>
      {campaign ? <p class="desk-campaign">{titleIn(locale, campaign)}</p> : null}
      {days.length > 1 ? (
        <p class="field">
          <label for="desk-day">{t.deskDay}</label>
          <select id="desk-day" value={day} onChange={(e) => setDay(e.currentTarget.value)}>
            {days.map((d) => <option key={d} value={d}>{formatDay(locale, d)}</option>)}
          </select>
        </p>
      ) : day ? <p>{formatDay(locale, day)}</p> : null}
      {failure ? <p class="banner error" role="alert">{failure}</p> : null}
      <form class="desk-form" onSubmit={lookUp} noValidate>
        <label for="desk-code">{t.deskCode}</label>
        <p class="hint" id="desk-code-hint">{t.deskCodeHint}</p>
        <div class="desk-entry">
          <input id="desk-code" ref={codeField} dir="ltr" inputMode="text" autoComplete="off" autoCapitalize="characters" spellcheck={false} aria-describedby="desk-code-hint" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
          <button type="submit" disabled={!held}>{t.deskLookUp}</button>
        </div>
        <p class="hint" role="status">{held ? t.deskBookingsHeld(formatNumber(locale, held.bookings.filter((b) => b.status !== 'cancelled').length)) : t.deskLoadingDay}</p>
      </form>
      <section aria-label={t.deskResult} aria-live="polite" class="desk-result">
        {shown ? <Result t={t} shown={shown} sending={sending} arrivedButton={arrivedButton} onArrived={(code) => void send(code)} locale={locale} /> : null}
      </section>
    </section>
  );
}

function campaignDays(first: string, last: string): string[] {
  const days: string[] = [];
  for (let at = new Date(`${first}T12:00:00Z`); days.length < 62; at = new Date(at.getTime() + 86_400_000)) {
    const day = at.toISOString().slice(0, 10);
    if (day > last) break;
    days.push(day);
  }
  return days;
}

interface ResultProps {
  t: Messages;
  locale: 'fr' | 'ar';
  shown: Shown;
  sending: boolean;
  arrivedButton: { current: HTMLButtonElement | null };
  onArrived: (code: string) => void;
}

const clock = (locale: 'fr' | 'ar', iso: string) => new Intl.DateTimeFormat(locale === 'ar' ? 'ar-MA' : 'fr-MA', { timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));

function Result({ t, locale, shown, sending, arrivedButton, onArrived }: ResultProps) {
  const service = (code: string) => t.serviceNames[code] ?? code;
  const refusal = (text: string) => <p class="desk-answer refused" role="alert">{text}</p>;
  if ('offline' in shown) return refusal(t.deskOffline);
  if ('outcome' in shown) {
    const o = shown.outcome;
    switch (o.kind) {
      case 'checked_in':
        return (
          <div class="desk-answer arrived" role="status">
            <p class="desk-big">{t.deskCheckedIn(clock(locale, o.arrivedAt))}</p>
            <p><bdi>{o.person.name ?? ''}</bdi> · {t.deskQueue(service(o.service), isolate(`${o.window.start}–${o.window.end}`))}</p>
            {o.fasting ? <p class="desk-fasting">{t.deskFasting}</p> : null}
          </div>
        );
      case 'already':
        return (
          <div class="desk-answer arrived" role="status">
            <p class="desk-big">{t.deskAlready(clock(locale, o.at), o.by ? isolate(o.by) : '')}</p>
            <p><bdi>{o.person.name ?? ''}</bdi> · {t.deskQueue(service(o.service), isolate(`${o.window.start}–${o.window.end}`))}</p>
          </div>
        );
      case 'other_day':
        return refusal(t.deskOtherDay(formatDay(locale, o.day), service(o.service)));
      case 'other_campaign':
        return refusal(t.deskOtherCampaign(isolate(o.title)));
      case 'cancelled':
        return refusal(t.deskCancelled);
      case 'unknown':
        return refusal(t.deskUnknown);
    }
  }
  const lookup = shown.lookup;
  if (lookup.kind === 'malformed') return refusal(t.deskMalformed);
  if (lookup.kind === 'cancelled') return refusal(t.deskCancelled);
  if (lookup.kind === 'ask_server') return null;
  const b = lookup.booking;
  return (
    <article class="desk-person" aria-labelledby="desk-person-name">
      <h2 id="desk-person-name"><bdi>{b.name ?? ''}</bdi></h2>
      <dl class="desk-facts">
        <div><dt>{t.deskAge}</dt><dd>{b.age === null ? '—' : t.deskYears(formatNumber(locale, b.age))}</dd></div>
        <div><dt>{t.deskSex}</dt><dd>{b.sex ? t.sexNames[b.sex] : '—'}</dd></div>
        <div><dt>{t.deskCommune}</dt><dd><bdi>{b.commune ?? '—'}</bdi></dd></div>
        <div><dt>{t.deskService}</dt><dd>{service(b.service)}</dd></div>
        <div><dt>{t.deskWindow}</dt><dd><bdi dir="ltr">{b.window.start}–{b.window.end}</bdi></dd></div>
        <div><dt>{t.deskCodeLabel}</dt><dd><bdi dir="ltr">{lookup.code.slice(0, 3)}-{lookup.code.slice(3)}</bdi></dd></div>
      </dl>
      {lookup.fasting ? <p class="desk-fasting">{t.deskFasting}</p> : null}
      {b.status === 'attended' ? <p class="hint">{t.deskMarkedBefore}</p> : null}
      <button type="button" class="desk-arrived" ref={arrivedButton} disabled={sending} onClick={() => onArrived(lookup.code)}>{t.deskArrived}</button>
    </article>
  );
}
