// The frame of every page: the name, the menu for a signed-in staff member, the language switch, the page.
import type { ComponentChildren } from 'preact';
import { api } from '../api/client.ts';
import { endSession, useAppState, useMessages } from '../store.ts';
import { navigate } from '../router.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { InboxLink } from '../pages/inbox/inbox-link.tsx';
import { AlertsLink } from '../pages/alerts/alerts-link.tsx';
import { waitingOnDevice, wipeDevice } from '../pages/desk/desk-queue.ts';
import { NationalReportLink } from '../pages/reports/national-link.tsx';

export function Shell({ children }: { children: ComponentChildren }) {
  const { me, viewing } = useAppState();
  const t = useMessages();
  const signOut = async () => {
    // Arrivals kept offline and not sent yet would be lost: the member decides, knowing how many.
    const waiting = await waitingOnDevice();
    if (waiting > 0 && !window.confirm(t.signOutWaiting(waiting))) return;
    await wipeDevice();
    await api('DELETE', '/console/api/session');
    endSession();
    navigate('/sign-in', { replace: true });
  };
  return (
    <>
      <a class="skip-link" href="#main">{t.skipToContent}</a>
      <header class="top-bar">
        <a class="brand" href="/console/">{t.appName}</a>
        <div class="top-actions">
          <LanguageSwitch />
          {me ? (
            <button type="button" class="link-button" onClick={() => void signOut()}>
              {t.signOut}
            </button>
          ) : null}
        </div>
        {me ? (
          <nav class="main-nav" aria-label={t.nav}>
            {me.role === 'desk' ? <a href="/console/desk">{t.deskTitle}</a> : me.role !== 'admin' || viewing ? <a href="/console/campaigns">{t.navCampaigns}</a> : null}
            {me.role === 'coordinator' ? <a href="/console/campaigns/new">{t.navNewCampaign}</a> : null}
            <InboxLink />
            {me.role === 'coordinator' ? <a href="/console/broadcasts">{t.navBroadcasts}</a> : null}
            {me.role === 'admin' ? <a href="/console/organisations">{t.navOrganisations}</a> : null}
            <AlertsLink />
            {me.role === 'coordinator' || viewing ? <a href="/console/audit">{t.navAudit}</a> : null}
            {me.role === 'coordinator' || viewing ? <a href="/console/voice-prompts">{t.navVoice}</a> : null}
            <NationalReportLink />
            <span class="who">
              <bdi>{me.name}</bdi>
              {me.organisation ?? viewing ? <> · <bdi>{(me.organisation ?? viewing)?.name}</bdi></> : null}
            </span>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
