// The menu's link to the national view, for those the session says may read it (the platform admin, a
// ministry's coordinators): the server decides, the page only follows.
import { useAppState, useMessages } from '../../store.ts';

export function NationalReportLink() {
  const t = useMessages();
  const { me } = useAppState();
  return me?.nationalView ? <a href="/console/reports/national">{t.nationalNav}</a> : null;
}
