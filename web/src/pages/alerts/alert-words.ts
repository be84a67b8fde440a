// How an alert and a check-in answer read to the medical staff, in their language. Pure.
import { formatNumber, TIME_ZONE, type Locale, type Messages } from '../../i18n/index.ts';
import type { AlertSummary } from '../../api/types.ts';

/** One answer: pain by its level, the others yes or no. */
export function answerText(t: Messages, question: string, value: unknown): string {
  if (question === 'pain' && typeof value === 'number') return t.alertPain[value] ?? String(value);
  if (typeof value === 'boolean') return value ? t.alertYes : t.alertNo;
  return String(value);
}

/** What raised the alert: "Douleur : Insupportable", or why nobody reached the patient. */
export function alertReason(t: Messages, alert: Pick<AlertSummary, 'kind' | 'details'>): string {
  const { question, answer, reason } = alert.details;
  if (alert.kind === 'red_flag' && typeof question === 'string') return t.alertAnswer(t.alertQuestions[question] ?? question, answerText(t, question, answer));
  return (typeof reason === 'string' ? t.alertReasons[reason] : undefined) ?? t.alertUnreachable;
}

/** "day_3" -> 3: the check-in's day after the operation. */
export function checkinDay(label: string): number | undefined {
  const day = /^day_(\d+)/.exec(label)?.[1];
  return day === undefined ? undefined : Number(day);
}

export function dateTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-MA' : 'fr-MA', { timeZone: TIME_ZONE, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** A name inside a sentence of the other direction (a Latin name in Arabic) keeps its own order. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

export const dayAfter = (t: Messages, locale: Locale, n: number) => t.alertDay(formatNumber(locale, n));
