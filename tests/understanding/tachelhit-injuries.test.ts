// Tachelhit injuries heard through two words each: a fall, a burn, a bite that swells, a bleeding birth, a child shaking.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/index.ts';
import { normalizeText, tokenize } from '../../src/understanding/normalize.ts';
import { tachelhitPatterns } from '../../src/understanding/tachelhit-patterns.ts';

const intentOf = (text: string) => understand(text).intent;
const patternIntents = (text: string) => tachelhitPatterns(tokenize(normalizeText(text))).map((m) => m.intent);

describe('Tachelhit injuries', () => {
  it.each([
    ['a fall from a palm tree, in Tifinagh', 'ⵉⴹⵕ ⴱⴰⴱⴰ ⵣⴳ ⵜⴰⵣⴷⴰⵢⵜ'],
    ['a fall that bleeds from the head', 'baba idr zg ugrn ar as ittazzal idammn g ikhf'],
    ['a fall, then silence', 'tdr yemma ur sul tsawal'],
    ['a fall in Darija words, then no waking', 'ئمي طاحت ؤر تفيق'],
    ['a burn from boiling water', 'iwi ihrg s lma irghan'],
    ['a burn from oil on a hand', 'illi t7rg afus ns s zzit'],
    ['a burn from fire, Arabic script', 'تحرق ئفوس نس س العافيت'],
    ['a snake bite that swells', 'ibbi t ulfsa g udar, ar ittnfakh'],
    ['a scorpion sting that swells', 'l3qrb tlsa3 illi, afus ns itnfkh'],
    ['a birth at home that bleeds', 'tamghart inu ar tarw g tgmmi ar as ittazzal idammn'],
    ['a birth with no midwife', 'ultma tarw ur dis lqabla'],
    ['a little one shaking', 'arba ar itrgigi, ur ifaq'],
    ['blood thrown up, Tachelhit verb', 'baba irra idammn'],
    ['much blood, written with a bare hamza', 'ءيدامّن بزاف ار تازالن'],
  ])('hears %s: "%s"', (_, text) => expect(intentOf(text)).toBe('emergency'));

  it.each([
    ['a fall from a high place', 'ta7 baba mn nnkhla'],
    ['a fall on the head', 'ta7 baba 3la rras'],
    ['no waking', 'طاحت ور تفيق'],
    ['a burn on the body', 't7rg afus ns'],
    ['a swelling beside a snake', 'ulfsa, afus ns ar ittnfakh'],
    ['a swelling beside a scorpion, Arabic script', 'ئقّس ت ؤغردم، ؤفوس نّس ئتنفخ'],
    ['a birth in blood', 'tarw yemma s idammn'],
    ['a little one shaking', 'arba ar itrgigi'],
    ['much blood', 'idammn bzaf g tgmmi'],
    ['a fever that is plenty', 'tawla ggutn'],
    ['a birth under way, "ar ttaru"', 'tamghart inu ar ttaru, ur tlli lqabla'],
    ['a birth under way, "ar tturu", before a doctor asked for', 'illi ar tturu, riɣ tbiba'],
    ['a birth under way, Arabic script', 'ئلّي ار تّارو'],
    ['labour begun, Darija after the doctor called', 'الطبيبة، الولادة بدات'],
    ['labour begun, Latin letters', 'bdat lwilada l mrati'],
    ['contractions begun', 'الطلق بدا عند مراتي'],
  ])('hears %s through its own words: "%s"', (_, text) => expect(patternIntents(text)).toContain('emergency'));

  it('needs the second word: a fall of rain, a burnt meal, a snake seen, a birth alone are no emergency', () => {
    expect(patternIntents('tdr tmazirt')).not.toContain('emergency');
    expect(patternIntents('t7rg lmakla')).not.toContain('emergency');
    expect(patternIntents('illa ulfsa g lbir')).not.toContain('emergency');
    expect(patternIntents('ultma tarw yan urba')).not.toContain('emergency');
    expect(patternIntents('ur tsawalgh s tachelhit')).not.toContain('emergency');
    expect(patternIntents('بابا يرا ادامن')).not.toContain('emergency');
  });

  it.each([
    ['a burn, "irgha" on a hand', 'irgha ufus n illi'],
    ['a burn, "srgh" with hot water', 'tsrgh yemma s waman rghanin'],
    ['a burn, Arabic script', 'ترغا ئفاسن ن ئوي'],
    ['hot water, "ihmayn"', 'tḥrg s waman ihmayn'],
    ['a snake, "azrm", that swells', 'yut uzrm baba, adar ns ar ittnfakh'],
    ['a snake, Arabic script', 'ئوت ؤزرم ئلّي غ ؤفوس'],
    ['a swelling, "bzg"', 'afigr, udar ns ibzg kullu'],
    ['a scorpion written with "g"', 'ibbi t ugrdm g ufus ns'],
    ['a little one shaking, "ahnjir"', 'ahnjir inu ar ittrjff'],
    ['a little one shaking, Arabic script', 'ئمزي ار ئترڭيڭي'],
    ['the gas bottle burst', 'tfrgat lbuta g tgmmi'],
    ['the gas bottle burst, Darija', 'البوطا تفركعات على مراتي'],
    ['cut by a sickle', 'iqt3 dad ns s lmnjl'],
    ['cut by a machine, the machine first', 'lmachina tbbi as afus'],
    ['cut by a knife, Arabic script', 'ئجرح ئفوس نس س الجنوي'],
    ['lips turned blue', 'imi ns izgzaw'],
    ['turned blue in the face', 'izgzaw udm n baba'],
    ['a face that changed colour', 'ar itbddal udm n iwi'],
    ['a face that changed colour, the face first', 'udm n yemma ibddl llon'],
    ['a burn on the face', 'irgha udmawn ns'],
    ['a fall from a ladder, "usllum"', 'tdr ultma zg usllum'],
    ['a fall into a well', 'idr yan urba g wanu'],
  ])('hears %s: "%s"', (_, text) => expect(patternIntents(text)).toContain('emergency'));

  it('needs the blade, the bottle or the colour: an operation, a new stove, a changed visit are no emergency', () => {
    expect(patternIntents('is rad as bbin afus s lmnjl?')).not.toContain('emergency');
    expect(patternIntents('sghgh lbuta tamaynut')).not.toContain('emergency');
    expect(patternIntents('immi tbddl lmaw3id')).not.toContain('emergency');
    expect(patternIntents('bghit nbddl lwjh dyal lprofil')).not.toContain('emergency');
    expect(patternIntents('ur righ inu g ufus')).not.toContain('emergency');
  });

  it('reads blood thrown up or bleeding as an emergency, never as a donation', () => {
    expect(intentOf('dada ar ittarra idammn zg sbah')).toBe('emergency');
    expect(intentOf('righ ad fkgh idammn bzaf')).toBe('donate_blood');
  });

  it('reads "ئرا ئفك ئدامن" (wants to give blood) as a donation, whatever age or illness is asked about', () => {
    expect(intentOf('بابا ئرا ئفك ئدامن، ئڭا 62 ن سنا')).toBe('donate_blood');
    expect(intentOf('ئرا ئفك ئدامن بابا، ئلا غور س السكر')).toBe('donate_blood');
    // blood thrown up, in the same spelling, is still the emergency
    expect(intentOf('ئرّا ئدامن بابا غيلا')).toBe('emergency');
  });
});
