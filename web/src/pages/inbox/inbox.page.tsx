// The inbox: the organisation's villagers waiting for a person (urgent first, then oldest) beside the
// conversation chosen; on a phone, the list or the conversation. Reloads whenever the live pulse moves.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { InboxTicket, InboxTicketList } from '../../api/types.ts';
import { useAppState, useMessages } from '../../store.ts';
import { useInboxPulse } from './inbox-live.ts';
import { when } from './inbox-format.ts';
import { TicketView } from './ticket-view.tsx';
import './inbox.css';

/** The line a voice note comes as (see domain/handoff/voice-notes.ts): shown as words, not code. */
const VOICE_LINE = '[voice]';

export function InboxPage({ ticketId }: { ticketId: number | undefined }) {
  const t = useMessages();
  const { locale } = useAppState();
  const pulse = useInboxPulse(true);
  const [items, setItems] = useState<InboxTicket[] | undefined>();
  const [failure, setFailure] = useState<string | undefined>();

  useEffect(() => {
    void api<InboxTicketList>('GET', '/admin/api/inbox/tickets?limit=100').then((a) => {
      if (a.ok) {
        setItems(a.data.items);
        setFailure(undefined);
      } else setFailure(a.status === 0 ? t.offline : t.serverError);
    });
  }, [pulse?.version, ticketId]);

  return (
    <section aria-labelledby="inbox-title" class={`inbox ${ticketId === undefined ? 'showing-list' : 'showing-ticket'}`}>
      <div class="inbox-list">
        <h1 id="inbox-title">{t.inboxTitle}</h1>
        <p class="hint">{t.inboxIntro}</p>
        {failure ? <p class="banner error" role="alert">{failure}</p> : null}
        {!items ? <p role="status">{t.loading}</p> : items.length === 0 ? <p>{t.inboxEmpty}</p> : null}
        <ul class="tickets">
          {items?.map((item) => (
            <li key={item.id}>
              <a href={`/console/inbox/${item.id}`} class={`ticket-item${item.id === ticketId ? ' current' : ''}${item.urgent ? ' urgent' : ''}`} aria-current={item.id === ticketId ? 'page' : undefined}>
                <span class="ticket-name"><bdi>{item.name ?? t.inboxNobody}</bdi></span>
                <span class="tags">
                  {item.urgent ? <span class="tag urgent">{t.inboxUrgent}</span> : null}
                  <span class="tag">{t.inboxReasons[item.reason] ?? item.reason}</span>
                  {item.unread ? <span class="tag new">{t.inboxNew}</span> : null}
                </span>
                {item.lastText ? <span class="ticket-last" dir="auto">{item.lastText === VOICE_LINE ? t.inboxVoice : item.lastText}</span> : null}
                <span class="hint">
                  {t.inboxOpenedAt(when(locale, item.openedAt))}
                  {item.channel ? ` · ${t.inboxChannels[item.channel] ?? item.channel}` : ''}
                  {item.assignedTo ? <> · {t.inboxHeldBy('')}<bdi>{item.assignedTo.name}</bdi></> : null}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </div>
      <div class="inbox-ticket">
        {ticketId === undefined ? <p class="hint inbox-pick">{t.inboxPick}</p> : <TicketView key={ticketId} ticketId={ticketId} version={pulse?.version ?? ''} />}
      </div>
    </section>
  );
}
