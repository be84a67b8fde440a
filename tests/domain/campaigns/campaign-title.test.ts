// A campaign's title is in French, in Arabic or both: a file with neither is refused at `title`, and every
// reader gets the title in their locale or the closest one the campaign has.
import { describe, expect, it } from 'vitest';
import { closestLocale, inLocale } from '../../../src/domain/campaigns/localized-text.ts';
import { parseCampaignFile } from '../../../src/domain/campaigns/campaign-import.ts';
import { campaignProblems as problemsOf } from '../../support/campaign-problems.ts';
import { campaignFile } from '../../support/fixtures.ts';

describe('a campaign title', () => {
  it('may be in Arabic only, or in French only', () => {
    expect(parseCampaignFile(campaignFile({ title: { ar: 'قافلة تنغير' } })).title).toEqual({ ar: 'قافلة تنغير' });
    expect(parseCampaignFile(campaignFile({ title: { fr: 'Caravane de Tinghir' } })).title).toEqual({ fr: 'Caravane de Tinghir' });
  });

  it('is refused at `title` when it has neither French nor Arabic, Moroccan Arabic alone included', () => {
    const message = 'title: give a title in French ("fr"), in Arabic ("ar") or both';
    expect(problemsOf(campaignFile({ title: {} }))).toEqual([message]);
    expect(problemsOf(campaignFile({ title: { ary: 'قافلة تنغير' } }))).toEqual([message]);
    expect(problemsOf(campaignFile({ title: { fr: '  ' } }))).toEqual([expect.stringMatching(/^title\.fr: /)]);
  });

  it('still needs the French name of a venue given per locale, the one staff read', () => {
    const venue: unknown = { name: { ar: 'مستوصف' }, lat: 31.2, lon: -6.1 };
    expect(problemsOf({ ...campaignFile(), venue })).toEqual(['venue.name.fr: is missing (expected string)']);
  });
});

describe('reading a title in a locale', () => {
  it('gives an Arabic-only title to a French reader, and a French-only one to an Arabic reader', () => {
    expect(inLocale({ ar: 'قافلة تنغير' }, 'fr')).toBe('قافلة تنغير');
    expect(inLocale({ fr: 'Caravane de Tinghir' }, 'ar')).toBe('Caravane de Tinghir');
    expect(closestLocale({ ar: 'قافلة تنغير' }, 'fr')).toBe('ar');
  });

  it('prefers the reader\'s locale, then the same script, then French', () => {
    const all = { fr: 'Caravane', ar: 'قافلة', ary: 'القافلة', 'ary-Latn': 'Lqafila' };
    expect(inLocale(all, 'ary')).toBe('القافلة');
    expect(inLocale({ fr: 'Caravane', ar: 'قافلة' }, 'ary')).toBe('قافلة');
    expect(inLocale({ fr: 'Caravane', ar: 'قافلة' }, 'ary-Latn')).toBe('Caravane');
    expect(inLocale({}, 'fr')).toBe('');
  });

  it('gives a Tachelhit reader the Tachelhit title, else the Darija one in Latin letters, and Tachelhit to others last', () => {
    expect(inLocale({ fr: 'Caravane', shi: 'L9afila n Tiznit' }, 'shi')).toBe('L9afila n Tiznit');
    expect(inLocale({ fr: 'Caravane', ar: 'قافلة', 'ary-Latn': 'L9afila' }, 'shi')).toBe('L9afila');
    expect(inLocale({ ar: 'قافلة', shi: 'L9afila n Tiznit' }, 'fr')).toBe('قافلة');
    expect(inLocale({ fr: 'Caravane', shi: 'L9afila n Tiznit' }, 'ary-Latn')).toBe('Caravane');
  });
});
