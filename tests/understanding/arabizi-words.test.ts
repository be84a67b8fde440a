// Words of Darija in Latin letters that new writers used and the rules had read as others: "3lmouni" (let me know) as
// "3t9ouni" (help, an emergency), the northern "vale" (all right) as French "avalé".
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/index.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';

// The rules alone: these words are the lexicon's to know.
const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const intentOf = (text: string) => understand(text, undefined, silent).intent;

describe('Darija in Latin letters', () => {
  it('asks to be told, not rescued, with "3lmouni"', () => {
    expect(intentOf('3lmouni mli tjiw l Al Haouz 3afak')).toBe('subscribe');
  });

  it('agrees with "vale", and asks for what follows it', () => {
    expect(intentOf('vale')).toBe('yes');
    expect(intentOf('vale, ana msafra dak nhar, lghi la cita dyali 3afak')).toBe('cancel');
  });

  it('sells "beldi" oil, no son ("weldi") to see a children\'s doctor', () => {
    expect(understand('kanbi3 zit zitoun beldi li bgha ycontacti', undefined, silent).entities.service).toBeUndefined();
  });

  it('stops with "ma tb9awch tsifto" and "ma bghitch nb9a nwsl", which are no subscription', () => {
    expect(intentOf('matb9awch tsifto lia, safi salina')).toBe('stop');
    expect(intentOf('stop svp ma tb9awch tsifto lia msajat')).toBe('stop');
    expect(intentOf('ma bghitch nb9a nwsl 7ta msg mn had numero')).not.toBe('subscribe');
  });
});

describe('Darija in Latin letters, as more writers wrote it', () => {
  it('reads "rajel" (a man), "Mimouna" (a name) and "9alb" (the heart doctor) as themselves, no emergency', () => {
    expect(intentOf('salam, ana rajel kbir w bghit nhder m3a chi wahed f tilifoun')).toBe('human');
    expect(intentOf('bghit n3ref chno ktbto 3la jartna Mimouna f lfichier dialkom')).not.toBe('emergency');
    expect(intentOf('wach fiha tbib dial 9alb ola ghir l3inin o snan?')).not.toBe('emergency');
  });

  it('wants with "nbghi" and "nabghi", which cancel nothing, and names "Mbarka", who asks for no stop', () => {
    expect(intentOf('nabghi ndir consultation ana, 3ndi 7saysiya f jldi')).toBe('book');
    expect(intentOf('3afak nbghi nsejjel bnti sghira 3nd tbib d drari')).toBe('book');
    expect(intentOf('slm svp zid f liste: 1- Brahim Ait Ouffi 59 2- Mbarka 62')).not.toMatch(/stop/);
  });

  it('asks after a registration with "nt2akd", "m9iyda" and "sajltouni"', () => {
    expect(intentOf('wesh khti m9iyda 3nd tbib drari? bghit nt2kd')).toBe('my_appointments');
    expect(intentOf('WACH SAJLTOUNI WELA LA')).toBe('my_appointments');
  });

  it.each(['safi ma tsifto liya walo mn db w sir', 'desabonniwni mn had lbot nhaiyan', 'ma tktboch lia 3awtani', '3afak ma b9awch tsifto liya lmessagat'])(
    'hears a stop in "%s"',
    (text) => expect(intentOf(text)).toMatch(/^(stop|maybe_stop)$/),
  );

  it('keeps a list asked off a visit a cancellation, not a stop', () => {
    expect(intentOf('Lhaj Mbarek twffa, lah yer7mo. 3afakom 7iydouh mn la liste')).not.toMatch(/stop/);
  });

  it.each([
    'ya rabi oui lidi tah fe l ard ou ma bgha che y fi9',
    '3ammi ta7 f lkouzina w ma b9ach kayjawb',
    'weld khti sghir kla dwa dyal sokkar dyal khali',
    'rani ma n9derch ntnefes mzyan, sder dyali m9bot',
    'ana 7amla f chhar 8 w bdit nchouf dem',
    'mima tay7at wma bghatch tfi9',
  ])('hears an emergency in "%s"', (text) => expect(intentOf(text)).toBe('emergency'));

  it('reads "ma kayfhmch" (does not understand) as no "does not wake"', () => {
    expect(intentOf('wsh kayn b tachelhit? jddi ma kayfhmch darija mzn')).toBe('change_language');
  });
});
