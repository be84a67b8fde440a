// Reading the locale files as flat keys, with the plural forms of a counted string grouped under its key.
import { LOCALES, pluralCategories, type Locale } from '../../src/i18n/index.ts';
import type { Resource } from 'i18next';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

export function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  if (typeof value !== 'object' || value === null) return {};
  return Object.assign({}, ...Object.entries(value).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
}

export const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? ''))].sort();

export interface LocaleKeys {
  /** Plain keys and their text. */
  plain: Record<string, string>;
  /** Counted keys ("campaigns:placesLeft") and their forms by plural category. */
  counted: Record<string, Record<string, string>>;
}

/** A key is counted when it has an `_other` form; its `_one`, `_few`... forms are grouped under it. */
export function localeKeys(resources: Resource, locale: Locale): LocaleKeys {
  const flat = Object.fromEntries(
    Object.entries(resources[locale] ?? {}).flatMap(([ns, tree]) => Object.entries(flatten(tree)).map(([k, v]) => [`${ns}:${k}`, v])),
  );
  const countedBases = new Set(Object.keys(flat).filter((k) => k.endsWith('_other')).map((k) => k.replace(PLURAL_SUFFIX, '')));
  const plain: Record<string, string> = {};
  const counted: Record<string, Record<string, string>> = {};
  for (const [key, text] of Object.entries(flat)) {
    const base = key.replace(PLURAL_SUFFIX, '');
    if (base !== key && countedBases.has(base)) (counted[base] ??= {})[key.slice(base.length + 1)] = text;
    else plain[key] = text;
  }
  return { plain, counted };
}

/** Every text of a locale villagers may see, plain or a plural form: not the notes for reviewers (`_review`). */
export function localeTexts(resources: Resource, locale: Locale): string[] {
  const keys = localeKeys(resources, locale);
  const seen = Object.entries(keys.plain).filter(([key]) => !key.split(':').some((part) => part.startsWith('_')));
  return [...seen.map(([, text]) => text), ...Object.values(keys.counted).flatMap((forms) => Object.values(forms))];
}

export const allLocaleKeys = (resources: Resource) => Object.fromEntries(LOCALES.map((l) => [l, localeKeys(resources, l)])) as Record<Locale, LocaleKeys>;

export { pluralCategories };
