// The consent notice says the same thing in every locale, briefly, and ends with its question.
import { describe, expect, it } from 'vitest';
import { LOCALES, createTranslator, loadResources } from '../../src/i18n/index.ts';
import { understand } from '../../src/understanding/index.ts';

const t = createTranslator(loadResources());

describe.each(LOCALES)('the consent notice in %s', (locale) => {
  const notice = t(locale, 'consent:notice');

  it('is short and ends with the question, then says how to answer 1 or 2', () => {
    expect(notice.split(/\s+/).length).toBeLessThanOrEqual(40);
    expect(notice).toMatch(/[?؟]$/);
    expect(t(locale, 'consent:answer')).toMatch(/1.*2/);
  });

  it('keeps the data until the villager asks to erase it, with the words that erase it, under law 09-08', () => {
    const quoted = /«\s*([^»]+?)\s*»/.exec(notice)?.[1] ?? '';
    expect(understand(quoted).intent).toBe('delete_data');
    expect(notice).toContain('09-08');
    // What the code does (README, "What is kept how long"): nothing ends with the use of the service.
    expect(notice).not.toMatch(/tant que|ما دمت|ما دام|ma dam/);
  });
});
