// Answering the villager in their chat, or noting something for colleagues only. Where WhatsApp's 24 hours
// are over, the composer says so and offers the approved template instead of free text.
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { TicketDetail } from '../../api/types.ts';
import { useMessages } from '../../store.ts';

export function TicketComposer({ ticket, onSent }: { ticket: TicketDetail; onSent: () => void }) {
  const t = useMessages();
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();

  const post = async (path: string, body: object | undefined, clear: () => void) => {
    setBusy(true);
    const answer = await api('POST', `/admin/api/inbox/tickets/${ticket.id}/${path}`, body);
    setBusy(false);
    if (answer.ok) {
      clear();
      setOutcome(path === 'notes' ? undefined : { ok: true, text: t.inboxSent });
      onSent();
    } else setOutcome({ ok: false, text: answer.status === 0 ? t.offline : `${t.inboxRefused} ${answer.body.error}` });
  };
  if (ticket.contact.optedOut) return null;

  return (
    <div class="composer">
      {ticket.freeTextAllowed ? (
        <form onSubmit={(e) => (e.preventDefault(), text.trim() && void post('reply', { text }, () => setText('')))}>
          <div class="field">
            <label for="reply-text">{t.inboxAnswer}</label>
            <textarea id="reply-text" dir="auto" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} aria-describedby="reply-hint" />
            <p id="reply-hint" class="hint">{t.inboxAnswerHint}</p>
          </div>
          <button type="submit" class="primary" disabled={busy}>{busy ? t.inboxSending : t.inboxSend}</button>
        </form>
      ) : (
        <div class="window-closed">
          <p class="banner info">{t.inboxWindowClosed}</p>
          {ticket.templateText ? (
            <>
              <p class="template-label">{t.inboxTemplate}</p>
              <blockquote dir="auto">{ticket.templateText}</blockquote>
              <button type="button" class="primary" disabled={busy} onClick={() => void post('template', undefined, () => undefined)}>{t.inboxSendTemplate}</button>
            </>
          ) : (
            <p class="banner error">{t.inboxNoTemplate}</p>
          )}
        </div>
      )}
      {outcome ? <p class={`banner ${outcome.ok ? 'success' : 'error'}`} role={outcome.ok ? 'status' : 'alert'}>{outcome.text}</p> : null}
      <form class="note-form" onSubmit={(e) => (e.preventDefault(), note.trim() && void post('notes', { text: note }, () => setNote('')))}>
        <div class="field">
          <label for="note-text">{t.inboxNote}</label>
          <textarea id="note-text" dir="auto" rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
        <button type="submit" disabled={busy}>{t.inboxAddNote}</button>
      </form>
    </div>
  );
}
