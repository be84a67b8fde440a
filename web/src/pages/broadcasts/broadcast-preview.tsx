// The preview beside the composer: how many it reaches (and by the WhatsApp template), who is left out
// and why, when sending really starts, and each language's message as Telegram and WhatsApp show it.
import { formatNumber, TIME_ZONE, type Locale, type Messages } from '../../i18n/index.ts';
import type { BroadcastPreview, ChannelPreview } from '../../api/types.ts';

export function PreviewPanel({ t, locale, preview, counting }: { t: Messages; locale: Locale; preview: BroadcastPreview | undefined; counting: boolean }) {
  const n = (x: number) => formatNumber(locale, x);
  if (!preview) return <section class="form-section preview" aria-labelledby="bc-preview"><h2 id="bc-preview">{t.bcPreview}</h2><p>{t.bcChooseAudience}</p></section>;
  const startsNow = new Date(preview.startsAt).getTime() <= Date.now() + 60_000;
  const when = new Intl.DateTimeFormat(locale === 'ar' ? 'ar-MA' : 'fr-MA', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(preview.startsAt));
  const excluded = [
    [t.bcExcludedOptedOut, preview.excluded.optedOut],
    [t.bcExcludedNoConsent, preview.excluded.noConsent],
    [t.bcExcludedOtherOrganisation, preview.excluded.otherOrganisation],
    [t.bcExcludedTestChat, preview.excluded.testChatOnly],
    [t.bcExcludedBlocked, preview.excluded.blocked],
  ] as const;
  return (
    <section class="form-section preview" aria-labelledby="bc-preview" aria-busy={counting}>
      <h2 id="bc-preview">{t.bcPreview}</h2>
      <p class="reach" role="status">{t.bcReach(n(preview.reach))}</p>
      <p>{t.bcTemplate(n(preview.whatsappTemplate))}</p>
      <h3>{t.bcExcluded}</h3>
      <ul class="excluded">
        {excluded.map(([label, count]) => <li key={label}><bdi>{n(count)}</bdi> {label}</li>)}
      </ul>
      <p class="banner info">{startsNow ? t.bcStartsNow : t.bcStartsAt(when, preview.quietHours.from, preview.quietHours.until)}</p>
      {preview.channels.length ? (
        <>
          <h3>{t.bcChannels}</h3>
          <div class="channel-previews">{preview.channels.map((c) => <LocalePreview key={c.locale} t={t} c={c} />)}</div>
        </>
      ) : null}
    </section>
  );
}

function LocalePreview({ t, c }: { t: Messages; c: ChannelPreview }) {
  // A language may read another's text (the nearest given): each line takes the direction of its own script.
  const bubbles = (parts: string[], channel: string) => parts.map((p, i) => <p key={i} class={`bubble ${channel}`}>{p.split('\n').map((line, j) => <span key={j} class="line" dir="auto">{line}</span>)}</p>);
  return (
    <article class="card locale-preview">
      <h4>{t.bcLocaleNames[c.locale]}</h4>
      <p class="hint">{t.bcTelegram}</p>
      {bubbles(c.telegram, 'telegram')}
      <p class="hint">{t.bcWhatsapp}</p>
      {bubbles(c.whatsapp, 'whatsapp')}
      <p class="hint">{t.bcWhatsappTemplate}</p>
      {bubbles([c.whatsappTemplate], 'whatsapp')}
    </article>
  );
}
