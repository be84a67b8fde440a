// The campaign form's translation: what a coordinator types in the grid becomes a campaign file the API's
// schema accepts, and every problem the schema or the API finds lands beside the field that caused it.
import { describe, expect, it } from 'vitest';
import { CampaignFileSchema } from '../../src/domain/campaigns/campaign-file.ts';
import { campaignDays, emptyForm, fromCampaignFile, toCampaignFile, type CampaignForm } from '../../web/src/pages/campaign-form/campaign-form.model.ts';
import { fieldFor, readProblem, translateIssue } from '../../web/src/pages/campaign-form/campaign-form.problems.ts';
import { ar } from '../../web/src/i18n/ar.ts';
import { fr } from '../../web/src/i18n/fr.ts';

function filledForm(): CampaignForm {
  return {
    ...emptyForm(),
    slug: 'tinghir-2027-03', titleFr: 'Caravane de Tinghir', titleAr: 'قافلة تنغير', province: 'tinghir', commune: 'Tinghir',
    venueName: 'Centre de santé', lat: '31.51', lon: '-5.53', firstDay: '2027-03-01', lastDay: '2027-03-03', reminders: '2 18:00, 0 à 07:30',
    services: [
      { code: 'general_medicine', fasting: false, checkinDays: '', rows: [{ start: '09:00', end: '12:00', capacities: { '2027-03-01': '40', '2027-03-02': '40', '2027-03-03': '40' } }] },
      { code: 'surgery', fasting: true, checkinDays: '1، 3، 7', rows: [{ start: '08:00', end: '10:00', capacities: { '2027-03-01': '10', '2027-03-02': '5' } }] },
    ],
  };
}

describe('the form as a campaign file', () => {
  it('lists the campaign days first to last, and none when the last day is before the first', () => {
    expect(campaignDays('2027-02-27', '2027-03-02')).toEqual(['2027-02-27', '2027-02-28', '2027-03-01', '2027-03-02']);
    expect(campaignDays('2027-03-02', '2027-03-01')).toEqual([]);
    expect(campaignDays('2027-03-01', '2027-05-01')).toEqual([]);
  });

  it('builds a file the API schema accepts: one window for every day when all days hold the same places, else one per number', () => {
    const { file, origins } = toCampaignFile(filledForm());
    const parsed = CampaignFileSchema.parse(file);
    expect(parsed.services[0]?.windows).toEqual([{ days: 'all', start: '09:00', end: '12:00', capacity: 40 }]);
    expect(parsed.services[1]?.windows).toEqual([
      { days: ['2027-03-01'], start: '08:00', end: '10:00', capacity: 10 },
      { days: ['2027-03-02'], start: '08:00', end: '10:00', capacity: 5 },
    ]);
    expect(parsed.services[1]).toMatchObject({ requiresFasting: true, checkinDays: [1, 3, 7] });
    expect(parsed.reminders).toEqual([{ daysBefore: 2, at: '18:00' }, { daysBefore: 0, at: '07:30' }]);
    expect(parsed.title).toEqual({ fr: 'Caravane de Tinghir', ar: 'قافلة تنغير' });
    expect(origins[1]).toEqual([{ row: 0, days: ['2027-03-01'] }, { row: 0, days: ['2027-03-02'] }]);
  });

  it('reads a campaign file back into the same grid, so a campaign is edited and imported again', () => {
    const form = filledForm();
    const again = fromCampaignFile(toCampaignFile(form).file);
    expect(again.services.map((s) => s.rows)).toEqual(form.services.map((s) => s.rows));
    expect(toCampaignFile(again).file).toEqual(toCampaignFile(form).file);
  });

  it('sends a title in Arabic only, leaving the empty French one out, and reads it back', () => {
    const { file } = toCampaignFile({ ...filledForm(), titleFr: '  ', titleAr: 'قافلة تنغير' });
    expect(CampaignFileSchema.parse(file).title).toEqual({ ar: 'قافلة تنغير' });
    expect(fromCampaignFile(file)).toMatchObject({ titleFr: '', titleAr: 'قافلة تنغير' });
  });

  it('says which text it could not read instead of sending it', () => {
    const built = toCampaignFile({ ...filledForm(), reminders: 'deux jours avant' });
    expect(built.unreadable).toEqual({ reminders: 'reminders' });
    expect(built.file.reminders).toBeUndefined();
  });
});

describe('problems beside their field', () => {
  const { origins } = toCampaignFile(filledForm());

  it('reads the paths the API writes, with brackets or dots', () => {
    expect(readProblem('services[1].windows[1].capacity: capacity cannot be negative')).toEqual({ path: ['services', 1, 'windows', 1, 'capacity'], message: 'capacity cannot be negative' });
    expect(readProblem('services.0.windows.1.end: must be after start (09:00)').path).toEqual(['services', 0, 'windows', 1, 'end']);
    expect(readProblem('(file): Unrecognized key: "x"')).toEqual({ path: [], message: '(file): Unrecognized key: "x"' });
  });

  it('puts a window problem on the grid cell of its row and first day', () => {
    expect(fieldFor(['services', 1, 'windows', 1, 'capacity'], origins)).toBe('service-1-row-0-day-2027-03-02');
    expect(fieldFor(['services', 1, 'windows', 0, 'end'], origins)).toBe('service-1-row-0-end');
    expect(fieldFor(['title', 'fr'], origins)).toBe('title-fr');
    expect(fieldFor(['venue', 'lat'], origins)).toBe('venue-lat');
    expect(fieldFor(['lastDay'], origins)).toBe('last-day');
    expect(fieldFor(['nothing', 'known'], origins)).toBe('form');
  });

  it('puts a missing title beside both title fields, in the staff member\'s language', () => {
    const parsed = CampaignFileSchema.safeParse(toCampaignFile({ ...filledForm(), titleFr: '', titleAr: '' }).file);
    const issues = parsed.success ? [] : parsed.error.issues;
    expect(issues.map((i) => fieldFor(i.path.filter((p) => typeof p !== 'symbol'), origins))).toEqual(['title']);
    const [issue] = issues;
    expect(issue && translateIssue(fr, issue)).toBe('Donnez un titre, en français ou en arabe.');
    expect(issue && translateIssue(ar, issue)).toBe('أدخل عنوانًا بالفرنسية أو بالعربية.');
    expect(fieldFor(['title', 'ar'], origins)).toBe('title-ar');
  });
});
