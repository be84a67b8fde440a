// Locales, the translator over locales/, and Moroccan date formatting.
export { LOCALES, LOCALES_DIR, loadResources, createTranslator, type Locale, type Translate } from './translator.ts';
export { formatDay, formatDayWithYear, formatWindow } from './dates.ts';
