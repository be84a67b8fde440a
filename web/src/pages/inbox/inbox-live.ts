// The inbox's live pulse (unread count, and a version that moves with any change) from the server-sent
// events of /admin/api/inbox/events: one EventSource per tab, shared by the header's badge and the page,
// closed when neither shows. The browser reconnects by itself when the server ends a stream.
import { useEffect, useState } from 'preact/hooks';
import type { InboxPulse } from '../../api/types.ts';

const listeners = new Set<(pulse: InboxPulse) => void>();
let source: EventSource | undefined;
let last: InboxPulse | undefined;

function subscribe(listener: (pulse: InboxPulse) => void): () => void {
  listeners.add(listener);
  if (last) listener(last);
  if (!source) {
    source = new EventSource('/admin/api/inbox/events');
    source.addEventListener('inbox', (event) => {
      last = JSON.parse((event as MessageEvent<string>).data) as InboxPulse;
      for (const l of listeners) l(last);
    });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      source?.close();
      source = undefined;
      last = undefined;
    }
  };
}

/** The latest pulse while `enabled` (staff who may read the inbox); undefined before the first one. */
export function useInboxPulse(enabled: boolean): InboxPulse | undefined {
  const [pulse, setPulse] = useState<InboxPulse | undefined>(enabled ? last : undefined);
  useEffect(() => (enabled ? subscribe(setPulse) : undefined), [enabled]);
  return enabled ? pulse : undefined;
}
