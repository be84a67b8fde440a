// The bookings of a campaign as a CSV file Excel opens with Arabic intact: UTF-8 with a byte order
// mark, every field quoted (RFC 4180), CRLF line ends. Pure.
import type { ExportedBooking } from '../../domain/campaigns/booking-export.ts';
import { readablePhone } from '../../domain/contacts/phone.ts';
import { BOOKINGS_CSV_COLUMNS } from '../console/capacity.schemas.ts';

export type CsvLocale = 'fr' | 'ar';

const HEADERS: Record<CsvLocale, Record<(typeof BOOKINGS_CSV_COLUMNS)[number], string>> = {
  fr: { day: 'Jour', service: 'Service', window: 'Créneau', name: 'Nom', age: 'Âge', sex: 'Sexe', commune: 'Commune', code: 'Code', phone: 'Téléphone', status: 'Statut' },
  ar: { day: 'اليوم', service: 'الخدمة', window: 'الفترة', name: 'الاسم', age: 'العمر', sex: 'الجنس', commune: 'الجماعة', code: 'الرمز', phone: 'الهاتف', status: 'الحالة' },
};

const WORDS: Record<CsvLocale, Record<string, string>> = {
  fr: { female: 'femme', male: 'homme', booked: 'réservé', cancelled: 'annulé', attended: 'venu', no_show: 'absent' },
  ar: { female: 'أنثى', male: 'ذكر', booked: 'محجوز', cancelled: 'ملغى', attended: 'حضر', no_show: 'غائب' },
};

/** A name typed by a villager must not run as a spreadsheet formula (=, +, -, @ first). */
export function inert(text: string | null): string {
  if (text === null) return '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/**
 * `serviceName` names a service code in the file's language (the villagers' words for it).
 *
 * @example bookingsCsv([], 'fr', (code) => code) // '\uFEFF"Jour","Service",…,"Statut"\r\n'
 */
export function bookingsCsv(rows: readonly ExportedBooking[], locale: CsvLocale, serviceName: (code: string) => string): string {
  const words = WORDS[locale];
  const header = BOOKINGS_CSV_COLUMNS.map((c) => HEADERS[locale][c]);
  const lines = rows.map((r) => [
    r.day,
    serviceName(r.service),
    r.window,
    inert(r.name),
    r.age === null ? '' : String(r.age),
    r.sex === null ? '' : (words[r.sex] ?? r.sex),
    inert(r.commune),
    r.code,
    // Grouped with spaces: Excel would read bare digits as a number and show 2.12612E+11.
    r.phone === null ? '' : readablePhone(r.phone),
    words[r.status] ?? r.status,
  ]);
  return `\uFEFF${[header, ...lines].map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}
