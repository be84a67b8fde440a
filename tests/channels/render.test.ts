// Drawing replies with what each channel can do. Pure.
import { describe, expect, it } from 'vitest';
import { renderReply, splitText } from '../../src/channels/render.ts';
import { TELEGRAM_CAPABILITIES } from '../../src/channels/telegram/telegram.channel.ts';
import { WHATSAPP_CLOUD_CAPABILITIES } from '../../src/channels/whatsapp-cloud/whatsapp-cloud.channel.ts';
import { WHATSAPP_WEB_CAPABILITIES } from '../../src/channels/whatsapp-web/whatsapp-web.channel.ts';

const choices = (n: number, label = 'Choix') => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, label: `${label} ${i + 1}` }));

describe('renderReply', () => {
  it('uses reply buttons for up to 3 choices on WhatsApp, a list up to 10, numbered text beyond', () => {
    const three = renderReply({ text: 'Q', choices: choices(3) }, WHATSAPP_CLOUD_CAPABILITIES);
    expect(three).toEqual([{ kind: 'text', text: 'Q\n1. Choix 1\n2. Choix 2\n3. Choix 3', buttons: choices(3) }]);
    const eight = renderReply({ text: 'Q', choices: choices(8) }, WHATSAPP_CLOUD_CAPABILITIES, 'Choisir');
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
