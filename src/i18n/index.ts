// Locales, the translator over locales/, and Moroccan date formatting.
export { LOCALES, LOCALES_DIR, PLURAL_RULES_LOCALE, loadResources, createTranslator, pluralCategories, type Locale, type Translate } from './translator.ts';
export { formatDay, formatDayRange, formatDayWithYear, formatWindow, formatWindowShort } from './dates.ts';
export { FSI, PDI, isolateIn, isRightToLeft } from './bidi.ts';
