// What a reminder says, in the contact's language: who, what, when, where, the code, what to bring,
// and how to answer. Pure.
import { formatConfirmationCode } from '../domain/appointments/confirmation-code.ts';
import { formatDay, formatWindow } from '../i18n/dates.ts';
import { isolateIn } from '../i18n/bidi.ts';
import { placeOf } from '../conversation/campaign-text.ts';
import type { LocalizedText } from '../db/tables.ts';
import type { Locale, Translate } from '../i18n/translator.ts';
import type { Reply } from '../conversation/reply.ts';
import { fastingText } from '../conversation/patient-text.ts';

export interface ReminderFacts {
  who: string;
  service: string;
  day: string;
  startsAt: string;
  endsAt: string;
  venue: { name: string; lat: number; lon: number };
  commune: string;
  /** The venue's and commune's names per locale, when the campaign file gave them. */
  names?: { venue?: LocalizedText; commune?: LocalizedText };
  code: string;
  fasting: boolean;
  /** Who the patient is to the phone's owner: a relative is named in what concerns them. */
  relation: string;
}

export function reminderReply(t: Translate, locale: Locale, f: ReminderFacts): Reply {
  const day = formatDay(f.day, locale);
  const window = formatWindow(f.startsAt, f.endsAt, locale);
  const code = formatConfirmationCode(f.code);
  const service = t(locale, `services:${f.service}`);
  const place = placeOf(f, locale);
  const lines = [
    t(locale, 'reminders:text', { who: f.who, service, day, window, place, code }),
    t(locale, f.service === 'blood_donation' ? 'register:bringDonor' : 'register:bring'),
    ...(f.fasting ? [fastingText((key, vars) => t(locale, key, vars), { relation: f.relation, fullName: f.who })] : []),
    t(locale, 'reminders:answer'),
  ];
  return {
    text: lines.join('\n'),
    choices: [{ id: 'reminder_confirm', label: t(locale, 'reminders:confirm') }, { id: 'reminder_cancel', label: t(locale, 'reminders:cancel') }],
    location: { lat: f.venue.lat, lng: f.venue.lon, name: f.venue.name, address: f.commune },
    // A template's parameters are set in its Arabic text as they are: isolated here, as t() does for the rest.
    template: { params: [f.who, service, `${day} ${window}`, place, code].map((p) => isolateIn(locale, p)) },
    // Recorded without the day and the code, which the text carries.
    voice: { key: 'reminders:text', locale },
  };
}
