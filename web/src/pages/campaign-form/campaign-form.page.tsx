// Create or edit a campaign: the form builds the campaign file, checks it with the API's own schema, and imports it.
import { useEffect, useState } from 'preact/hooks';
import { z } from 'zod';
import { BookedWindowsAnswerSchema } from '../../../../src/domain/campaigns/booked-windows.ts';
import { CampaignFileSchema, type CampaignFileInput } from '../../../../src/domain/campaigns/campaign-file.ts';
import { PROVINCES } from '../../../../src/domain/geo/morocco-territory.data.ts';
import { api } from '../../api/client.ts';
import { ErrorBanner, Field } from '../../components/field.tsx';
import { formatShortDay, type Messages } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { useAppState, useMessages } from '../../store.ts';
import { bookedWindowErrors } from './booked-windows.ts';
import { campaignDays, emptyForm, emptyWindow, fromCampaignFile, toCampaignFile, type BuiltFile, type CampaignForm } from './campaign-form.model.ts';
import { FORM, TITLE, fieldFor, readProblem, translateIssue } from './campaign-form.problems.ts';
import { ServiceEditor } from './service-editor.tsx';
import { TextArea } from './text-area.tsx';
import { TitleFields } from './title-fields.tsx';

// zod would first try to compile its parsers with `new Function`, which the console's CSP forbids.
z.config({ jitless: true });

function valueAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  return path.reduce<unknown>((at, key) => (typeof at === 'object' && at !== null ? (at as Record<string | number, unknown>)[key] : undefined), value);
}

/** A province typed by its name, in French or Arabic, counts as picked from the list. */
function withProvinceCode(form: CampaignForm): CampaignForm {
  const typed = form.province.trim().toLowerCase();
  const found = PROVINCES.find((p) => [p.code, p.nameFr, p.nameAr].some((name) => name.toLowerCase() === typed));
  return found ? { ...form, province: found.code } : form;
}

/** Every problem of the form by field id, in the staff member's language. */
function checkForm(t: Messages, built: BuiltFile): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, kind] of Object.entries(built.unreadable)) errors[field] = kind === 'reminders' ? t.remindersUnreadable : t.checkinUnreadable;
  const parsed = CampaignFileSchema.safeParse(built.file);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      errors[fieldFor(path, built.origins)] ??= translateIssue(t, issue, valueAt(built.file, path));
    }
  }
  // Without valid days the grid has no cells: the days' own errors say what to fix first.
  if (campaignDays(built.file.firstDay, built.file.lastDay).length === 0) {
    for (const key of Object.keys(errors)) if (/^service-\d+-windows$/.test(key)) delete errors[key];
  }
  if (built.file.province && !PROVINCES.some((p) => p.code === built.file.province)) errors.province ??= t.provinceUnknown;
  return errors;
}

/** A new campaign, or with `campaignId` the campaign's file opened for editing (same slug: the import updates it). */
export function CampaignFormPage({ campaignId }: { campaignId?: number }) {
  const t = useMessages();
  const { locale } = useAppState();
  const [form, setForm] = useState<CampaignForm>(emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [loaded, setLoaded] = useState(campaignId === undefined);
  const days = campaignDays(form.firstDay, form.lastDay);
  useEffect(() => {
    if (campaignId === undefined) return;
    void api<CampaignFileInput>('GET', `/admin/api/campaigns/${campaignId}/file`).then((answer) => {
      if (answer.ok) setForm(fromCampaignFile(answer.data));
      else setErrors({ [FORM]: answer.status === 404 ? t.campaignMissing : answer.status === 0 ? t.offline : t.serverError });
      setLoaded(true);
    });
  }, [campaignId]);
  const set = <K extends keyof CampaignForm>(key: K) => (value: CampaignForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: 'slug' | 'province' | 'commune' | 'venueName' | 'lat' | 'lon' | 'firstDay' | 'lastDay' | 'reminders' | 'staffChat') => ({
    value: form[key],
    onInput: (e: { currentTarget: HTMLInputElement }) => set(key)(e.currentTarget.value),
  });

  const showErrors = (found: Record<string, string>) => {
    setErrors(found);
    const first = Object.keys(found)[0];
    // Focus goes to the first field to fix (or the banner), so a keyboard or screen reader lands on it;
    // centred, so the message under it is not left behind the sticky save bar.
    const field = first ? document.getElementById(first === FORM ? 'form-errors' : first === TITLE ? 'title-fr' : first) : null;
    field?.focus({ preventScroll: true });
    field?.scrollIntoView({ block: 'center' });
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const sent = withProvinceCode(form);
    const built = toCampaignFile(sent);
    const found = checkForm(t, built);
    if (Object.keys(found).length > 0) return showErrors(found);
    setBusy(true);
    const answer = await api<unknown>('POST', '/admin/api/campaigns', built.file);
    setBusy(false);
    if (answer.ok) {
      navigate(campaignId === undefined ? '/campaigns' : `/campaigns/${campaignId}`);
      return;
    }
    const fromApi: Record<string, string> = {};
    if (answer.status === 0) fromApi[FORM] = t.offline;
    else if (answer.status === 409 && answer.body.bookedWindows) {
      const refused = BookedWindowsAnswerSchema.safeParse(answer.body);
      if (refused.success) Object.assign(fromApi, bookedWindowErrors(t, refused.data.bookedWindows, sent, built.origins, (day) => formatShortDay(locale, day)));
      else fromApi[FORM] = t.serverError;
    } else if (answer.status === 409 && Array.isArray(answer.body.windows)) fromApi[FORM] = t.removalRefused;
    else if (answer.status === 409) fromApi.slug = t.slugTaken;
    else if (answer.status === 400 && answer.body.problems) {
      for (const problem of answer.body.problems) {
        const { path, message } = readProblem(problem);
        fromApi[fieldFor(path, built.origins)] ??= message;
      }
    } else fromApi[FORM] = answer.status === 403 ? t.forbidden : answer.status >= 500 ? t.serverError : answer.body.error;
    showErrors(fromApi);
  };

  const openFile = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    if (!chosen) return;
    try {
      setForm(fromCampaignFile(CampaignFileSchema.parse(JSON.parse(await chosen.text()))));
      setErrors({});
    } catch {
      showErrors({ [FORM]: t.fileUnreadable });
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(toCampaignFile(form).file, null, 2)], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `${form.slug || 'campaign'}.json` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const problemCount = Object.keys(errors).length;

  return (
    <section aria-labelledby="form-title">
      <h1 id="form-title">{campaignId === undefined ? t.formTitleNew : t.formTitleEdit}</h1>
      {!loaded ? <p role="status">{t.loading}</p> : null}
      <p>{t.formIntro}</p>
      <div class="actions">
        <label class="button" for="open-file">{t.loadFile}</label>
        <input id="open-file" class="visually-hidden" type="file" accept="application/json,.json" onChange={(e) => void openFile(e.currentTarget)} />
        <button type="button" onClick={download}>{t.downloadFile}</button>
      </div>
      <div id="form-errors" tabIndex={-1}>
        {problemCount > 0 ? <ErrorBanner message={[t.fixErrors(problemCount), errors[FORM]].filter(Boolean).join(' ')} /> : null}
      </div>
      <form onSubmit={(e) => void save(e)} noValidate>
        <fieldset class="form-section">
          <legend>{t.sectionGeneral}</legend>
          <div class="row">
            <Field id="slug" label={t.slug} required dir="ltr" autoComplete="off" readOnly={campaignId !== undefined} error={errors.slug} {...text('slug')} />
            <div class="field">
              <label for="kind">{t.kind}</label>
              <select id="kind" value={form.kind} onChange={(e) => set('kind')(e.currentTarget.value === 'blood_drive' ? 'blood_drive' : 'caravan')}>
                <option value="caravan">{t.kindCaravan}</option>
                <option value="blood_drive">{t.kindBloodDrive}</option>
              </select>
            </div>
            <TitleFields fr={form.titleFr} ar={form.titleAr} errors={errors} onInput={(key, value) => set(key)(value)} />
            <TextArea id="description-fr" label={t.descriptionFr} lang="fr" dir="ltr" value={form.descriptionFr} error={errors['description-fr']} onInput={set('descriptionFr')} />
            <TextArea id="description-ar" label={t.descriptionAr} lang="ar" dir="rtl" value={form.descriptionAr} error={errors['description-ar']} onInput={set('descriptionAr')} />
          </div>
        </fieldset>
        <fieldset class="form-section">
          <legend>{t.sectionPlace}</legend>
          <div class="row">
            <Field id="province" label={t.province} required list="provinces" autoComplete="off" error={errors.province} {...text('province')} />
            <datalist id="provinces">
              {PROVINCES.map((p) => <option key={p.code} value={p.code}>{locale === 'ar' ? p.nameAr : p.nameFr}</option>)}
            </datalist>
            <Field id="commune" label={t.commune} required dir="auto" error={errors.commune} {...text('commune')} />
            <Field id="venue-name" label={t.venueName} required dir="auto" error={errors['venue-name']} {...text('venueName')} />
            <Field id="venue-lat" label={t.latitude} required inputMode="decimal" dir="ltr" error={errors['venue-lat']} {...text('lat')} />
            <Field id="venue-lon" label={t.longitude} required inputMode="decimal" dir="ltr" error={errors['venue-lon']} {...text('lon')} />
          </div>
        </fieldset>
        <fieldset class="form-section">
          <legend>{t.sectionDays}</legend>
          <div class="row">
            <Field id="first-day" label={t.firstDay} required type="date" error={errors['first-day']} {...text('firstDay')} />
            <Field id="last-day" label={t.lastDay} required type="date" error={errors['last-day']} {...text('lastDay')} />
          </div>
        </fieldset>
        <fieldset class="form-section">
          <legend>{t.sectionServices}</legend>
          {errors['services'] ? <p class="field-error">{errors['services']}</p> : null}
          {form.services.map((service, i) => (
            <ServiceEditor key={i} index={i} service={service} days={days} errors={errors}
              onChange={(next) => set('services')(form.services.map((s, j) => (j === i ? next : s)))}
              onRemove={form.services.length > 1 ? () => set('services')(form.services.filter((_, j) => j !== i)) : undefined} />
          ))}
          <button type="button" onClick={() => set('services')([...form.services, { code: 'ophthalmology', fasting: false, checkinDays: '', rows: [emptyWindow()] }])}>{t.addService}</button>
        </fieldset>
        <fieldset class="form-section">
          <legend>{t.sectionReminders}</legend>
          <Field id="reminders" label={t.reminders} dir="ltr" error={errors.reminders} {...text('reminders')} />
          <Field id="staff-chat" label={t.staffChat} dir="ltr" inputMode="numeric" error={errors['staff-chat']} {...text('staffChat')} />
          <div class="field">
            <label for="status">{t.status}</label>
            <select id="status" value={form.status} onChange={(e) => set('status')(e.currentTarget.value === 'published' ? 'published' : 'draft')}>
              <option value="draft">{t.statusDraft}</option>
              <option value="published">{t.statusPublished}</option>
            </select>
          </div>
        </fieldset>
        <div class="sticky-save">
          <button type="submit" class="primary" disabled={busy}>{busy ? t.saving : t.save}</button>
        </div>
      </form>
    </section>
  );
}
