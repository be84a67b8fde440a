// The composer: the audience (provinces, a campaign's registered people, donors, languages), a text per
// language with its length, when to send; the preview beside it is asked again 400 ms after each change.
import { useEffect, useState } from 'preact/hooks';
import { PROVINCES } from '../../../../src/domain/geo/morocco-territory.data.ts';
import { api } from '../../api/client.ts';
import type { BroadcastCreated, BroadcastPreview, CampaignSummary } from '../../api/types.ts';
import { formatNumber, type Locale, type Messages } from '../../i18n/index.ts';
import { titleIn } from '../campaigns/campaigns.page.tsx';
import { BLOOD_GROUPS, EMPTY_FORM, hasAudience, hasText, requestOf, VILLAGER_LOCALES, type BloodGroup, type ComposerForm, type VillagerLocale } from './broadcast-form.model.ts';
import { PreviewPanel } from './broadcast-preview.tsx';

const PREVIEW_DELAY_MS = 400;
const RTL = new Set(['ar', 'ary']);

const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] => (on ? [...list, item] : list.filter((x) => x !== item));

export function Composer({ t, locale, campaigns, onSent }: { t: Messages; locale: Locale; campaigns: CampaignSummary[]; onSent: (id: number) => void }) {
  const [form, setForm] = useState<ComposerForm>(EMPTY_FORM);
  const [preview, setPreview] = useState<BroadcastPreview | undefined>();
  const [counting, setCounting] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const set = (patch: Partial<ComposerForm>) => setForm((f) => ({ ...f, ...patch }));
  const body = requestOf(form);
  const key = JSON.stringify(body ?? null);

  useEffect(() => {
    if (!body) return setPreview(undefined);
    setCounting(true);
    let stale = false;
    const timer = setTimeout(() => {
      void api<BroadcastPreview>('POST', '/admin/api/broadcasts/preview', body).then((answer) => {
        if (stale) return;
        setCounting(false);
        if (answer.ok) setProblem(undefined), setPreview(answer.data);
        else setProblem(answer.status === 0 ? t.offline : answer.body.error);
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [key]);

  const send = async (event: Event) => {
    event.preventDefault();
    if (!body || !hasAudience(form)) return setProblem(t.bcNeedAudience);
    if (!hasText(form)) return setProblem(t.bcNeedText);
    setSending(true);
    const answer = await api<BroadcastCreated>('POST', '/admin/api/broadcasts', body);
    setSending(false);
    if (!answer.ok) return setProblem(answer.status === 0 ? t.offline : answer.body.error);
    setForm(EMPTY_FORM);
    onSent(answer.data.id);
  };

  const provinceName = (p: (typeof PROVINCES)[number]) => (locale === 'ar' ? p.nameAr : p.nameFr);
  const provinces = [...PROVINCES].sort((a, b) => provinceName(a).localeCompare(provinceName(b), locale));
  return (
    <form class="composer" onSubmit={(e) => void send(e)} noValidate>
      <fieldset class="form-section">
        <legend>{t.bcAudience}</legend>
        <p class="field">
          <label for="bc-provinces">{t.bcProvinces}</label>
          <select id="bc-provinces" multiple size={5} aria-describedby="bc-provinces-hint" onChange={(e) => set({ provinces: [...e.currentTarget.selectedOptions].map((o) => o.value) })}>
            {provinces.map((p) => <option key={p.code} value={p.code} selected={form.provinces.includes(p.code)}>{provinceName(p)}</option>)}
          </select>
          <span id="bc-provinces-hint" class="hint">{t.bcProvincesHint}</span>
        </p>
        <p class="field">
          <label for="bc-campaign">{t.bcCampaign}</label>
          <select id="bc-campaign" value={form.campaignId ?? ''} onChange={(e) => set({ campaignId: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })}>
            <option value="">{t.bcNoCampaign}</option>
            {campaigns.map((c) => <option key={c.id} value={c.id}>{titleIn(locale, c)}</option>)}
          </select>
        </p>
        <p class="check">
          <input id="bc-donors" type="checkbox" checked={form.donors} onChange={(e) => set({ donors: e.currentTarget.checked })} />
          <label for="bc-donors">{t.bcDonors}</label>
        </p>
        {form.donors ? (
          <fieldset class="choices">
            <legend>{t.bcBloodGroups}</legend>
            {BLOOD_GROUPS.map((g) => (
              <label key={g} class="choice"><input type="checkbox" checked={form.bloodGroups.includes(g)} onChange={(e) => set({ bloodGroups: toggle<BloodGroup>(form.bloodGroups, g, e.currentTarget.checked) })} /> <bdi>{g}</bdi></label>
            ))}
          </fieldset>
        ) : null}
        <fieldset class="choices">
          <legend>{t.bcLanguages}</legend>
          {VILLAGER_LOCALES.map((l) => (
            <label key={l} class="choice"><input type="checkbox" checked={form.locales.includes(l)} onChange={(e) => set({ locales: toggle<VillagerLocale>(form.locales, l, e.currentTarget.checked) })} /> {t.bcLocaleNames[l]}</label>
          ))}
        </fieldset>
      </fieldset>

      <fieldset class="form-section">
        <legend>{t.bcTexts}</legend>
        <p class="hint">{t.bcTextsHint}</p>
        {VILLAGER_LOCALES.map((l) => (
          <p class="field" key={l}>
            <label for={`bc-text-${l}`}>{t.bcLocaleNames[l]}</label>
            <textarea id={`bc-text-${l}`} rows={3} maxLength={1000} dir={RTL.has(l) ? 'rtl' : 'ltr'} lang={l === 'shi' ? 'shi-Latn' : l} aria-describedby={`bc-count-${l}`} value={form.texts[l] ?? ''} onInput={(e) => set({ texts: { ...form.texts, [l]: e.currentTarget.value } })} />
            <span id={`bc-count-${l}`} class="hint">{t.bcCharacters(formatNumber(locale, [...(form.texts[l] ?? '')].length))}</span>
          </p>
        ))}
      </fieldset>

      <fieldset class="form-section">
        <legend>{t.bcWhen}</legend>
        <p class="check"><input id="bc-now" type="radio" name="bc-when" checked={form.at === undefined} onChange={() => set({ at: undefined })} /> <label for="bc-now">{t.bcNow}</label></p>
        <p class="check"><input id="bc-later" type="radio" name="bc-when" checked={form.at !== undefined} onChange={() => set({ at: '' })} /> <label for="bc-later">{t.bcLater}</label></p>
        {form.at !== undefined ? (
          <p class="field">
            <label for="bc-at">{t.bcAt}</label>
            <input id="bc-at" type="datetime-local" value={form.at} onInput={(e) => set({ at: e.currentTarget.value })} />
          </p>
        ) : null}
      </fieldset>

      <PreviewPanel t={t} locale={locale} preview={body ? preview : undefined} counting={counting} />
      {problem ? <p class="banner error" role="alert">{problem}</p> : null}
      <button type="submit" class="primary" disabled={sending}>{sending ? t.bcSending : form.at ? t.bcSchedule : t.bcSend}</button>
    </form>
  );
}
