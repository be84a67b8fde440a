// Message texts in the villager's locale, from locales/<locale>/<namespace>.json, with i18next.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type Resource } from 'i18next';
import { isolateIn } from './bidi.ts';

import { LOCALES, type Locale } from './locales.ts';

export { LOCALES, type Locale };

export const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

/** Reads every locales/<locale>/<namespace>.json into an i18next resource. */
export function loadResources(dir: string = LOCALES_DIR): Resource {
  const resources: Resource = {};
  for (const locale of LOCALES) {
    const folder = path.join(dir, locale);
    resources[locale] = Object.fromEntries(
      readdirSync(folder)
        .filter((f) => f.endsWith('.json'))
        .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(folder, f), 'utf8')) as Record<string, unknown>]),
    );
  }
  return resources;
}

/**
 * The CLDR plural rules each locale counts with. CLDR has none for Darija, and Intl silently falls
 * back to English ("1 / other"); Darija counts as Arabic does: بلاصة وحدة، جوج بلايص، 3 بلايص، 11 بلاصة.
 * Tachelhit has its own (CLDR `shi`): one for 0 and 1, few for 2 to 10, other from 11.
 */
export const PLURAL_RULES_LOCALE: Record<Locale, string> = { ary: 'ar', 'ary-Latn': 'ar', ar: 'ar', fr: 'fr', shi: 'shi' };

/** The plural categories a locale's counted keys must have (`_one`, `_other`, ... after the key). */
export function pluralCategories(locale: Locale): Intl.LDMLPluralRule[] {
  return new Intl.PluralRules(PLURAL_RULES_LOCALE[locale]).resolvedOptions().pluralCategories;
}

interface PluralRuleSource {
  getRule(code: string, options?: { ordinal?: boolean }): Intl.PluralRules | undefined;
}

/** i18next picks `key_few` etc. with Intl's rules for the language code: give it Arabic ones for Darija. */
function countAsArabicInDarija(resolver: PluralRuleSource): void {
  const byCode = resolver.getRule.bind(resolver);
  resolver.getRule = (code, options) => byCode(code in PLURAL_RULES_LOCALE ? PLURAL_RULES_LOCALE[code as Locale] : code, options);
}

export type Translate = (locale: Locale, key: string, vars?: Record<string, string | number>) => string;

/**
 * @example
 * const t = createTranslator(loadResources());
 * t('fr', 'common:backToMenu') // 'Envoyez 0 pour revenir au menu.'
 */
export function createTranslator(resources: Resource, options: { onMissing?: (locale: Locale, key: string) => void } = {}): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: 'fr',
    // No silent fallback: a missing key must show up in tests, not as French text to a Darija speaker.
    fallbackLng: false,
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    // Keep stdout for the program: `npm run chat -- --jsonl` prints only JSON lines.
    showSupportNotice: false,
  });
  countAsArabicInDarija(instance.services.pluralResolver as PluralRuleSource);
  const { onMissing } = options;
  // Every value put into an Arabic-script message is isolated when it is Latin or a phone number.
  const isolated = (locale: Locale, vars: Record<string, string | number> | undefined) =>
    vars && Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'string' ? isolateIn(locale, v) : v]));
  if (!onMissing) return (locale, key, vars) => instance.t(key, { lng: locale, ...isolated(locale, vars) });
  return (locale, key, vars) => {
    // With the count, so a counted key is found by its plural form (`key_few`).
    if (!instance.exists(key, { lng: locale, ...vars })) onMissing(locale, key);
    return instance.t(key, { lng: locale, ...isolated(locale, vars) });
  };
}
