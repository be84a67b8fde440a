// Who a service is offered to, from the service's default or the campaign's choice.
import { describe, expect, it } from 'vitest';
import { audienceOf, serves } from '../../../src/domain/campaigns/service-audience.ts';

const today = '2026-12-01';

describe('service audience', () => {
  it('offers gynecology to women and pediatrics to children by default, the rest to anyone', () => {
    expect(['gynecology', 'pediatrics', 'ophthalmology', 'surgery'].map((s) => audienceOf(s, null))).toEqual(['women', 'children', 'anyone', 'anyone']);
    expect(audienceOf('gynecology', 'anyone')).toBe('anyone');
    expect(audienceOf('dental', 'children')).toBe('children');
  });

  it('keeps a man from a service for women, and anyone 16 or older from one for children', () => {
    expect(serves('women', { sex: 'male' }, today)).toBe(false);
    expect(serves('women', { sex: 'female' }, today)).toBe(true);
    expect(serves('children', { birthYear: 2011 }, today)).toBe(true); // 15 this year
    expect(serves('children', { birthYear: 2010 }, today)).toBe(false); // 16 this year
    expect(serves('anyone', { sex: 'male', birthYear: 1950 }, today)).toBe(true);
  });

  it('does not exclude a person whose sex or age is not known', () => {
    expect(serves('women', {}, today)).toBe(true);
    expect(serves('children', { sex: 'male' }, today)).toBe(true);
  });
});
