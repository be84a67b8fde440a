// The language switch on every page: one button naming the other language in that language.
import { chooseLocale, useAppState, useMessages } from '../store.ts';

export function LanguageSwitch() {
  const { locale } = useAppState();
  const t = useMessages();
  const other = locale === 'fr' ? 'ar' : 'fr';
  return (
    <button type="button" class="link-button" lang={other} aria-label={`${t.language}: ${t.otherLanguageName}`} onClick={() => void chooseLocale(other)}>
      {t.otherLanguageName}
    </button>
  );
}
