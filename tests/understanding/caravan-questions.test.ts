// A question on when the caravan comes that names a doctor asks what the caravan brings, not for a visit.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, understand } from '../../src/understanding/index.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';

const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const rulesOf = (text: string) => understand(text, DEFAULT_LEXICON, silent).intent;

describe('a doctor named in a question on the caravan', () => {
  it.each(['quand arrive la caravane à Tata ? il y aura un dentiste', 'imta tji l9afila l douar, kayn dentiste?', 'mlmi rad d tashk lkafila, is illa dentiste'])(
    'reads "%s" as asking about the caravan',
    (text) => expect(rulesOf(text)).toBe('campaigns_info'),
  );

  it('still books where a visit is asked for, or the caravan is not asked about', () => {
    expect(rulesOf('quand vient la caravane ? je veux inscrire ma fille chez le dentiste')).toBe('book');
    expect(rulesOf('dentiste')).toBe('book');
    expect(rulesOf('imta nmchi l dentiste')).toBe('book');
  });
});
