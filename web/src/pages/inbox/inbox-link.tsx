// The header's link to the inbox, with the count of conversations this staff member has not read.
import { CountLink } from '../../components/count-link.tsx';
import { useAppState, useMessages } from '../../store.ts';
import { useInboxPulse } from './inbox-live.ts';

/** Who reads the inbox and the alerts: coordinators, medical staff, and the platform admin viewing an organisation. */
export function readsInbox(me: ReturnType<typeof useAppState>['me'], viewing: ReturnType<typeof useAppState>['viewing']): boolean {
  return me?.role === 'coordinator' || me?.role === 'medical' || (me?.role === 'admin' && viewing !== null);
}

export function InboxLink() {
  const t = useMessages();
  const { me, viewing } = useAppState();
  const reads = readsInbox(me, viewing);
  const pulse = useInboxPulse(reads);
  return reads ? <CountLink href="/console/inbox" label={t.navInbox} count={pulse?.unread ?? 0} spoken={t.inboxUnread} /> : null;
}
