// A service's queue at the venue, for the doctor's side on a phone: pick the day and service, call people
// in order, tap "seen" (and "operated" in surgery, which starts the check-ins by message); the seen move
// below. Asked again every 5 seconds, as the desk keeps checking people in.
import { useEffect, useState } from 'preact/hooks';
import { isWaiting } from '../../../../src/domain/venue/queue-order.ts';
import { api } from '../../api/client.ts';
import { usePoll } from '../../api/poll.ts';
import type { CampaignCapacity, CampaignSummary, QueuedPerson, Seen, ServiceQueue } from '../../api/types.ts';
import { formatNumber, formatShortDay, formatTime, isolate, type Locale, type Messages } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';
import { titleIn, titleLang } from '../campaigns/campaigns.page.tsx';
import { deskDayFor } from '../desk/desk-lookup.ts';

const POLL_MS = 5000;
/** The service whose people are operated: its staff also mark "operated". */
const SURGERY = 'surgery';


/** The day and service of the address (?day=&service=), kept there so a reload or a shared link opens the same queue. */
function readChoice(): { day?: string; service?: string } {
  const query = new URLSearchParams(location.search);
  return { day: query.get('day') ?? undefined, service: query.get('service') ?? undefined };
}

export function QueuePage({ campaignId }: { campaignId: number }) {
  const t = useMessages();
  const { locale } = useAppState();
  const [campaign, setCampaign] = useState<CampaignSummary | null | undefined>();
  const [capacity, setCapacity] = useState<CampaignCapacity | undefined>();
  const [choice, setChoice] = useState(readChoice);
  const [queue, setQueue] = useState<ServiceQueue | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [busy, setBusy] = useState<number | undefined>();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    void api<CampaignSummary>('GET', `/admin/api/campaigns/${campaignId}`).then((a) => setCampaign(a.ok ? a.data : a.status === 404 ? null : undefined));
    void api<CampaignCapacity>('GET', `/admin/api/campaigns/${campaignId}/capacity`).then((a) => (a.ok ? setCapacity(a.data) : setFailure(a.status === 0 ? t.offline : t.serverError)));
  }, [campaignId]);

  const days = capacity?.days ?? [];
  const day = choice.day && days.some((d) => d.day === choice.day) ? choice.day : days.length ? deskDayFor(capacity?.today ?? '', days[0]?.day ?? '', days.at(-1)?.day ?? '') : undefined;
  const services = days.find((d) => d.day === day)?.services.map((s) => s.service) ?? [];
  const service = choice.service && services.includes(choice.service) ? choice.service : services[0];

  const choose = (next: { day?: string; service?: string }) => {
    setChoice(next);
    setQueue(undefined);
    setNotice(undefined);
    const query = new URLSearchParams(Object.entries(next).filter((e): e is [string, string] => e[1] !== undefined));
    history.replaceState(null, '', `${location.pathname}?${query.toString()}`);
  };

  usePoll<ServiceQueue>(day && service ? `/admin/api/campaigns/${campaignId}/queue?day=${day}&service=${encodeURIComponent(service)}` : undefined, POLL_MS, (answer) => {
    if (answer.ok) {
      setQueue(answer.data);
      setFailure(undefined);
    } else setFailure(answer.status === 0 ? t.offline : answer.status === 404 ? t.campaignMissing : t.serverError);
  }, [tick]);

  /** One tap at a time per person; the queue is read again at once so the person moves. */
  const act = async (person: QueuedPerson, what: 'seen' | 'operated') => {
    setBusy(person.appointmentId);
    const url = `/admin/api/appointments/${person.appointmentId}/${what === 'seen' ? 'seen' : 'procedure-done'}`;
    const answer = what === 'seen' ? await api<Seen>('POST', url) : await api<{ checkins: string[] }>('POST', url);
    setBusy(undefined);
    // 404: marked already from another phone (operated twice is refused); the queue read again shows it.
    if (!answer.ok && answer.status !== 404) return setFailure(answer.status === 0 ? t.offline : t.serverError);
    if (answer.ok && 'checkins' in answer.data) setNotice(t.queueCheckinsStart(isolate(person.name ?? person.code), formatNumber(locale, answer.data.checkins.length)));
    setTick((n) => n + 1);
  };

  if (campaign === null) return <p class="banner error" role="alert">{t.campaignMissing}</p>;
  const waiting = queue?.people.filter(isWaiting) ?? [];
  const seen = queue?.people.filter((p) => !isWaiting(p)) ?? [];
  const card = (person: QueuedPerson) => <QueueCard key={person.appointmentId} t={t} locale={locale} person={person} surgery={service === SURGERY} busy={busy === person.appointmentId} onAct={(what) => void act(person, what)} />;
  return (
    <section aria-labelledby="queue-title" class="queue">
      <h1 id="queue-title">{t.queueTitle}</h1>
      {campaign ? <p class="desk-campaign" lang={titleLang(locale, campaign)}>{titleIn(locale, campaign)}</p> : null}
      <div class="queue-choice">
        <p class="field">
          <label for="queue-day">{t.queueDay}</label>
          <select id="queue-day" value={day} onChange={(e) => choose({ day: e.currentTarget.value })}>
            {days.map((d) => <option key={d.day} value={d.day}>{formatShortDay(locale, d.day)}</option>)}
          </select>
        </p>
        <p class="field">
          <label for="queue-service">{t.queueService}</label>
          <select id="queue-service" value={service} onChange={(e) => choose({ day, service: e.currentTarget.value })}>
            {services.map((s) => <option key={s} value={s}>{t.serviceNames[s] ?? s}</option>)}
          </select>
        </p>
      </div>
      <p class="hint">{t.queueIntro}</p>
      {failure ? <p class="banner error" role="alert">{failure}</p> : null}
      {notice ? <p class="banner success" role="status">{notice}</p> : null}
      {capacity && !services.length ? <p>{t.queueNoService}</p> : null}
      {!queue && services.length ? <p role="status">{t.loading}</p> : null}
      {queue ? (
        <>
          <h2 id="queue-waiting">{t.queueToSee} <span class="queue-count" role="status">{t.queueWaiting(formatNumber(locale, queue.waiting))}</span></h2>
          {waiting.length ? <ol class="queue-list" aria-labelledby="queue-waiting">{waiting.map(card)}</ol> : <p>{t.queueEmpty}</p>}
          <h2 id="queue-seen">{t.queueSeenTitle}</h2>
          {seen.length ? <ul class="queue-list seen" aria-labelledby="queue-seen">{seen.map(card)}</ul> : <p>{t.queueNoneSeen}</p>}
        </>
      ) : null}
    </section>
  );
}

interface CardProps {
  t: Messages;
  locale: Locale;
  person: QueuedPerson;
  surgery: boolean;
  busy: boolean;
  onAct: (what: 'seen' | 'operated') => void;
}

function QueueCard({ t, locale, person: p, surgery, busy, onAct }: CardProps) {
  const facts = [p.age === null ? undefined : t.deskYears(formatNumber(locale, p.age)), p.sex ? t.sexNames[p.sex] : undefined, p.commune ?? undefined].filter((f) => f !== undefined);
  const nameId = `queue-person-${p.appointmentId}`;
  return (
    <li class="queue-person" aria-labelledby={nameId}>
      <p class="queue-name" id={nameId}>{p.name ?? p.code}</p>
      <p>{facts.join(' · ')}</p>
      <p class="hint">
        {t.queueWindow(isolate(`${p.window.start}\u2060–\u2060${p.window.end}`))}
        {p.arrivedAt ? <> · {t.queueArrivedAt(formatTime(locale, p.arrivedAt))}</> : null}
        {p.walkIn ? <> · <strong>{t.queueWalkIn}</strong></> : null}
      </p>
      {p.seenAt ? <p class="queue-done">{t.queueSeenAt(formatTime(locale, p.seenAt))}</p> : null}
      {p.procedureDoneAt ? <p class="queue-done">{t.queueOperatedAt(formatTime(locale, p.procedureDoneAt))}</p> : null}
      <div class="queue-actions">
        {p.seenAt || p.procedureDoneAt ? null : <button type="button" class="queue-button" disabled={busy} onClick={() => onAct('seen')}>{t.queueSeen}</button>}
        {surgery && !p.procedureDoneAt ? <button type="button" class="queue-button operated" disabled={busy} onClick={() => onAct('operated')}>{t.queueOperated}</button> : null}
      </div>
    </li>
  );
}
