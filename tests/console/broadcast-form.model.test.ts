// The composer's form rules, without a browser: the request it makes, Morocco's wall-clock time as an
// instant, the progress bar's share and the status a coordinator is shown.
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { LOCALES } from '../../src/i18n/locales.ts';
import { fr } from '../../web/src/i18n/fr.ts';
import { ar } from '../../web/src/i18n/ar.ts';
import { doneShare, EMPTY_FORM, LARGE_BROADCAST, progressPollMs, moroccanInstant, requestOf, shownStatus, VILLAGER_LOCALES } from '../../web/src/pages/broadcasts/broadcast-form.model.ts';

describe('the composer form', () => {
  it('asks nothing until an audience is chosen, then sends the texts given, trimmed', () => {
    expect(requestOf({ ...EMPTY_FORM, texts: { fr: 'Bonjour' } })).toBeUndefined();
    expect(requestOf({ ...EMPTY_FORM, provinces: ['tinghir'], donors: true, texts: { fr: '  La caravane arrive. ', ar: '  ' } })).toEqual({
      audience: { provinces: ['tinghir'], eligibleDonors: {} },
      texts: { fr: 'La caravane arrive.' },
    });
    expect(requestOf({ ...EMPTY_FORM, campaignId: 7, locales: ['ar'], donors: true, bloodGroups: ['O-'] })?.audience).toEqual({ pastBeneficiariesOf: 7, eligibleDonors: { bloodGroups: ['O-'] }, locales: ['ar'] });
  });

  it('offers a text, an audience filter and a name in French and Arabic for every locale villagers are answered in, Tachelhit included', () => {
    expect([...VILLAGER_LOCALES].sort()).toEqual([...LOCALES].sort());
    for (const l of LOCALES) expect([fr.bcLocaleNames[l], ar.bcLocaleNames[l], fr.inboxLanguages[l], ar.inboxLanguages[l]].every(Boolean), l).toBe(true);
    expect(requestOf({ ...EMPTY_FORM, provinces: ['tiznit'], locales: ['shi'], texts: { shi: ' L9afila rad d tashk azkka. ' } })).toEqual({
      audience: { provinces: ['tiznit'], locales: ['shi'] },
      texts: { shi: 'L9afila rad d tashk azkka.' },
    });
  });

  it("reads a scheduled time as Morocco's, whatever the device's zone", () => {
    const tomorrow = DateTime.now().setZone('Africa/Casablanca').plus({ days: 1 }).set({ hour: 10, minute: 30, second: 0, millisecond: 0 });
    expect(moroccanInstant(tomorrow.toFormat("yyyy-MM-dd'T'HH:mm")).toISOString()).toBe(tomorrow.toUTC().toISO());
    expect(requestOf({ ...EMPTY_FORM, provinces: ['tinghir'], at: tomorrow.toFormat("yyyy-MM-dd'T'HH:mm") })?.scheduledAt).toBe(tomorrow.toUTC().toISO());
  });

  it('fills the bar with what has gone, failed or was withdrawn, out of the people to reach', () => {
    expect(doneShare({ status: 'running', targeted: 20, queued: 10, sent: 4, failed: 1, cancelled: 0 })).toBe(0.25);
    expect(doneShare({ status: 'cancelled', targeted: 20, queued: 10, sent: 4, failed: 1, cancelled: 5 })).toBe(0.5);
    expect(doneShare({ status: 'done', targeted: 0, queued: 0, sent: 0, failed: 0, cancelled: 0 })).toBe(1);
  });

  it('reads the progress of a national broadcast less often, from its audience before its messages are written', () => {
    expect(progressPollMs({ targeted: 5_000, queued: 5_000 })).toBe(2000);
    expect(progressPollMs({ targeted: LARGE_BROADCAST, queued: 0 })).toBe(5000);
    expect(progressPollMs({ targeted: null, queued: LARGE_BROADCAST })).toBe(5000);
  });

  it('says "done" only once every message has gone', () => {
    expect(shownStatus({ status: 'done', waiting: 3 })).toBe('running');
    expect(shownStatus({ status: 'done', waiting: 0 })).toBe('done');
    expect(shownStatus({ status: 'cancelled', waiting: 0 })).toBe('cancelled');
  });
});
