// The check-in desk: a code typed (or, later, scanned), the person it names at once from the day's
// bookings the desk holds, and one button that records the arrival; or, big and plain, why not.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { BatchAnswer, CheckinBody, CheckinOutcome, DeskCampaign, DeskDay, WalkInBody, WalkInOutcome } from '../../api/types.ts';
import { formatDay, formatNumber } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';
import { titleIn } from '../campaigns/campaigns.page.tsx';
import { deskDayFor, lookUpCode } from './desk-lookup.ts';
import { Result, SyncSummary, type Shown } from './desk-result.tsx';
import { dropPastDays, forgetCheckin, heldDay, holdDay, lastHeldDay, queueCheckin, queuedCheckins, queuedWalkIns } from './desk-queue.ts';
import { QrScanner } from './qr-scanner.tsx';
import { emptyDraft, nextOfFamily, readDraft, WalkInForm, type WalkInDraft, type WalkInProblems } from './walk-in-form.tsx';
import { sendWaiting, type SyncReport } from './desk-sync.ts';


/** How often a desk with check-ins waiting tries the network again, besides the browser's "online" event. */
const RETRY_MS = 10_000;

let audio: AudioContext | undefined;

/** A high short tone for a success, two low ones for a refusal: heard at a noisy gate without looking. */
function beep(ok: boolean): void {
  try {
    audio ??= new AudioContext();
    const notes = ok ? [{ at: 0, hz: 880 }] : [{ at: 0, hz: 220 }, { at: 0.18, hz: 220 }];
    for (const note of notes) {
      const tone = audio.createOscillator();
      const volume = audio.createGain();
      volume.gain.value = 0.15;
      tone.frequency.value = note.hz;
      tone.connect(volume).connect(audio.destination);
      tone.start(audio.currentTime + note.at);
      tone.stop(audio.currentTime + note.at + 0.12);
    }
  } catch {
    // No sound where the browser has none to give: the screen says it all the same.
  }
}

/** A short buzz and tone for a success, two for a refusal, where the phone can. */
function buzz(ok: boolean): void {
  beep(ok);
  try {
    navigator.vibrate?.(ok ? 80 : [80, 60, 80]);
  } catch {
    // Some browsers refuse vibration without a gesture: the screen says it all the same.
  }
}

export function DeskPage({ campaignId }: { campaignId: number }) {
  const t = useMessages();
  const { locale } = useAppState();
  const [campaign, setCampaign] = useState<DeskCampaign | null | undefined>();
  const [day, setDay] = useState<string | undefined>();
  const [held, setHeld] = useState<DeskDay | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [typed, setTyped] = useState('');
  const [shown, setShown] = useState<Shown | undefined>();
  const [sending, setSending] = useState(false);
  const [waiting, setWaiting] = useState(0);
  const [online, setOnline] = useState(navigator.onLine);
  const [report, setReport] = useState<SyncReport | undefined>();
  const [scanning, setScanning] = useState(false);
  const [draft, setDraft] = useState<WalkInDraft>(emptyDraft(''));
  const [draftProblems, setDraftProblems] = useState<WalkInProblems>({});
  const codeField = useRef<HTMLInputElement>(null);
  const arrivedButton = useRef<HTMLButtonElement>(null);
  /** Codes checked in on this device while offline, so a second scan says so without queueing again. */
  const kept = useRef(new Set<string>());

  useEffect(() => {
    // The desk reads its organisation's campaigns from the desk's own route: titles and days, no figures.
    void api<{ items: DeskCampaign[]; today: string }>('GET', '/admin/api/desk/campaigns').then(async (answer) => {
      if (answer.status === 0) {
        // Reloaded without a network: the day this device held opens as it was.
        const held = await lastHeldDay(campaignId);
        if (!held) return setFailure(t.offline);
        setCampaign(held.campaign);
        return setDay(held.day.day);
      }
      const found = answer.ok ? answer.data.items.find((c) => c.id === campaignId) : undefined;
      if (!found || !answer.ok) return setCampaign(answer.ok || answer.status === 404 ? null : undefined);
      // Days before the service's today are over: nothing of them stays on the device.
      void dropPastDays(answer.data.today);
      setCampaign(found);
      setDay(deskDayFor(answer.data.today, found.firstDay, found.lastDay));
    });
  }, [campaignId]);

  useEffect(() => {
    if (!day) return;
    setHeld(undefined);
    void api<DeskDay>('GET', `/admin/api/campaigns/${campaignId}/desk-day?day=${day}`).then(async (answer) => {
      if (answer.ok) {
        setHeld(answer.data);
        // Kept on the device for a reload while the network is down; wiped at sign-out and after the day.
        if (campaign) await holdDay(campaign, answer.data).catch(() => undefined);
        return;
      }
      const kept = answer.status === 0 ? await heldDay(campaignId, day) : undefined;
      if (kept) setHeld(kept.day);
      else setFailure(answer.status === 0 ? t.offline : t.serverError);
    });
  }, [campaignId, day, campaign]);

  // What was kept offline goes as soon as the network is back, and every few seconds while any waits.
  useEffect(() => {
    let busy = false;
    const flush = async () => {
      setOnline(navigator.onLine);
      if (busy) return;
      busy = true;
      try {
        const result = await sendWaiting({
          waiting: () => queuedCheckins(campaignId),
          post: (items: CheckinBody[]) => api<BatchAnswer>('POST', `/admin/api/campaigns/${campaignId}/checkins/batch`, { items }),
          walkIns: () => queuedWalkIns(campaignId),
          postWalkIn: (body: WalkInBody) => api<WalkInOutcome>('POST', `/admin/api/campaigns/${campaignId}/walk-ins`, body),
          forget: forgetCheckin,
        });
        if (result.sent > 0) {
          setReport(result);
          // "Kept offline" is no longer true once it is sent.
          setShown((before) => (before && 'queued' in before ? undefined : before));
        }
        setWaiting((await queuedCheckins(campaignId)).length + (await queuedWalkIns(campaignId)).length);
      } finally {
        busy = false;
      }
    };
    const wentOffline = () => setOnline(false);
    void flush();
    const timer = setInterval(() => void flush(), RETRY_MS);
    window.addEventListener('online', flush);
    window.addEventListener('offline', wentOffline);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', flush);
      window.removeEventListener('offline', wentOffline);
    };
  }, [campaignId]);

  useEffect(() => {
    if (shown && 'lookup' in shown && shown.lookup.kind === 'found') arrivedButton.current?.focus();
  }, [shown]);

  /** Kept in IndexedDB to send later; the day's list then knows the person came (a second scan says so). */
  const keep = async (item: CheckinBody) => {
    await queueCheckin({ ...item, campaignId });
    kept.current.add(item.code);
    setWaiting((n) => n + 1);
    setOnline(false);
    setHeld((before) => before && { ...before, bookings: before.bookings.map((b) => (b.code === item.code ? { ...b, status: 'attended' } : b)) });
    setShown({ queued: item.code });
    setTyped('');
    codeField.current?.focus();
    buzz(true);
  };

  const send = async (code: string) => {
    if (!day) return;
    const item: CheckinBody = { day, code, clientId: crypto.randomUUID(), at: new Date().toISOString() };
    if (!navigator.onLine) return keep(item);
    setSending(true);
    const answer = await api<CheckinOutcome>('POST', `/admin/api/campaigns/${campaignId}/checkins`, item);
    setSending(false);
    if (answer.status === 0) return keep(item);
    if (answer.ok) {
      setShown({ outcome: answer.data });
      buzz(answer.data.kind === 'checked_in' || answer.data.kind === 'already');
      if (answer.data.kind === 'checked_in' || answer.data.kind === 'already') {
        setTyped('');
        codeField.current?.focus();
      }
    } else setFailure(t.serverError);
  };

  const registerWalkIn = async () => {
    if (!day || !held) return;
    const service = draft.service || held.services[0]?.service || '';
    const read = readDraft(t, { ...draft, service }, day);
    if ('problems' in read) return setDraftProblems(read.problems);
    setDraftProblems({});
    const body: WalkInBody = { ...read.body, clientId: crypto.randomUUID(), at: new Date().toISOString() };
    const name = read.body.person.name;
    const keepWalkIn = async () => {
      await queueCheckin({ kind: 'walk_in', clientId: body.clientId, campaignId, at: body.at ?? new Date().toISOString(), body, name });
      setWaiting((n) => n + 1);
      setOnline(false);
      setShown({ walkInQueued: name });
      setDraft(nextOfFamily({ ...draft, service }));
      buzz(true);
    };
    if (!navigator.onLine) return keepWalkIn();
    setSending(true);
    const answer = await api<WalkInOutcome>('POST', `/admin/api/campaigns/${campaignId}/walk-ins`, body);
    setSending(false);
    if (answer.status === 0) return keepWalkIn();
    if (answer.ok || answer.status === 409) {
      const outcome = answer.ok ? answer.data : ({ kind: 'full', windows: [] } as WalkInOutcome);
      setShown({ walkIn: outcome });
      buzz(outcome.kind === 'walked_in');
      if (outcome.kind === 'walked_in') setDraft(nextOfFamily({ ...draft, service }));
    } else setFailure(t.serverError);
  };

  const lookUp = (event: Event) => {
    event.preventDefault();
    lookUpText(typed);
  };

  const scanned = (text: string) => {
    setScanning(false);
    setTyped(text);
    lookUpText(text);
  };

  const lookUpText = (text: string) => {
    if (!held) return;
    const lookup = lookUpCode(held, text);
    // A code this day's list does not hold: the server tells another day's, another campaign's or nobody's.
    if (lookup.kind === 'ask_server') return void send(lookup.code);
    if (lookup.kind === 'found' && kept.current.has(lookup.code)) {
      // Kept here while offline: said at once, nothing queued twice.
      setShown({ queued: lookup.code });
      return;
    }
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
      {!online || waiting > 0 ? (
        <p class={online ? 'banner info' : 'banner offline'} role="status">{online ? t.deskWaiting(formatNumber(locale, waiting)) : t.deskOfflineWaiting(formatNumber(locale, waiting))}</p>
      ) : null}
      {report ? <SyncSummary t={t} locale={locale} report={report} /> : null}
      <form class="desk-form" onSubmit={lookUp} noValidate>
        <label for="desk-code">{t.deskCode}</label>
        <p class="hint" id="desk-code-hint">{t.deskCodeHint}</p>
        <div class="desk-entry">
          <input id="desk-code" ref={codeField} dir="ltr" inputMode="text" autoComplete="off" autoCapitalize="characters" spellcheck={false} aria-describedby="desk-code-hint" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
          <button type="submit" disabled={!held}>{t.deskLookUp}</button>
        </div>
        {scanning ? (
          <QrScanner t={t} onCode={scanned} onClose={() => setScanning(false)} />
        ) : (
          <button type="button" class="desk-scan" disabled={!held} onClick={() => setScanning(true)}>{t.deskScan}</button>
        )}
        <p class="hint" role="status">{held ? t.deskBookingsHeld(formatNumber(locale, held.bookings.filter((b) => b.status !== 'cancelled').length)) : t.deskLoadingDay}</p>
      </form>
      <section aria-label={t.deskResult} aria-live="polite" class="desk-result">
        {shown ? <Result t={t} shown={shown} sending={sending} arrivedButton={arrivedButton} onArrived={(code) => void send(code)} locale={locale} /> : null}
      </section>
      {held && held.services.length > 0 ? (
        <WalkInForm
          t={t}
          services={held.services.map((x) => x.service)}
          draft={{ ...draft, service: draft.service || held.services[0]?.service || '' }}
          problems={draftProblems}
          sending={sending}
          onChange={setDraft}
          onSubmit={() => void registerWalkIn()}
        />
      ) : null}
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
