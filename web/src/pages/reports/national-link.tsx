// The menu's link to the national view, in the shell on every page: kept apart from the page's code.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { useAppState, useMessages } from '../../store.ts';

let probe: { staffId: number; allowed: Promise<boolean> } | undefined;

/** The menu's link to the national view, shown only to those the server gives it to (asked once per staff member). */
export function NationalReportLink() {
  const t = useMessages();
  const { me } = useAppState();
  const [allowed, setAllowed] = useState(false);
  useEffect(() => {
    if (!me || (me.role !== 'admin' && me.role !== 'coordinator')) return setAllowed(false);
    if (probe?.staffId !== me.id) probe = { staffId: me.id, allowed: me.role === 'admin' ? Promise.resolve(true) : api('GET', '/admin/api/reports/national').then((a) => a.ok) };
    void probe.allowed.then(setAllowed);
  }, [me?.id]);
  return allowed ? <a href="/console/reports/national">{t.nationalNav}</a> : null;
}
