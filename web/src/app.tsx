// Which page a path shows, and who may see it: signed-out visitors see the sign-in and set-password pages only.
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Shell } from './components/shell.tsx';
import { CampaignsPage } from './pages/campaigns/campaigns.page.tsx';
import { CapacityPage } from './pages/capacity/capacity.page.tsx';
import { DeskHomePage } from './pages/desk/desk-home.page.tsx';
import { DeskPage } from './pages/desk/desk.page.tsx';
import { QueuePage } from './pages/queue/queue.page.tsx';
import { OrganisationsPage } from './pages/organisations/organisations.page.tsx';
import { SetPasswordPage } from './pages/set-password/set-password.page.tsx';
import { SignInPage } from './pages/sign-in/sign-in.page.tsx';
import { navigate, usePath } from './router.ts';
import { useAppState, useMessages } from './store.ts';

// The form brings zod and the campaign file's schema: loaded only when a coordinator opens it.
const loadForm = () => import('./pages/campaign-form/campaign-form.page.tsx').then((m) => m.CampaignFormPage);
// The inbox comes in its own chunk too: the first page of a desk or a sign-in does not carry it.
const loadInbox = () => import('./pages/inbox/inbox.page.tsx').then((m) => m.InboxPage);
const loadReport = () => import('./pages/reports/campaign-report.page.tsx').then((m) => m.CampaignReportPage);
const loadNational = () => import('./pages/reports/national-report.page.tsx').then((m) => m.NationalReportPage);
// Medical staff's alerts and the coordinators' audit log: loaded when opened, as the pages above.
const loadAlerts = () => import('./pages/alerts/alerts.page.tsx').then((m) => m.AlertsPage);
const loadAlert = () => import('./pages/alerts/alert-detail.page.tsx').then((m) => m.AlertDetailPage);
const loadAudit = () => import('./pages/audit/audit.page.tsx').then((m) => m.AuditLogPage);
const loadVoicePrompts = () => import('./pages/voice-prompts/voice-prompts.page.tsx').then((m) => m.VoicePromptsPage);
const loadBroadcasts = () => import('./pages/broadcasts/broadcasts.page.tsx').then((m) => m.BroadcastsPage);

/** A page whose code is fetched the first time it is shown. */
function Later<P extends object>({ load, loading, props }: { load: () => Promise<FunctionComponent<P>>; loading: string; props: P }) {
  const [Page, setPage] = useState<FunctionComponent<P> | undefined>();
  useEffect(() => void load().then((component) => setPage(() => component)), [load]);
  return Page ? <Page {...props} /> : <p role="status">{loading}</p>;
}

const PUBLIC = new Set(['/sign-in', '/set-password']);

export function App() {
  const path = usePath();
  const { me, viewing } = useAppState();
  const t = useMessages();
  const needsSignIn = me === null && !PUBLIC.has(path);
  // The platform admin has no campaigns of their own: they pick an organisation first. The desk has only
  // its check-in; medical staff open on the patients who need them, and reach the campaigns from the menu.
  const noCampaigns = (me?.role === 'admin' && !viewing) || me?.role === 'desk';
  const home = me?.role === 'admin' && !viewing ? '/organisations' : me?.role === 'desk' ? '/desk' : me?.role === 'medical' ? '/alerts' : '/campaigns';
  useEffect(() => {
    if (needsSignIn) navigate('/sign-in', { replace: true });
    else if (me && (path === '/' || path === '/sign-in' || (path === '/campaigns' && noCampaigns))) navigate(home, { replace: true });
  }, [needsSignIn, me, path, home, noCampaigns]);

  if (me === undefined && !PUBLIC.has(path)) return <Shell><p role="status">{t.loading}</p></Shell>;
  return <Shell>{page(path, t.loading) ?? <NotFound />}</Shell>;
}

function page(path: string, loading: string) {
  if (path === '/sign-in') return <SignInPage />;
  if (path === '/set-password') return <SetPasswordPage />;
  if (path === '/' || path === '/campaigns') return <CampaignsPage />;
  if (path === '/organisations') return <OrganisationsPage />;
  if (path === '/desk') return <DeskHomePage />;
  const inbox = /^\/inbox(?:\/(\d+))?$/.exec(path);
  if (inbox) return <Later load={loadInbox} loading={loading} props={{ ticketId: inbox[1] ? Number(inbox[1]) : undefined }} />;
  if (path === '/alerts') return <Later load={loadAlerts} loading={loading} props={{}} />;
  if (path === '/audit') return <Later load={loadAudit} loading={loading} props={{}} />;
  if (path === '/voice-prompts') return <Later load={loadVoicePrompts} loading={loading} props={{}} />;
  const alert = /^\/alerts\/(\d+)$/.exec(path);
  if (alert) return <Later key={alert[1]} load={loadAlert} loading={loading} props={{ alertId: Number(alert[1]) }} />;
  if (path === '/broadcasts') return <Later load={loadBroadcasts} loading={loading} props={{}} />;
  if (path === '/campaigns/new') return <Later load={loadForm} loading={loading} props={{ campaignId: undefined }} />;
  const edit = /^\/campaigns\/(\d+)\/edit$/.exec(path);
  if (edit) return <Later key={edit[1]} load={loadForm} loading={loading} props={{ campaignId: Number(edit[1]) }} />;
  const desk = /^\/campaigns\/(\d+)\/desk$/.exec(path);
  if (desk) return <DeskPage key={desk[1]} campaignId={Number(desk[1])} />;
  if (path === '/reports/national') return <Later load={loadNational} loading={loading} props={{}} />;
  const report = /^\/campaigns\/(\d+)\/report$/.exec(path);
  if (report) return <Later key={report[1]} load={loadReport} loading={loading} props={{ campaignId: Number(report[1]) }} />;
  const queue = /^\/campaigns\/(\d+)\/queue$/.exec(path);
  if (queue) return <QueuePage key={queue[1]} campaignId={Number(queue[1])} />;
  const campaign = /^\/campaigns\/(\d+)$/.exec(path);
  if (campaign) return <CapacityPage key={campaign[1]} campaignId={Number(campaign[1])} />;
  return undefined;
}

function NotFound() {
  const t = useMessages();
  return (
    <section>
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundBody}</p>
      <a href="/console/campaigns">{t.backToCampaigns}</a>
    </section>
  );
}
