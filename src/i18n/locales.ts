// The locales villagers are answered in: the one list every schema, table type and menu takes them from.

/**
 * Darija in Arabic script and in Latin letters (Arabizi), Modern Standard Arabic, French, and Tachelhit
 * in Latin letters as typed on phones. A new locale is added here, in locales/<locale>/, in the contacts
 * check constraint (a migration) and in the records typed `Record<Locale, ...>` the compiler then names.
 */
export const LOCALES = ['ary', 'ary-Latn', 'ar', 'fr', 'shi'] as const;
export type Locale = (typeof LOCALES)[number];

/** The locales written right to left. */
export const ARABIC_SCRIPT_LOCALES: ReadonlySet<Locale> = new Set(['ary', 'ar']);
