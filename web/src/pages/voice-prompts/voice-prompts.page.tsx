// The organisation's recorded prompts: for each message a villager sees on the main path, one row per
// locale saying whether it has a voice, with a file to send, the recording to play, and delete. The server
// judges each file; its refusal (MP3, stereo, too long, too big) is said here in the member's language.
import { useEffect, useState } from 'preact/hooks';
import { api, sendBytes } from '../../api/client.ts';
import type { VoicePromptBoard, VoicePromptView } from '../../api/types.ts';
import { formatNumber, type Locale, type Messages } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';
import { dateTime } from '../alerts/alert-words.ts';
import './voice-prompts.css';

/** What the last action said, shown in its row (a phone's screen holds one row, not the page's top). */
type Notice = { row: string; kind: 'success' | 'error'; text: string } | undefined;

export function VoicePromptsPage() {
  const t = useMessages();
  const { locale, me } = useAppState();
  const [board, setBoard] = useState<VoicePromptBoard | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState<string | undefined>();
  const fail = (status: number) => setFailure(status === 0 ? t.offline : t.serverError);
  const load = async () => {
    const answer = await api<VoicePromptBoard>('GET', '/admin/api/voice-prompts');
    if (!answer.ok) return fail(answer.status);
    setFailure(undefined);
    setBoard(answer.data);
  };
  useEffect(() => void load(), []);

  // Only coordinators change recordings; the platform admin looking at the organisation listens.
  const canChange = me?.role === 'coordinator';
  const upload = async (key: string, where: string, file: File) => {
    const row = `${key}|${where}`;
    setBusy(row);
    setNotice(undefined);
    const answer = await sendBytes<VoicePromptView>('PUT', `/admin/api/voice-prompts/${where}/${encodeURIComponent(key)}`, file);
    setBusy(undefined);
    if (answer.ok) {
      setNotice({ row, kind: 'success', text: t.voiceSaved });
      return load();
    }
    const code = 'problem' in answer.body ? answer.body.problem : undefined;
    const problem = typeof code === 'string' ? t.voiceProblems[code] : undefined;
    setNotice({ row, kind: 'error', text: problem ? `${t.voiceRefused} ${problem}` : answer.status === 0 ? t.offline : t.serverError });
  };
  const remove = async (prompt: VoicePromptView) => {
    const row = `${prompt.key}|${prompt.locale}`;
    const answer = await api('DELETE', `/admin/api/voice-prompts/${prompt.id}`);
    if (!answer.ok) return setNotice({ row, kind: 'error', text: answer.status === 0 ? t.offline : t.serverError });
    setNotice({ row, kind: 'success', text: t.voiceDeleted });
    return load();
  };

  return (
    <section aria-labelledby="voice-title">
      <h1 id="voice-title">{t.voiceTitle}</h1>
      <p>{t.voiceIntro}</p>
      {board ? <p class="hint">{t.voiceFormat(board.limits.maxMs / 1000, board.limits.maxBytes / 1024)}</p> : null}
      {failure ? <p class="banner error" role="alert">{failure}</p> : null}
      {!board && !failure ? <p role="status">{t.loading}</p> : null}
      {board ? (
        <ul class="cards voice-keys">
          {board.keys.map((key) => (
            <li key={key} class="card">
              <h2 class="voice-key">{t.voiceKeys[key] ?? key}</h2>
              <ul class="voice-rows">
                {board.locales.map((where) => (
                  <VoiceRow
                    key={where}
                    t={t}
                    locale={locale}
                    name={t.voiceKeys[key] ?? key}
                    where={t.voiceLocales[where] ?? where}
                    prompt={board.prompts.find((p) => p.key === key && p.locale === where)}
                    canChange={canChange}
                    busy={busy === `${key}|${where}`}
                    notice={notice?.row === `${key}|${where}` ? notice : undefined}
                    onFile={(file) => void upload(key, where, file)}
                    onDelete={(prompt) => void remove(prompt)}
                  />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

interface RowProps {
  t: Messages;
  locale: Locale;
  name: string;
  where: string;
  prompt: VoicePromptView | undefined;
  canChange: boolean;
  busy: boolean;
  notice: Notice;
  onFile(file: File): void;
  onDelete(prompt: VoicePromptView): void;
}

function VoiceRow({ t, locale, name, where, prompt, canChange, busy, notice, onFile, onDelete }: RowProps) {
  const seconds = prompt ? formatNumber(locale, Math.round(prompt.durationMs / 100) / 10) : '';
  return (
    <li class="voice-row">
      <p class="voice-locale">{where}</p>
      <p class={prompt ? 'voice-state' : 'voice-state hint'}>
        {prompt ? t.voiceRecorded(seconds, dateTime(locale, prompt.uploadedAt)) : t.voiceNone}
        {prompt?.uploadedBy ? <> {t.voiceBy('')}<bdi>{prompt.uploadedBy}</bdi></> : null}
      </p>
      {prompt ? <audio controls preload="metadata" src={`/admin/api/voice-prompts/${prompt.id}/audio?v=${encodeURIComponent(prompt.uploadedAt)}`} aria-label={t.voicePlayFor(name, where)} /> : null}
      {canChange ? (
        <div class="voice-actions">
          <label class="file-button">
            <span>{busy ? t.voiceSending : prompt ? t.voiceReplace : t.voiceChoose}</span>
            <input
              type="file"
              accept=".ogg,.opus,audio/ogg"
              aria-label={t.voiceFileFor(name, where)}
              disabled={busy}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) onFile(file);
              }}
            />
          </label>
          {prompt ? (
            <button type="button" class="link-button" aria-label={t.voiceDeleteFor(name, where)} onClick={() => onDelete(prompt)}>
              {t.voiceDelete}
            </button>
          ) : null}
        </div>
      ) : null}
      <div class="voice-notice" aria-live="polite">{notice ? <p class={`banner ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>{notice.text}</p> : null}</div>
    </li>
  );
}
