// How what is kept about a villager reads in the chat: the contact in one message, then one per person. Pure.
import { formatConfirmationCode } from '../domain/appointments/confirmation-code.ts';
import type { PersonalData, PersonRecord } from '../domain/contacts/personal-data.ts';
import { formatDayWithYear, formatWindow } from '../i18n/dates.ts';
import { localized, provinceName, serviceName } from './campaign-text.ts';
import type { Say } from './say.ts';

/** A person as the villager named them, or "not given" for a name never asked (it always is today). */
export function personName(s: Say, fullName: string | null): string {
  return fullName ?? s.t('access:notGiven');
}

/** A birth year read as people think of it: the age this year, and the year. */
export function ageText(s: Say, birthYear: number, today: string): string {
  return s.t('access:ageValue', { age: Number(today.slice(0, 4)) - birthYear, year: birthYear });
}

/** The phone, language, province, consent day, alerts and recall wish of the contact. */
export function contactText(s: Say, data: PersonalData): string {
  const lines = [
    s.t('access:intro'),
    data.phone ? s.t('access:phone', { phone: data.phone }) : s.t('access:noPhone'),
    s.t('access:language', { language: data.locale ? s.t(`language:name.${data.locale}`) : s.t('access:notGiven') }),
    data.provinceCode ? s.t('access:province', { province: provinceName(data.provinceCode, s.locale) }) : s.t('access:noProvince'),
    ...(data.consentDay ? [s.t('access:consent', { day: formatDayWithYear(data.consentDay, s.locale) })] : []),
    data.alertProvinces.length > 0
      ? s.t('access:alerts', { provinces: data.alertProvinces.map((code) => provinceName(code, s.locale)).join(', ') })
      : s.t('access:noAlerts'),
    ...(data.donorRecall ? [s.t('access:recall')] : []),
  ];
  return lines.join('\n');
}

/** One registered person: who, their details, and every appointment and donation, past ones included. */
export function personText(s: Say, p: PersonRecord, today: string): string {
  const details = [
    ...(p.sex ? [s.t(`register:sex.${p.sex}`)] : []),
    ...(p.birthYear !== null ? [s.t('access:age', { age: ageText(s, p.birthYear, today) })] : []),
    ...(p.commune ? [s.t('access:commune', { commune: p.commune })] : []),
  ];
  const appointments = p.appointments.map((a) =>
    s.t('access:appointment', {
      campaign: localized(a.campaignTitle, s.locale),
      service: serviceName(s, a.service),
      day: formatDayWithYear(a.day, s.locale),
      window: formatWindow(a.startsAt, a.endsAt, s.locale),
      status: s.t(`access:status.${a.status}`),
      code: formatConfirmationCode(a.code),
    }),
  );
  const donations = p.donations.map((d) =>
    s.t('access:donation', { day: formatDayWithYear(d.donatedOn, s.locale), next: formatDayWithYear(d.nextEligibleOn, s.locale) }),
  );
  return [
    s.t('access:person', { name: personName(s, p.fullName), relation: s.t(`access:relation.${p.relation}`) }),
    ...(details.length > 0 ? [details.join(' · ')] : []),
    ...(p.bloodGroup ? [s.t('access:bloodGroup', { group: p.bloodGroup })] : []),
    ...(appointments.length > 0 ? [s.t('access:appointments'), ...appointments] : []),
    ...(donations.length > 0 ? [s.t('access:donations'), ...donations] : []),
  ].join('\n');
}
