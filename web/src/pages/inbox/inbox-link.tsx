// The header's link to the inbox, with the count of conversations this staff member has not read.
import { formatNumber } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';
import { useInboxPulse } from './inbox-live.ts';
import './inbox-link.css';

export function InboxLink() {
  const t = useMessages();
  const { me, viewing, locale } = useAppState();
  const reads = me?.role === 'coordinator' || me?.role === 'medical' || (me?.role === 'admin' && viewing !== null);
  const pulse = useInboxPulse(reads);
  if (!reads) return null;
  const unread = pulse?.unread ?? 0;
  return (
    <a href="/console/inbox" class="inbox-link">
      {t.navInbox}
      {unread > 0 ? (
        <span class="badge">
          <span aria-hidden="true">{formatNumber(locale, unread)}</span>
          <span class="visually-hidden">{t.inboxUnread(formatNumber(locale, unread))}</span>
        </span>
      ) : null}
    </a>
  );
}
