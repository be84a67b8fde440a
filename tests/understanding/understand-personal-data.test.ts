// Asking what is kept about oneself, and asking to correct it (law 09-08), without taking other requests.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/index.ts';

const heard = (text: string) => understand(text).intent;

describe('asking what Qafila knows about me', () => {
  it.each([
    'chno 3arfin 3liya', 'ach 3andkom 3liya', 'chno kat3rfo 3liya', 'lma3lomat dyali',
    'شنو عارفين عليا', 'واش عندكم معلوماتي', 'المعلومات ديالي',
    'ما هي بياناتي', 'ماذا تعرفون عني', 'بياناتي',
    'quelles données avez-vous', 'quelles informations avez-vous sur moi', 'mes données', 'que savez-vous sur moi ?',
  ])('is "%s"', (text) => {
    expect(heard(text)).toBe('my_data');
  });

  it('is answered in the language and script it is asked in', () => {
    expect(understand('chno 3arfin 3liya')).toMatchObject({ locale: 'ary', script: 'latn' });
    expect(understand('شنو عارفين عليا')).toMatchObject({ locale: 'ary', script: 'arab' });
    expect(understand('ما هي بياناتي')).toMatchObject({ locale: 'ar', script: 'arab' });
    expect(understand('mes données')).toMatchObject({ locale: 'fr', script: 'latn' });
  });
});

describe('asking to correct a name, an age or a commune', () => {
  it.each([
    'bghit nbeddel smiti', 'bghit nbdel smiya dyal bnti', 'bghit nbeddel l3mer dyal mmi',
    'بغيت نبدل السمية', 'بغيت نبدل الجماعة ديال بنتي', 'تصحيح',
    'أريد تصحيح اسمي', 'تعديل العمر من فضلك',
    'corriger mon nom', 'je veux changer mon âge', 'modifier la commune de mon fils',
  ])('is "%s"', (text) => {
    expect(heard(text)).toBe('correct_data');
  });
});

describe('other requests keep their meaning', () => {
  it.each([
    ['bghit n3ref fin l9afila', 'campaigns_info'],
    ['imta jaya l9afila', 'campaigns_info'],
    ['bghit n3ref lmaw3id dyali', 'my_appointments'],
    ['mon rendez-vous', 'my_appointments'],
    ['bghit nbdel lmaw3id', 'reschedule'],
    ['بغيت نبدل الموعد', 'reschedule'],
    ['changer mon rendez-vous', 'reschedule'],
    ["modifier l'heure", 'reschedule'],
    ['changer de langue', 'change_language'],
    ['nbeddel lougha', 'change_language'],
    ['wach 3andkom tbib snan', 'book'],
  ])('"%s" is still %s', (text, intent) => {
    expect(heard(text)).toBe(intent);
  });

  it.each([
    // The consent notice and the menu tell villagers these very words.
    'effacer mes données', 'ms7 lma3loumat dyali', 'مسح المعلومات ديالي', 'احذف بياناتي',
    'Nms7 lma3loumat dyali', 'نمسح المعلومات ديالي', 'حذف بياناتي',
    'supprimer mes données', 'effacez toutes mes données', 'bghit tms7o lma3lomat dyali kamlin', 'امسح معلوماتي الشخصية',
  ])('"%s" still asks to erase, although it names my data', (text) => {
    expect(heard(text)).toBe('delete_data');
  });
});
