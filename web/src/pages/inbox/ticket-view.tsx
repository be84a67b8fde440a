// One conversation: who writes (phone masked until asked for, which the server records), their people and
// appointments, the lines with their times and how far each answer went, and what staff can do: take it
// or give it, answer, note, close. The platform admin reads only.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { TicketDetail, TicketPhone, TimelineEntry, TimelineVoice } from '../../api/types.ts';
import { formatDay, type Messages } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { useAppState, useMessages } from '../../store.ts';
import { titleIn } from '../campaigns/campaigns.page.tsx';
import { when } from './inbox-format.ts';
import { TicketActions } from './ticket-actions.tsx';
import { TicketComposer } from './ticket-composer.tsx';

export function TicketView({ ticketId, version }: { ticketId: number; version: string }) {
  const t = useMessages();
  const { me, locale } = useAppState();
  const [ticket, setTicket] = useState<TicketDetail | null | undefined>();
  const [phone, setPhone] = useState<string | undefined>();
  const [tick, setTick] = useState(0);
  const canAct = me?.role === 'coordinator' || me?.role === 'medical';

  useEffect(() => {
    void api<TicketDetail>('GET', `/admin/api/inbox/tickets/${ticketId}`).then((a) => (a.ok ? setTicket(a.data) : a.status === 404 ? setTicket(null) : undefined));
    // Opening it reads it for this member (the platform admin's view changes nothing).
    if (canAct) void api('POST', `/admin/api/inbox/tickets/${ticketId}/read`);
  }, [ticketId, version, tick]);
  useEffect(() => document.getElementById('ticket-title')?.focus(), [ticketId]);

  const back = <a href="/console/inbox" class="inbox-back">{t.inboxBack}</a>;
  if (ticket === null) return <>{back}<p class="banner info" role="status">{t.inboxMissing}</p></>;
  if (!ticket) return <p role="status">{t.loading}</p>;
  const name = ticket.people[0]?.name ?? t.inboxNobody;
  const showPhone = async () => {
    const answer = await api<TicketPhone>('GET', `/admin/api/inbox/tickets/${ticketId}/phone`);
    if (answer.ok && answer.data.phone) setPhone(answer.data.phone);
  };

  return (
    <article aria-labelledby="ticket-title" class="ticket">
      {back}
      <h2 id="ticket-title" tabIndex={-1}><bdi>{name}</bdi></h2>
      <p class="tags">
        {ticket.urgent ? <span class="tag urgent">{t.inboxUrgent}</span> : null}
        <span class="tag">{t.inboxReasons[ticket.reason] ?? ticket.reason}</span>
        <span class="hint">{t.inboxOpenedAt(when(locale, ticket.openedAt))}</span>
      </p>
      {ticket.contact.optedOut ? <p class="banner error">{t.inboxOptedOut}</p> : null}
      {canAct ? <TicketActions ticket={ticket} onDone={(closed) => (closed ? navigate('/inbox') : setTick((n) => n + 1))} /> : <p class="banner info">{t.inboxReadOnly}</p>}

      <section aria-labelledby="timeline-title" class="form-section">
        <h3 id="timeline-title">{t.inboxConversation}</h3>
        <ol class="timeline">{ticket.timeline.map((entry) => <Line key={entry.key} entry={entry} t={t} at={when(locale, entry.at)} who={name} />)}</ol>
        {canAct ? <TicketComposer ticket={ticket} onSent={() => setTick((n) => n + 1)} /> : null}
      </section>

      <section aria-labelledby="who-title" class="form-section">
        <h3 id="who-title">{t.inboxWho}</h3>
        <dl class="details">
          <div><dt>{t.inboxChannel}</dt><dd>{ticket.contact.channel ? t.inboxChannels[ticket.contact.channel] ?? ticket.contact.channel : '—'}</dd></div>
          <div><dt>{t.inboxLanguage}</dt><dd>{t.inboxLanguages[ticket.contact.locale] ?? ticket.contact.locale}</dd></div>
          <div class="wide">
            <dt>{t.phone}</dt>
            <dd>
              <bdi class="phone" dir="ltr">{phone ?? ticket.contact.phoneMasked ?? '—'}</bdi>
              {ticket.contact.phoneMasked && !phone ? <button type="button" class="link-button" onClick={() => void showPhone()}>{t.showPhone}</button> : null}
            </dd>
          </div>
        </dl>
        <h4>{t.inboxPeople}</h4>
        {ticket.people.length === 0 ? <p>{t.inboxNoPeople}</p> : (
          <ul class="plain">
            {ticket.people.map((p, i) => (
              <li key={i}><bdi>{p.name ?? '—'}</bdi> · {t.inboxRelations[p.relation] ?? p.relation}{p.birthYear ? ` · ${t.inboxBorn(String(p.birthYear))}` : ''}{p.commune ? <> · <bdi>{p.commune}</bdi></> : null}</li>
            ))}
          </ul>
        )}
        <h4>{t.inboxAppointments}</h4>
        {ticket.appointments.length === 0 ? <p>{t.inboxNoAppointments}</p> : (
          <ul class="plain">
            {ticket.appointments.map((a) => (
              <li key={a.code}>
                <bdi>{a.name ?? '—'}</bdi> · {t.serviceNames[a.service] ?? a.service} · {formatDay(locale, a.day)} <bdi dir="ltr">{a.start}</bdi> · {t.statusNames[a.status] ?? a.status} · <bdi>{titleIn(locale, { title: a.campaign })}</bdi> · <bdi class="code">{a.code}</bdi>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function Line({ entry, t, at, who }: { entry: TimelineEntry; t: Messages; at: string; who: string }) {
  return (
    <li class={`line ${entry.author}`}>
      <span class="line-who">{t.inboxAuthors[entry.author]}{entry.staff ? <> · <bdi>{entry.staff}</bdi></> : null}</span>
      {entry.voice ? <VoiceNote voice={entry.voice} t={t} who={who} /> : <p dir="auto">{entry.text}</p>}
      <span class="line-meta">
        <time dateTime={entry.at}>{at}</time>
        {entry.delivery ? <> · <span class={`delivery ${entry.delivery}`}>{t.inboxDelivery[entry.delivery]}</span></> : null}
        {entry.error ? <> · <span dir="auto">{entry.error}</span></> : null}
      </span>
    </li>
  );
}

/** A villager's voice note: the player (the audio comes from the server with the session cookie), or why it did not arrive. */
function VoiceNote({ voice, t, who }: { voice: TimelineVoice; t: Messages; who: string }) {
  if (voice.failure !== null) return <p class="voice-failed" role="note">{t.inboxVoiceFailed[voice.failure] ?? t.inboxVoice}</p>;
  const seconds = voice.durationSeconds !== null ? ` · ${t.inboxVoiceSeconds(String(Math.round(voice.durationSeconds)))}` : '';
  return (
    <figure class="voice">
      <figcaption>{t.inboxVoice}{seconds}</figcaption>
      {/* The player's time line reads left to right in every language, as on the villager's phone. */}
      <audio controls preload="metadata" dir="ltr" src={`/admin/api/inbox/voice-notes/${voice.id}`} aria-label={t.inboxVoiceListen(who)}>
        {t.inboxVoiceUnsupported}
      </audio>
    </figure>
  );
}
