// A header link with a count beside it (unread conversations, alerts nobody took): the number for the eye,
// a sentence for a screen reader, nothing at zero.
import { formatNumber } from '../i18n/index.ts';
import { useAppState } from '../store.ts';
import './count-link.css';

export function CountLink({ href, label, count, spoken }: { href: string; label: string; count: number; spoken: (n: string) => string }) {
  const { locale } = useAppState();
  return (
    <a href={href} class="count-link">
      {label}
      {count > 0 ? (
        <span class="badge">
          <span aria-hidden="true">{formatNumber(locale, count)}</span>
          <span class="visually-hidden">{spoken(formatNumber(locale, count))}</span>
        </span>
      ) : null}
    </a>
  );
}
