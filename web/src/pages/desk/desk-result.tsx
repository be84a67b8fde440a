// What the desk shows after a code: the person it names, the server's answer, or an arrival kept to send
// later; and the summary once the kept arrivals are sent.
import type { CheckinOutcome, WalkInOutcome } from '../../api/types.ts';
import { formatDay, formatNumber, formatTime, isolate, type Messages } from '../../i18n/index.ts';
import type { Lookup } from './desk-lookup.ts';
import type { SyncReport } from './desk-sync.ts';

/** A code as it is read aloud, never broken across two lines: 'K7F3QX' -> 'K7F‑3QX' (a non-breaking hyphen). */
const readable = (code: string) => `${code.slice(0, 3)}\u2011${code.slice(3)}`;

/** A window as one unbreakable piece: '09:00–12:00' never split across lines (word joiners around the dash). */
const span = (w: { start: string; end: string }) => `${w.start}\u2060–\u2060${w.end}`;

/** What the result area shows: a lookup, the server's answer, or an arrival kept to send later. */
export type Shown = { lookup: Lookup } | { outcome: CheckinOutcome } | { queued: string } | { walkIn: WalkInOutcome } | { walkInQueued: string };

interface ResultProps {
  t: Messages;
  locale: 'fr' | 'ar';
  shown: Shown;
  sending: boolean;
  arrivedButton: { current: HTMLButtonElement | null };
  onArrived: (code: string) => void;
}

export function Result({ t, locale, shown, sending, arrivedButton, onArrived }: ResultProps) {
  const service = (code: string) => t.serviceNames[code] ?? code;
  const refusal = (text: string) => <p class="desk-answer refused" role="alert">{text}</p>;
  if ('walkInQueued' in shown) return <p class="desk-answer arrived desk-big" role="status">{t.walkInQueued(isolate(shown.walkInQueued))}</p>;
  if ('walkIn' in shown) {
    const w = shown.walkIn;
    if (w.kind === 'full') return refusal(t.walkInFull);
    if (w.kind === 'erased') return refusal(t.deskUnknown);
    return (
      <div class="desk-answer arrived" role="status">
        <p class="desk-big">{t.walkInDone(isolate(w.person.name ?? ''), isolate(readable(w.code)), service(w.service), isolate(span(w.window)))}</p>
        {w.overCapacity ? <p>{t.walkInOverNote}</p> : null}
        {w.fasting ? <p class="desk-fasting">{t.deskFasting}</p> : null}
      </div>
    );
  }
  if ('queued' in shown) return <p class="desk-answer arrived desk-big" role="status">{t.deskQueued(isolate(readable(shown.queued)))}</p>;
  if ('outcome' in shown) {
    const o = shown.outcome;
    switch (o.kind) {
      case 'checked_in':
        return (
          <div class="desk-answer arrived" role="status">
            <p class="desk-big">{t.deskCheckedIn(formatTime(locale, o.arrivedAt))}</p>
            <p><bdi>{o.person.name ?? ''}</bdi> · {t.deskQueue(service(o.service), isolate(span(o.window)))}</p>
            {o.fasting ? <p class="desk-fasting">{t.deskFasting}</p> : null}
          </div>
        );
      case 'already':
        return (
          <div class="desk-answer arrived" role="status">
            <p class="desk-big">{t.deskAlready(formatTime(locale, o.at), o.by ? isolate(o.by) : '')}</p>
            <p><bdi>{o.person.name ?? ''}</bdi> · {t.deskQueue(service(o.service), isolate(span(o.window)))}</p>
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
        <div><dt>{t.deskCodeLabel}</dt><dd><bdi dir="ltr">{readable(lookup.code)}</bdi></dd></div>
      </dl>
      {lookup.fasting ? <p class="desk-fasting">{t.deskFasting}</p> : null}
      {b.status === 'attended' ? <p class="hint">{t.deskMarkedBefore}</p> : null}
      <button type="button" class="desk-arrived" ref={arrivedButton} disabled={sending} onClick={() => onArrived(lookup.code)}>{t.deskArrived}</button>
    </article>
  );
}

export function SyncSummary({ t, locale, report }: { t: Messages; locale: 'fr' | 'ar'; report: SyncReport }) {
  return (
    <div class="banner success" role="status">
      <p>{t.deskSent(formatNumber(locale, report.sent))}</p>
      {report.full.length > 0 ? <p class="desk-fasting">{t.walkInFullLater(report.full.map(isolate).join(', '))}</p> : null}
      {report.already.length > 0 ? (
        <ul>
          {report.already.map((a) => (
            <li key={a.appointmentId}>
              <bdi>{a.person.name ?? a.code}</bdi>: {t.deskAlready(formatTime(locale, a.at), a.by ? isolate(a.by) : '')}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
