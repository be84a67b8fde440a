// The organisation's campaigns, running and upcoming first, with places booked and left.
import { useEffect, useState } from 'preact/hooks';
import { closestLocale, inLocale } from '../../../../src/domain/campaigns/localized-text.ts';
import { api, type ApiResult } from '../../api/client.ts';
import type { CampaignPage, CampaignSummary, Phase } from '../../api/types.ts';
import { formatDay, formatNumber, type Locale, type Messages } from '../../i18n/index.ts';
import { useAppState, useMessages } from '../../store.ts';
import { groupByPhase, PHASE_ORDER } from './campaign-phase.ts';

const PAGE = 50;

function phaseTitle(t: Messages, phase: Phase): string {
  return { running: t.phaseRunning, upcoming: t.phaseUpcoming, draft: t.phaseDraft, past: t.phasePast }[phase];
}

/** The title in the staff member's language, or the other one the campaign has (a title may be French or Arabic only). */
export function titleIn(locale: Locale, c: Pick<CampaignSummary, 'title'>): string {
  return inLocale(c.title, locale);
}

/** The language the title is shown in, for `lang`: a screen reader then reads an Arabic title in Arabic on a French page. */
export function titleLang(locale: Locale, c: Pick<CampaignSummary, 'title'>): string {
  return closestLocale(c.title, locale) ?? locale;
}

export function CampaignsPage() {
  const t = useMessages();
  const { locale, viewing } = useAppState();
  const [items, setItems] = useState<CampaignSummary[] | undefined>();
  const [next, setNext] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiResult<unknown> | undefined>();

  const load = async (cursor: string | null) => {
    setFailure(undefined);
    const query = new URLSearchParams({ limit: String(PAGE), ...(cursor ? { cursor } : {}) });
    const answer = await api<CampaignPage>('GET', `/admin/api/campaigns?${query}`);
    if (!answer.ok) return setFailure(answer);
    setItems((before) => [...(cursor ? before ?? [] : []), ...answer.data.items]);
    setNext(answer.data.nextCursor);
  };
  useEffect(() => void load(null), []);

  if (failure && !failure.ok) {
    const message = failure.status === 0 ? t.offline : failure.status === 403 ? t.forbidden : t.serverError;
    return (
      <section>
        <h1>{t.campaignsTitle}</h1>
        <p class="banner error" role="alert">{message}</p>
        <button type="button" onClick={() => void load(null)}>{t.retry}</button>
      </section>
    );
  }
  if (!items) return <p role="status">{t.loading}</p>;
  const groups = groupByPhase(items);
  return (
    <section aria-labelledby="campaigns-title">
      <h1 id="campaigns-title">{t.campaignsTitle}</h1>
      {viewing ? (
        <p class="banner info">
          {t.viewingLabel} <strong><bdi>{viewing.name}</bdi></strong>. {t.readOnly} <a href="/console/organisations">{t.changeOrganisation}</a>
        </p>
      ) : null}
      {items.length === 0 ? <p>{t.noCampaigns}</p> : null}
      {items.length > 0 &&
        PHASE_ORDER.map((phase) => (
          <section key={phase} aria-labelledby={`phase-${phase}`} class="phase">
            <h2 id={`phase-${phase}`}>{phaseTitle(t, phase)}</h2>
            {groups[phase].length === 0 ? (
              <p class="hint">{t.noneInPhase}</p>
            ) : (
              <ul class="cards">
                {groups[phase].map((c) => (
                  <li key={c.id} class="card">
                    <h3 lang={titleLang(locale, c)}><a href={`/console/campaigns/${c.id}`}>{titleIn(locale, c)}</a></h3>
                    <p>{t.days(formatDay(locale, c.firstDay), formatDay(locale, c.lastDay))}</p>
                    <p><bdi>{c.venueName}</bdi> · <bdi>{c.commune}</bdi></p>
                    <dl class="figures">
                      <div><dt>{t.booked}</dt><dd>{formatNumber(locale, c.booked)}</dd></div>
                      <div><dt>{t.left}</dt><dd>{formatNumber(locale, Math.max(0, c.capacity - c.booked))}</dd></div>
                    </dl>
                    <meter min={0} max={Math.max(1, c.capacity)} value={c.booked} aria-label={t.places(formatNumber(locale, c.booked), formatNumber(locale, c.capacity))} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      {next ? <button type="button" onClick={() => void load(next)}>{t.loadMore}</button> : null}
    </section>
  );
}
