// The organisation's audit log for its coordinators: who did what and when, narrowed by staff member,
// kind of action and day. The server filters and pages; the filters live in the address, so a reload or a
// shared link shows the same entries.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { AuditEntryView, AuditFilters, AuditPage } from '../../api/types.ts';
import type { Locale, Messages } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';
import { dateTime } from '../alerts/alert-words.ts';
import '../alerts/alerts.css';

interface Filter {
  staff: string;
  kind: string;
  day: string;
}

function readFilter(): Filter {
  const query = new URLSearchParams(location.search);
  return { staff: query.get('staff') ?? '', kind: query.get('kind') ?? '', day: query.get('day') ?? '' };
}

const queryOf = (filter: Filter, cursor?: string) => {
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ''));
  if (cursor) query.set('cursor', cursor);
  return query.toString();
};

export function AuditLogPage() {
  const t = useMessages();
  const { locale } = useAppState();
  const [filter, setFilter] = useState(readFilter);
  const [options, setOptions] = useState<AuditFilters | undefined>();
  const [entries, setEntries] = useState<AuditEntryView[] | undefined>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | undefined>();
  const fail = (status: number) => setFailure(status === 0 ? t.offline : t.serverError);

  useEffect(() => void api<AuditFilters>('GET', '/admin/api/audit/filters').then((a) => (a.ok ? setOptions(a.data) : fail(a.status))), []);
  useEffect(() => {
    let current = true;
    setEntries(undefined);
    void api<AuditPage>('GET', `/admin/api/audit?${queryOf(filter)}`).then((a) => {
      if (!current) return;
      if (!a.ok) return fail(a.status);
      setFailure(undefined);
      setEntries(a.data.items);
      setCursor(a.data.nextCursor);
    });
    return () => void (current = false);
  }, [filter.staff, filter.kind, filter.day]);

  const choose = (next: Partial<Filter>) => {
    const merged = { ...filter, ...next };
    setFilter(merged);
    const query = queryOf(merged);
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
  };
  const loadMore = async () => {
    if (!cursor) return;
    const answer = await api<AuditPage>('GET', `/admin/api/audit?${queryOf(filter, cursor)}`);
    if (!answer.ok) return fail(answer.status);
    setEntries((shown) => [...(shown ?? []), ...answer.data.items]);
    setCursor(answer.data.nextCursor);
  };
  const kindName = (kind: string) => t.auditKinds[kind] ?? kind;

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t.auditTitle}</h1>
      <p class="hint">{t.auditIntro}</p>
      <div class="audit-filters">
        <p class="field">
          <label for="audit-staff">{t.auditStaff}</label>
          <select id="audit-staff" value={filter.staff} onChange={(e) => choose({ staff: e.currentTarget.value })}>
            <option value="">{t.auditAllStaff}</option>
            {options?.staff.map((s) => <option key={s.id} value={String(s.id)}>{s.name}</option>)}
          </select>
        </p>
        <p class="field">
          <label for="audit-kind">{t.auditKind}</label>
          <select id="audit-kind" value={filter.kind} onChange={(e) => choose({ kind: e.currentTarget.value })}>
            <option value="">{t.auditAllKinds}</option>
            {options?.kinds.map((k) => <option key={k} value={k}>{kindName(k)}</option>)}
          </select>
        </p>
        <p class="field">
          <label for="audit-day">{t.auditDay}</label>
          <input id="audit-day" type="date" value={filter.day} onChange={(e) => choose({ day: e.currentTarget.value })} />
        </p>
        <p class="field">
          <button type="button" onClick={() => choose({ staff: '', kind: '', day: '' })}>{t.auditClear}</button>
        </p>
      </div>
      {failure ? <p class="banner error" role="alert">{failure}</p> : null}
      {!entries && !failure ? <p role="status">{t.loading}</p> : null}
      {entries && !entries.length ? <p class="banner info">{t.auditEmpty}</p> : null}
      {entries?.length ? (
        <ol class="audit-list" aria-labelledby="audit-title">{entries.map((e) => <Entry key={e.id} t={t} locale={locale} entry={e} kind={kindName(e.action)} />)}</ol>
      ) : null}
      {cursor ? <button type="button" onClick={() => void loadMore()}>{t.auditMore}</button> : null}
    </section>
  );
}

function Entry({ t, locale, entry: e, kind }: { t: Messages; locale: Locale; entry: AuditEntryView; kind: string }) {
  const on = t.auditOn(t.auditEntities[e.entity] ?? e.entity, e.entityId);
  return (
    <li class="audit-entry">
      <p class="audit-what">{kind}</p>
      <p><bdi>{e.staff ?? t.auditSomeone}</bdi> · {dateTime(locale, e.at)}</p>
      <p class="hint">
        {e.entity === 'staff_alert' ? <a href={`/console/alerts/${e.entityId}`}>{on}</a> : on}
      </p>
    </li>
  );
}
