// Drawing replies with what each channel can do. Pure.
import { describe, expect, it } from 'vitest';
import { MAX_REPLY_TEXT_LENGTH, renderReply, shortenText, splitText } from '../../src/channels/render.ts';
import { TELEGRAM_CAPABILITIES } from '../../src/channels/telegram/telegram.channel.ts';
import { WHATSAPP_CLOUD_CAPABILITIES } from '../../src/channels/whatsapp-cloud/whatsapp-cloud.channel.ts';
import { WHATSAPP_WEB_CAPABILITIES } from '../../src/channels/whatsapp-web/whatsapp-web.channel.ts';

const choices = (n: number, label = 'Choix') => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, label: `${label} ${i + 1}` }));

describe('renderReply', () => {
  it('uses reply buttons for up to 3 choices on WhatsApp, a list up to 10, numbered text beyond', () => {
    const three = renderReply({ text: 'Q', choices: choices(3) }, WHATSAPP_CLOUD_CAPABILITIES);
    expect(three).toEqual([{ kind: 'text', text: 'Q\n1. Choix 1\n2. Choix 2\n3. Choix 3', buttons: choices(3) }]);
    const eight = renderReply({ text: 'Q', choices: choices(8) }, WHATSAPP_CLOUD_CAPABILITIES, { listButton: 'Choisir' });
    expect(eight[0]).toMatchObject({ list: { button: 'Choisir', rows: choices(8) } });
    const twelve = renderReply({ text: 'Q', choices: choices(12) }, WHATSAPP_CLOUD_CAPABILITIES);
    expect(twelve[0]).not.toHaveProperty('list');
    expect(twelve[0]).not.toHaveProperty('buttons');
    expect(twelve[0]).toMatchObject({ text: expect.stringContaining('12. Choix 12') });
  });

  it('cuts button titles to the channel limit, keeping the full label in the numbered text', () => {
    const long = 'Oreilles, nez, gorge (ORL) — 300 places';
    const [part] = renderReply({ text: 'Q', choices: [{ id: 'ent', label: long }, { id: 'x', label: 'Autre' }] }, WHATSAPP_CLOUD_CAPABILITIES);
    expect(part).toMatchObject({ kind: 'text', buttons: [{ id: 'ent', label: 'Oreilles, nez, gorg…' }, { id: 'x', label: 'Autre' }] });
    expect(part?.kind === 'text' && part.text).toContain(long);
  });

  it('puts a choice\'s detail in a list row\'s description, beside a button\'s label where it fits, and in the numbered text', () => {
    const days = Array.from({ length: 4 }, (_, i) => ({ id: `d${i}`, label: `mardi ${15 + i} décembre`, detail: '200 places' }));
    const [list] = renderReply({ text: 'Quel jour ?', choices: days }, WHATSAPP_CLOUD_CAPABILITIES);
    expect(list).toMatchObject({ list: { rows: [{ id: 'd0', label: 'mardi 15 décembre', detail: '200 places' }, {}, {}, {}] } });
    expect(list?.kind === 'text' && list.text).toContain('1. mardi 15 décembre (200 places)');
    const [buttons] = renderReply({ text: 'Q', choices: [{ id: 'a', label: 'Yeux', detail: '12 places' }, { id: 'b', label: 'Opération', detail: 'complet, liste d\'attente' }] }, WHATSAPP_CLOUD_CAPABILITIES);
    expect(buttons).toMatchObject({ buttons: [{ id: 'a', label: 'Yeux (12 places)' }, { id: 'b', label: 'Opération' }] });
  });

  it('sends menus as numbered text on whatsapp-web.js, and the code as a picture where pictures go', () => {
    const parts = renderReply({ text: 'Q', choices: choices(2), image: { kind: 'qr', data: 'K7F3QX', caption: 'K7F-3QX' } }, WHATSAPP_WEB_CAPABILITIES);
    expect(parts).toEqual([{ kind: 'image', qr: 'K7F3QX', caption: 'K7F-3QX' }, { kind: 'text', text: 'Q\n1. Choix 1\n2. Choix 2' }]);
    const noPictures = renderReply({ text: 'C\'est fait', image: { kind: 'qr', data: 'K7F3QX', caption: 'K7F-3QX' } }, { ...TELEGRAM_CAPABILITIES, images: false, location: false });
    expect(noPictures).toEqual([{ kind: 'text', text: 'C\'est fait' }, { kind: 'text', text: 'K7F-3QX' }]);
  });

  it('shows the venue as a location, or as a map link where locations cannot be sent', () => {
    const location = { lat: 31.24, lng: -6.13, name: 'Centre' };
    expect(renderReply({ text: 'Lieu', location }, TELEGRAM_CAPABILITIES).at(-1)).toEqual({ kind: 'location', lat: 31.24, lng: -6.13, name: 'Centre' });
    expect(renderReply({ text: 'Lieu', location }, { ...TELEGRAM_CAPABILITIES, location: false }).at(-1)).toEqual({ kind: 'text', text: '📍 Centre: https://maps.google.com/?q=31.24,-6.13' });
  });
});

describe('splitText', () => {
  it('splits on line breaks, then words, then anywhere, never over the limit, losing nothing', () => {
    const text = ['a'.repeat(8), 'bb cc dd', 'e'.repeat(25)].join('\n');
    const parts = splitText(text, 10);
    expect(parts.every((p) => [...p].length <= 10)).toBe(true);
    expect(parts.join('').replace(/[\n ]/g, '')).toBe(text.replace(/[\n ]/g, ''));
    expect(splitText('short', 10)).toEqual(['short']);
    expect(splitText('😀'.repeat(6), 4)).toEqual(['😀😀😀😀', '😀😀']);
  });
});

describe('renderReply at the limits of a channel', () => {
  const yesNo = [{ id: 'yes', label: 'Oui' }, { id: 'no', label: 'Non' }];

  it('keeps a button title of exactly the limit whole, and cuts one character more to the limit with an ellipsis', () => {
    const twenty = 'a'.repeat(20);
    const [part] = renderReply({ text: 'Q', choices: [{ id: 'x', label: twenty }, { id: 'y', label: `${twenty}b` }] }, WHATSAPP_CLOUD_CAPABILITIES);
    expect(part).toMatchObject({ buttons: [{ id: 'x', label: twenty }, { id: 'y', label: `${'a'.repeat(19)}…` }] });
  });

  it('counts characters, not UTF-16 units, so an emoji is one character of a title', () => {
    const [part] = renderReply({ text: 'Q', choices: [{ id: 'x', label: '😀'.repeat(20) }, { id: 'y', label: '😀'.repeat(21) }] }, WHATSAPP_CLOUD_CAPABILITIES);
    expect(part).toMatchObject({ buttons: [{ label: '😀'.repeat(20) }, { label: `${'😀'.repeat(19)}…` }] });
  });

  it('uses a list for exactly 10 choices on WhatsApp, behind the ☰ button unless told otherwise, and cuts rows to 24 characters', () => {
    const ten = choices(10, 'Consultation de cardiologie');
    const [part] = renderReply({ text: 'Q', choices: ten }, WHATSAPP_CLOUD_CAPABILITIES);
    expect(part).toMatchObject({ list: { button: '☰', rows: ten.map((c) => ({ id: c.id, label: `${c.label.slice(0, 23)}…` })) } });
    expect(part).not.toHaveProperty('buttons');
  });

  it('shows 11 choices on WhatsApp as numbered text only', () => {
    const [part] = renderReply({ text: 'Q', choices: choices(11) }, WHATSAPP_CLOUD_CAPABILITIES);
    expect(part).toEqual({ kind: 'text', text: ['Q', ...choices(11).map((c, i) => `${i + 1}. ${c.label}`)].join('\n') });
  });

  it('puts the buttons under the last part only when a long text is split', () => {
    const parts = renderReply({ text: 'a'.repeat(15), choices: yesNo }, { ...TELEGRAM_CAPABILITIES, maxTextLength: 20 });
    expect(parts).toEqual([
      { kind: 'text', text: 'a'.repeat(15) },
      { kind: 'text', text: '1. Oui\n2. Non', buttons: yesNo },
    ]);
  });

  it('asks for the phone number with a button where the channel can, under the last part', () => {
    const reply = { text: 'Votre numéro ?', requestPhone: { label: 'Partager mon numéro' } };
    expect(renderReply(reply, TELEGRAM_CAPABILITIES)).toEqual([{ kind: 'text', text: 'Votre numéro ?', requestPhone: 'Partager mon numéro' }]);
    expect(renderReply(reply, WHATSAPP_CLOUD_CAPABILITIES)).toEqual([{ kind: 'text', text: 'Votre numéro ?' }]);
  });

  it('gives the venue its address when it has one', () => {
    const location = { lat: 31.24, lng: -6.13, name: 'Centre', address: 'Route de Ouarzazate' };
    expect(renderReply({ text: 'Lieu', location }, TELEGRAM_CAPABILITIES)).toEqual([
      { kind: 'text', text: 'Lieu' },
      { kind: 'location', lat: 31.24, lng: -6.13, name: 'Centre', address: 'Route de Ouarzazate' },
    ]);
  });
});

describe('splitText at the limit', () => {
  it('returns a text that fits as it is, an empty one or one opening on a blank line included', () => {
    expect(splitText('a'.repeat(10), 10)).toEqual(['a'.repeat(10)]);
    expect(splitText('\nabcdefghi', 10)).toEqual(['\nabcdefghi']);
    expect(splitText('', 10)).toEqual(['']);
  });

  it('gives no part for a long text of blank lines only', () => {
    expect(splitText('\n'.repeat(12), 10)).toEqual([]);
  });

  it('fills a part with lines up to exactly the limit', () => {
    expect(splitText('aaaa\nbbbbb\ncc', 10)).toEqual(['aaaa\nbbbbb', 'cc']);
  });

  it('moves a line of exactly the limit whole to the next part', () => {
    expect(splitText('x\naa bb', 5)).toEqual(['x', 'aa bb']);
  });

  it('keeps the line break before a long line it splits word by word', () => {
    expect(splitText('Titre\nun deux trois quatre', 12)).toEqual(['Titre\nun', 'deux trois', 'quatre']);
    expect(splitText('Choisissez :\n1. Tinghir Ouarzazate Zagora', 20)).toEqual(['Choisissez :\n1.', 'Tinghir Ouarzazate', 'Zagora']);
  });

  it('splits a long line between words, joining words with one space', () => {
    expect(splitText('aaa bbb ccc ddd', 7)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(splitText('aaa  bbb ccc', 8)).toEqual(['aaa bbb', 'ccc']);
  });

  it('cuts a word longer than the limit into pieces of the limit', () => {
    expect(splitText('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(splitText('abcdefghij', 5)).toEqual(['abcde', 'fghij']);
  });
});

describe('texts too long for one message', () => {
  it('keeps a text that fits, and cuts a longer one at a word near the end, with "…" and the note, within the limit', () => {
    expect(shortenText('a'.repeat(20), 20, 'NOTE')).toBe('a'.repeat(20));
    expect(shortenText('un deux trois quatre cinq', 20, 'NOTE')).toBe('un deux trois…\nNOTE');
    // No space near the end: the cut falls where the room ends.
    expect(shortenText('abcdefghij klmnopqrstuvwxyz', 20, 'NOTE')).toBe('abcdefghij klm…\nNOTE');
    expect([...shortenText('ب'.repeat(30), 20, 'ملاحظة')]).toHaveLength(20);
  });

  it('sends a 5,000-character reply on Telegram as one message of at most 4,096 characters ending with the note, numbers still shown', () => {
    const words = 'Salam '.repeat(834);
    const [part, ...rest] = renderReply({ text: words, choices: choices(2) }, TELEGRAM_CAPABILITIES, { shortenedNote: '✂️ Message raccourci.' });
    const text = part?.kind === 'text' ? part.text : '';
    expect([...text].length).toBeLessThanOrEqual(MAX_REPLY_TEXT_LENGTH);
    expect(text).toMatch(/Salam…\n✂️ Message raccourci\.$/);
    expect(rest).toEqual([{ kind: 'text', text: '1. Choix 1\n2. Choix 2', buttons: choices(2) }]);
  });
});
