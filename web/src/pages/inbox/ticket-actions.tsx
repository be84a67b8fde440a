// Who holds the conversation (oneself, a colleague or nobody) and closing it: the bot then answers the
// villager again and tells them so.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { Colleagues, TicketDetail } from '../../api/types.ts';
import { useAppState, useMessages } from '../../store.ts';

export function TicketActions({ ticket, onDone }: { ticket: TicketDetail; onDone: (closed: boolean) => void }) {
  const t = useMessages();
  const { me } = useAppState();
  const [colleagues, setColleagues] = useState<Colleagues['items']>([]);
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => void api<Colleagues>('GET', '/admin/api/inbox/staff').then((a) => a.ok && setColleagues(a.data.items)), []);

  const assign = async (value: string) => {
    const answer = await api('POST', `/admin/api/inbox/tickets/${ticket.id}/assign`, { staffId: value === '' ? null : Number(value) });
    setProblem(answer.ok ? undefined : `${t.inboxRefused} ${answer.body.error}`);
    onDone(false);
  };
  const close = async () => {
    if (!window.confirm(t.inboxCloseConfirm)) return;
    const answer = await api('POST', `/admin/api/inbox/tickets/${ticket.id}/close`);
    if (answer.ok) onDone(true);
    else setProblem(`${t.inboxRefused} ${answer.body.error}`);
  };

  return (
    <div class="ticket-actions">
      <div class="field">
        <label for="ticket-assign">{t.inboxAssign}</label>
        <select id="ticket-assign" value={ticket.assignedTo ? String(ticket.assignedTo.id) : ''} onChange={(e) => void assign(e.currentTarget.value)}>
          <option value="">{t.inboxAssignNobody}</option>
          {colleagues.map((c) => (
            <option key={c.id} value={String(c.id)}>{c.id === me?.id ? t.inboxAssignMe(c.name) : c.name}</option>
          ))}
        </select>
      </div>
      <button type="button" onClick={() => void close()}>{t.inboxCloseTicket}</button>
      {problem ? <p class="banner error" role="alert">{problem}</p> : null}
    </div>
  );
}
