// Closing a venue day from the capacity page: how many booked people were not checked in, a confirm
// step, then what the close did (absent, offered another day, moved up from the next day's waiting list).
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { DeskDay } from '../../api/types.ts';
import { formatNumber } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';

interface ClosedDay {
  noShows: number;
  messages: number;
  promoted: number;
}

type Step = { kind: 'idle' } | { kind: 'confirm'; missing: number } | { kind: 'done'; closed: ClosedDay } | { kind: 'failed'; error: string };

export function CloseDay({ campaignId, day }: { campaignId: number; day: string }) {
  const t = useMessages();
  const { locale } = useAppState();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const failed = (status: number) => setStep({ kind: 'failed', error: status === 0 ? t.offline : t.serverError });

  const ask = async () => {
    setBusy(true);
    // The desk's list of the day says who is still only booked: those the close marks absent.
    const answer = await api<DeskDay>('GET', `/admin/api/campaigns/${campaignId}/desk-day?day=${day}`);
    setBusy(false);
    if (!answer.ok) return failed(answer.status);
    setStep({ kind: 'confirm', missing: answer.data.bookings.filter((b) => b.status === 'booked').length });
  };
  const close = async () => {
    setBusy(true);
    const answer = await api<ClosedDay>('POST', `/admin/api/campaigns/${campaignId}/days/${day}/close`, {});
    setBusy(false);
    if (!answer.ok) return failed(answer.status);
    setStep({ kind: 'done', closed: answer.data });
  };
  const n = (value: number) => formatNumber(locale, value);

  if (step.kind === 'confirm') {
    return (
      <div class="close-day" role="group" aria-label={t.closeDay}>
        <p>{t.closeDayConfirm(step.missing, n(step.missing))}</p>
        <div class="actions">
          <button type="button" class="button primary" disabled={busy} onClick={() => void close()}>{t.closeDayYes}</button>
          <button type="button" class="button" disabled={busy} onClick={() => setStep({ kind: 'idle' })}>{t.closeDayNo}</button>
        </div>
      </div>
    );
  }
  return (
    <div class="close-day">
      {step.kind === 'done' ? <p role="status">{t.closeDayDone(n(step.closed.noShows), n(step.closed.messages), n(step.closed.promoted))}</p> : null}
      {step.kind === 'failed' ? <p class="banner error" role="alert">{step.error}</p> : null}
      <button type="button" class="button" disabled={busy} onClick={() => void ask()}>{t.closeDay}</button>
    </div>
  );
}
