// A person without a booking, registered at the desk: name, sex, age, commune, the phone if they have
// one (and whether they agreed, on paper, that the bot writes to it), the service. After one person,
// "another of the family" keeps the phone, the commune and the consent for the next.
import { useState } from 'preact/hooks';
import type { WalkInBody } from '../../api/types.ts';
import { Field } from '../../components/field.tsx';
import type { Messages } from '../../i18n/index.ts';

export interface WalkInDraft {
  name: string;
  sex: '' | 'female' | 'male';
  age: string;
  commune: string;
  phone: string;
  consent: boolean;
  service: string;
  overCapacity: boolean;
}

export const emptyDraft = (service: string): WalkInDraft => ({ name: '', sex: '', age: '', commune: '', phone: '', consent: false, service, overCapacity: false });

/** The next person of the same family: same phone, commune, consent and service. */
export const nextOfFamily = (d: WalkInDraft): WalkInDraft => ({ ...emptyDraft(d.service), phone: d.phone, commune: d.commune, consent: d.consent });

export type WalkInProblems = Partial<Record<'name' | 'sex' | 'age' | 'commune', string>>;
type Problems = WalkInProblems;

/** The request for the API, or the fields to fix (said beside them). Pure. */
export function readDraft(t: Messages, d: WalkInDraft, day: string): { body: Omit<WalkInBody, 'clientId' | 'at'> } | { problems: Problems } {
  const problems: Problems = {};
  if (!d.name.trim()) problems.name = t.walkInNameMissing;
  if (!d.sex) problems.sex = t.walkInSexMissing;
  const age = Number(d.age);
  if (!/^\d{1,3}$/.test(d.age.trim()) || age > 120) problems.age = t.walkInAgeWrong;
  if (!d.commune.trim()) problems.commune = t.walkInCommuneMissing;
  if (Object.keys(problems).length > 0 || !d.sex) return { problems };
  const phone = d.phone.trim();
  return {
    body: {
      day,
      service: d.service,
      overCapacity: d.overCapacity,
      person: { name: d.name.trim(), sex: d.sex, age, commune: d.commune.trim(), ...(phone ? { phone } : {}), consent: phone ? d.consent : false },
    },
  };
}

interface Props {
  t: Messages;
  services: string[];
  draft: WalkInDraft;
  problems: Problems;
  sending: boolean;
  onChange: (draft: WalkInDraft) => void;
  onSubmit: () => void;
}

export function WalkInForm({ t, services, draft, problems, sending, onChange, onSubmit }: Props) {
  const set = <K extends keyof WalkInDraft>(key: K, value: WalkInDraft[K]) => onChange({ ...draft, [key]: value });
  const [open, setOpen] = useState(false);
  if (!open) return <button type="button" class="desk-scan" onClick={() => setOpen(true)}>{t.walkInOpen}</button>;
  return (
    <form
      class="form-section desk-walk-in"
      aria-labelledby="walk-in-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h2 id="walk-in-title">{t.walkInTitle}</h2>
      <Field id="walk-in-name" label={t.walkInName} required value={draft.name} error={problems.name} onInput={(e) => set('name', e.currentTarget.value)} autoComplete="off" />
      <fieldset class="field desk-sex" aria-invalid={problems.sex ? 'true' : undefined}>
        <legend>{t.deskSex} *</legend>
        {(['female', 'male'] as const).map((sex) => (
          <label key={sex} class="choice">
            <input type="radio" name="walk-in-sex" checked={draft.sex === sex} onChange={() => set('sex', sex)} /> {t.sexNames[sex]}
          </label>
        ))}
        {problems.sex ? <p class="field-error">{problems.sex}</p> : null}
      </fieldset>
      <Field id="walk-in-age" label={t.deskAge} required inputMode="numeric" value={draft.age} error={problems.age} onInput={(e) => set('age', e.currentTarget.value)} />
      <Field id="walk-in-commune" label={t.deskCommune} required value={draft.commune} error={problems.commune} onInput={(e) => set('commune', e.currentTarget.value)} />
      <Field id="walk-in-phone" label={t.walkInPhone} hint={t.walkInPhoneHint} type="tel" inputMode="tel" dir="ltr" value={draft.phone} onInput={(e) => set('phone', e.currentTarget.value)} />
      {draft.phone.trim() ? (
        <label class="choice">
          <input type="checkbox" checked={draft.consent} onChange={(e) => set('consent', e.currentTarget.checked)} /> {t.walkInConsent}
        </label>
      ) : null}
      <div class="field">
        <label for="walk-in-service">{t.deskService}</label>
        <select id="walk-in-service" value={draft.service} onChange={(e) => set('service', e.currentTarget.value)}>
          {services.map((s) => <option key={s} value={s}>{t.serviceNames[s] ?? s}</option>)}
        </select>
      </div>
      <label class="choice">
        <input type="checkbox" checked={draft.overCapacity} onChange={(e) => set('overCapacity', e.currentTarget.checked)} /> {t.walkInOverCapacity}
      </label>
      <button type="submit" class="desk-arrived" disabled={sending}>{t.walkInSave}</button>
    </form>
  );
}
