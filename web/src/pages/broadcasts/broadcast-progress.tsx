// A broadcast as it goes: a bar, its figures, the failures grouped by reason, and "stop". Short polling
// of one grouped query every 2 seconds while it moves, 5 for a national one (no event stream: the figures
// change by the second and a poll reads them all at once).
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { usePoll } from '../../api/poll.ts';
import type { BroadcastProgress } from '../../api/types.ts';
import { formatNumber, type Locale, type Messages } from '../../i18n/index.ts';
import { doneShare, isLive, progressPollMs, shownStatus } from './broadcast-form.model.ts';

export function ProgressPanel({ t, locale, id, onChange }: { t: Messages; locale: Locale; id: number; onChange: () => void }) {
  const [progress, setProgress] = useState<BroadcastProgress | null | undefined>();
  const [live, setLive] = useState(true);
  const [problem, setProblem] = useState<string | undefined>();
  usePoll<BroadcastProgress>(live ? `/admin/api/broadcasts/${id}` : undefined, progressPollMs(progress ?? { targeted: null, queued: 0 }), (answer) => {
    if (answer.ok) {
      setProgress(answer.data);
      if (!isLive(answer.data)) setLive(false), onChange();
    } else if (answer.status === 404) setProgress(null), setLive(false);
    else setProblem(answer.status === 0 ? t.offline : t.serverError);
  }, [id]);

  const cancel = async () => {
    if (!window.confirm(t.bcCancelConfirm)) return;
    const answer = await api<BroadcastProgress>('POST', `/admin/api/broadcasts/${id}/cancel`);
    if (answer.ok) setProgress(answer.data), onChange();
    else setProblem(answer.status === 0 ? t.offline : answer.body.error);
  };

  if (progress === null) return <p class="banner error" role="alert">{t.bcMissing}</p>;
  if (!progress) return <p role="status">{t.loading}</p>;
  const n = (x: number | null) => formatNumber(locale, x ?? 0);
  const share = doneShare(progress);
  const figures: Array<[string, number | null]> = [
    [t.bcQueued, progress.queued], [t.bcWaiting, progress.waiting], [t.bcSent, progress.sent], [t.bcDelivered, progress.delivered],
    [t.bcRead, progress.read], [t.bcFailed, progress.failed], [t.bcCancelledCount, progress.cancelled],
  ];
  return (
    <section class="form-section progress" aria-labelledby="bc-progress">
      <h2 id="bc-progress">{t.bcProgress} · <span>{t.bcStatus[shownStatus(progress)]}</span></h2>
      <label for="bc-bar" class="hint">{t.bcProgressLabel} (<bdi>{formatNumber(locale, Math.round(share * 100))} %</bdi>)</label>
      <progress id="bc-bar" max={1} value={share} />
      <dl class="figures wrap">
        {figures.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{n(value)}</dd></div>)}
      </dl>
      {progress.failures.length ? (
        <>
          <h3 id="bc-failures">{t.bcFailures}</h3>
          <ul aria-labelledby="bc-failures">{progress.failures.map((f) => <li key={f.reason}>{t.bcReasons[f.reason]} : <bdi>{n(f.count)}</bdi></li>)}</ul>
        </>
      ) : null}
      {live ? <p class="hint">{t.bcLive}</p> : null}
      {problem ? <p class="banner error" role="alert">{problem}</p> : null}
      {progress.status === 'scheduled' || progress.status === 'running' || progress.waiting > 0 ? <button type="button" onClick={() => void cancel()}>{t.bcCancel}</button> : null}
    </section>
  );
}
