// Digits as villagers and staff type them: 0-9, Arabic-Indic ٠-٩ and Eastern ۰-۹. Pure.
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** @example westernDigits('٠٦١٢ ۳۴') // '0612 34' */
export function westernDigits(text: string): string {
  return text.replace(ARABIC_DIGITS, (d) => String((d.codePointAt(0) ?? 0) & 0xf));
}
