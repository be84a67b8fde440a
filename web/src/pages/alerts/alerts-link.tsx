// The header's link to the post-operative alerts, with how many nobody has taken yet: a patient in pain
// should not wait for someone to open the page by chance.
import { CountLink } from '../../components/count-link.tsx';
import { useAppState, useMessages } from '../../store.ts';
import { readsInbox } from '../inbox/inbox-link.tsx';
import { useInboxPulse } from '../inbox/inbox-live.ts';

export function AlertsLink() {
  const t = useMessages();
  const { me, viewing } = useAppState();
  const reads = readsInbox(me, viewing);
  const pulse = useInboxPulse(reads);
  return reads ? <CountLink href="/console/alerts" label={t.navAlerts} count={pulse?.alerts ?? 0} spoken={t.alertsWaiting} /> : null;
}
