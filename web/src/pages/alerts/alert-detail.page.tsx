// One alert: the patient and the phone to call (a tel: link; reading it is audited on the server), every
// check-in answer so far with the red flags marked, the notes; "I take it", a note, "resolved" for the
// medical staff, read only for a coordinator or the platform admin.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { AlertDetail, AlertState, CheckinAnswers } from '../../api/types.ts';
import { formatNumber, type Locale, type Messages } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';
import { titleIn, titleLang } from '../campaigns/campaigns.page.tsx';
import { alertReason, answerText, checkinDay, dateTime, dayAfter, isolate } from './alert-words.ts';
import './alerts.css';

const QUESTIONS = ['pain', 'fever', 'wound', 'bleeding', 'eating'];

export function AlertDetailPage({ alertId }: { alertId: number }) {
  const t = useMessages();
  const { locale, me } = useAppState();
  const [alert, setAlert] = useState<AlertDetail | null | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const canAct = me?.role === 'medical';

  useEffect(() => {
    void api<AlertDetail>('GET', `/admin/api/alerts/${alertId}`).then((a) => (a.ok ? setAlert(a.data) : a.status === 404 ? setAlert(null) : setFailure(a.status === 0 ? t.offline : t.serverError)));
  }, [alertId]);

  /** Each action answers the alert's new state; the rest of the page stays as it is. */
  const act = async (path: 'acknowledge' | 'resolve' | 'notes', body?: { text: string }) => {
    setBusy(true);
    const answer = await api<AlertState>('POST', `/admin/api/alerts/${alertId}/${path}`, body);
    setBusy(false);
    if (!answer.ok) return setFailure(answer.status === 0 ? t.offline : t.serverError);
    setFailure(undefined);
    setAlert((shown) => (shown ? { ...shown, ...answer.data } : shown));
    if (path === 'notes') setNote('');
  };
  const addNote = (event: Event) => {
    event.preventDefault();
    if (!note.trim()) return setNoteError(t.alertNoteEmpty);
    setNoteError(undefined);
    void act('notes', { text: note.trim() });
  };

  if (alert === null) return <p class="banner error" role="alert">{t.alertMissing}</p>;
  if (!alert) return failure ? <p class="banner error" role="alert">{failure}</p> : <p role="status">{t.loading}</p>;
  const facts = [alert.age === null ? undefined : t.deskYears(formatNumber(locale, alert.age)), alert.sex ? t.sexNames[alert.sex] : undefined].filter((f) => f !== undefined);
  return (
    <section aria-labelledby="alert-title" class="alerts">
      <p><a href="/console/alerts">{t.alertBack}</a></p>
      <h1 id="alert-title">{t.alertTitle(formatNumber(locale, alert.id))}</h1>
      {failure ? <p class="banner error" role="alert">{failure}</p> : null}
      <div class={`alert-detail ${alert.seriousness}`}>
        <p class="alert-head">
          <span class={`alert-badge ${alert.seriousness}`}>{t.alertSeriousness[alert.seriousness]}</span>
          {alert.dayAfterSurgery !== null ? <span class="alert-day"><bdi>{dayAfter(t, locale, alert.dayAfterSurgery)}</bdi></span> : null}
        </p>
        <p class="alert-name"><bdi>{alert.patient ?? '—'}</bdi></p>
        {facts.length ? <p>{facts.join(' · ')}</p> : null}
        <p class="alert-reason">{alertReason(t, alert)}</p>
        <dl class="details">
          <dt>{t.alertOperation}</dt>
          <dd>{t.serviceNames[alert.service] ?? alert.service}</dd>
          <dt>{t.alertCampaign}</dt>
          <dd lang={titleLang(locale, { title: alert.campaignTitle })}>{titleIn(locale, { title: alert.campaignTitle })}</dd>
        </dl>
        {alert.phone ? (
          <a class="button alert-call" href={`tel:${alert.phone}`}><span>{t.alertCall}</span> <bdi class="phone" dir="ltr">{alert.phone}</bdi></a>
        ) : (
          <p class="hint">{t.alertNoPhone}</p>
        )}
        <p class="hint">{t.alertRaisedAt(dateTime(locale, alert.createdAt))}</p>
        <p class={alert.acknowledged ? 'alert-taken' : 'alert-open'} role="status">
          {alert.acknowledged ? t.alertTakenBy(isolate(alert.acknowledged.by), dateTime(locale, alert.acknowledged.at)) : t.alertNotTaken}
        </p>
        {alert.resolved ? <p class="alert-taken">{t.alertResolvedBy(isolate(alert.resolved.by), dateTime(locale, alert.resolved.at))}</p> : null}
        {canAct ? (
          <div class="alert-actions">
            {!alert.acknowledged ? <button type="button" class="primary" disabled={busy} onClick={() => void act('acknowledge')}>{t.alertAcknowledge}</button> : null}
            {!alert.resolved ? <button type="button" disabled={busy} onClick={() => void act('resolve')}>{t.alertResolve}</button> : null}
          </div>
        ) : (
          <p class="banner info">{t.alertReadOnly}</p>
        )}
      </div>

      <h2 id="alert-checkins">{t.alertCheckins}</h2>
      {alert.checkins.length ? (
        <ol class="checkin-list" aria-labelledby="alert-checkins">{alert.checkins.map((c) => <Checkin key={c.label} t={t} locale={locale} checkin={c} />)}</ol>
      ) : (
        <p>{t.alertNoCheckins}</p>
      )}

      <h2 id="alert-notes">{t.alertNotes}</h2>
      {alert.notes.length ? (
        <ol class="note-list" aria-labelledby="alert-notes">
          {alert.notes.map((n) => (
            <li key={n.id} class="note">
              <p>{n.text}</p>
              <p class="hint"><bdi>{n.by}</bdi> · {dateTime(locale, n.at)}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t.alertNoNotes}</p>
      )}
      {canAct ? (
        <form class="note-form" onSubmit={addNote} noValidate>
          <p class="field">
            <label for="alert-note">{t.alertNoteLabel}</label>
            <textarea id="alert-note" value={note} dir="auto" aria-describedby="alert-note-hint" aria-invalid={noteError ? 'true' : undefined} onInput={(e) => setNote(e.currentTarget.value)} />
            <span id="alert-note-hint" class="hint">{t.alertNoteHint}</span>
          </p>
          {noteError ? <p class="field-error" role="alert">{noteError}</p> : null}
          <button type="submit" disabled={busy}>{t.alertAddNote}</button>
        </form>
      ) : null}
    </section>
  );
}

function Checkin({ t, locale, checkin: c }: { t: Messages; locale: Locale; checkin: CheckinAnswers }) {
  const day = checkinDay(c.label);
  const titleId = `checkin-${c.label}`;
  const asked = QUESTIONS.filter((q) => q in c.answers);
  return (
    <li class="checkin" aria-labelledby={titleId}>
      <h3 id={titleId}>{day === undefined ? c.label : t.alertCheckinDay(formatNumber(locale, day))} · <span class="hint">{dateTime(locale, c.askedAt)}</span></h3>
      <dl class="answers">
        {asked.map((q) => {
          const flagged = c.redFlags.includes(q);
          return [
            <dt key={`${q}-q`}>{t.alertQuestions[q] ?? q}</dt>,
            <dd key={`${q}-a`} class={flagged ? 'flagged' : undefined}>{answerText(t, q, c.answers[q])}{flagged ? ` ⚠ ${t.alertRedFlag}` : ''}</dd>,
          ];
        })}
      </dl>
      {c.completedAt ? null : <p class="hint">{t.alertCheckinOpen}</p>}
    </li>
  );
}
