// Invariant 7 under random input: 5,000 random messages from 50 contacts in random states.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { handleInbound, type Inbound, type Reply } from '../../src/conversation/index.ts';
import { openTicketId } from '../../src/domain/handoff/handoff-tickets.ts';
import { closeAsStaff } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { conversationDeps, fillSurgeryDay, missingKeys, seedConversationCampaigns } from '../support/conversation-harness.ts';

const MESSAGES = 5_000;
const CONTACTS = 50;
const PARALLEL = 10;
/** Fixed, so every run replays the same messages; FUZZ_SEED=<n> replays another, FUZZ_SEED=random draws one (printed). */
const SEED = process.env.FUZZ_SEED === 'random' ? randomInt(1_000_000) : Number(process.env.FUZZ_SEED ?? 20_261_201);

/** A small seeded generator (mulberry32), so a failing run can be replayed with FUZZ_SEED. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'salam', 'السلام', 'Bonjour', 'مرحبا', 'bghit ntsajel', 'بغيت نتسجل', 'je veux un rendez-vous', 'أريد موعدا', 'annuler', 'الغي', 'nlghi',
  'stop', 'وقف', 'baraka', 'start', 'ابدا', 'urgence', 'عاجل', 'menu', 'رجوع', 'retour', 'merci', 'choukran', 'شكرا', 'wakha', 'iyeh', 'la',
  'non', 'oui', 'tbib l3inin', 'ophtalmo', 'don du sang', 'nbghi ntberre3 b demm', 'fin l9afila', 'Tinghir', 'تنغير', 'kelaa mgouna', 'casa',
  'Fatima Zahra', 'Mohamed', 'parler à quelqu’un', 'effacer mes données', 'français', 'darija', 'العربية', 'rendez-vous dyali', 'mes rdv',
  '1990', '34', '65kg', '٢', '١٢', '0', '3afak', '🙏', '👍', '🆘', '', '   ', 'x'.repeat(5000), '\u202e\u200bhello', '\ud800', '\u0000\u0007',
];

/** What the confirm step takes as "yes, book it": its button, its number, or a yes (a thumbs-up is one). */
const CONFIRMING_TEXTS = new Set(['1', 'wakha', 'iyeh', 'oui', '👍']);
const confirms = (m: Omit<Inbound, 'channel' | 'from'>) => m.choice === 'confirm' || (m.text !== undefined && CONFIRMING_TEXTS.has(m.text.trim().toLowerCase()));

function randomText(r: () => number): string {
  const roll = r();
  if (roll < 0.3) return String(Math.floor(r() * 13));
  if (roll < 0.85) return WORDS[Math.floor(r() * WORDS.length)] ?? '';
  const length = Math.floor(r() * 40);
  return Array.from({ length }, () => String.fromCodePoint(Math.floor(r() * 0x2fff))).join('');
}

function randomMessage(r: () => number, last: Reply[]): Omit<Inbound, 'channel' | 'from'> {
  const choices = last.flatMap((x) => x.choices ?? []);
  const roll = r();
  if (roll < 0.55 && choices.length > 0) {
    const pick = choices[Math.floor(r() * choices.length)];
    return r() < 0.5 ? { choice: pick?.id ?? 'x' } : { text: String(choices.indexOf(pick ?? choices[0]!) + 1) };
  }
  if (roll < 0.6) return { choice: `bogus-${Math.floor(r() * 100)}` };
  if (roll < 0.63) return { location: { lat: 27 + r() * 9, lng: -13 + r() * 12 } };
  if (roll < 0.65) return { media: r() < 0.5 ? 'voice' : 'image' };
  return { text: randomText(r) };
}

let t: TestDatabase;
let caravanId = 0;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: PARALLEL + 2 });
  ({ caravanId } = await seedConversationCampaigns(t.db));
  await fillSurgeryDay(t.db, caravanId);
});

/** A booking journey up to its confirm step: contacts start the fuzz somewhere along it. */
const journey = (): Array<Omit<Inbound, 'channel' | 'from'>> => [
  { text: 'salam' }, { choice: 'accept' }, { choice: 'register' }, { choice: 'self' }, { text: 'Fatima Zahra' }, { choice: 'female' },
  { text: '34' }, { text: 'Tinghir' }, { text: 'Tinghir' }, { choice: `c${caravanId}` }, { choice: 'ophthalmology' }, { choice: '2026-12-14' }, { text: '1' },
];
const phoneOf = (lane: number, k: number) => `+2126170${String(lane * 10 + k).padStart(5, '0')}`;
const PER_LANE = CONTACTS / PARALLEL;
afterAll(async () => t?.drop());

/** Appointments a contact booked for its own people, leaving out places given by the waitlist. */
async function ownBookings(contactId: number): Promise<number> {
  const row = await sql<{ n: number }>`
    select count(*)::int as n from appointments a join beneficiaries b on b.id = a.beneficiary_id
    where b.contact_id = ${contactId} and a.created_by = ${`contact:${contactId}`}
      and not exists (select 1 from waitlist_entries w where w.appointment_id = a.id)`.execute(t.db);
  return row.rows[0]?.n ?? 0;
}

async function stepOf(contactId: number): Promise<string> {
  const row = await t.db.selectFrom('conversations').select('state').where('contact_id', '=', contactId).executeTakeFirst();
  const state = row?.state;
  return typeof state === 'object' && state !== null && 'step' in state ? String(state.step) : 'new';
}

describe(`fuzz (seed ${SEED})`, () => {
  it(`answers ${MESSAGES} random messages from ${CONTACTS} contacts without an exception, and books only on a confirm`, { timeout: 240_000 }, async () => {
    console.info(`fuzz seed ${SEED}: replay with FUZZ_SEED=${SEED} npx vitest run tests/conversation/fuzz.test.ts`);
    const deps = conversationDeps(t.db);
    const last = new Map<string, Reply[]>();
    const quiet = new Map<string, number>();
    let sent = 0; // shared by the lanes: 5,000 in all
    let silentInHandoff = 0;
    let bookings = 0;
    const problems: string[] = [];

    const worker = async (lane: number) => {
      // One generator per lane: a lane's messages replay exactly with the same FUZZ_SEED.
      const r = prng(SEED + lane);
      // Random starting states: every contact walks part of a booking; the first of each lane reaches its confirm step.
      for (let k = 0; k < PER_LANE; k++) {
        const steps = journey();
        const length = k === 0 ? steps.length : Math.floor(r() * (steps.length + 1));
        for (const step of steps.slice(0, length)) await handleInbound(deps, { channel: 'terminal', from: phoneOf(lane, k), phone: phoneOf(lane, k), ...step });
      }
      while (sent < MESSAGES) {
        sent++;
        // Each lane owns its own contacts, so one contact's messages stay in order.
        const phone = phoneOf(lane, Math.floor(r() * PER_LANE));
        const message = randomMessage(r, last.get(phone) ?? []);
        const from = { channel: 'terminal' as const, from: phone, phone };
        const contactId = (await t.db.selectFrom('contact_identities').select('contact_id').where('external_id', '=', phone).executeTakeFirst())?.contact_id;
        const stepBefore = contactId === undefined ? 'new' : await stepOf(contactId);
        const booked = contactId === undefined ? 0 : await ownBookings(contactId);
        let replies: Reply[];
        try {
          replies = (await handleInbound(deps, { ...from, ...message })).replies.map((x) => x.reply);
        } catch (err) {
          problems.push(`${phone} at ${stepBefore} ${JSON.stringify(message).slice(0, 80)}: ${err instanceof Error ? err.message : String(err)}`);
          continue;
        }
        const id = (await t.db.selectFrom('contact_identities').select('contact_id').where('external_id', '=', phone).executeTakeFirst())?.contact_id;
        // The message erased the contact's data, chat included (it was answered): the next one starts a new contact.
        if (id === undefined) continue;
        if (replies.length === 0) {
          // Only a contact waiting for a person gets no answer; what they wrote is kept on the ticket.
          if ((await openTicketId(t.db, id)) === undefined) problems.push(`${phone} at ${stepBefore}: no reply to ${JSON.stringify(message).slice(0, 80)}`);
          silentInHandoff++;
          const n = (quiet.get(phone) ?? 0) + 1;
          quiet.set(phone, n);
          if (n >= 5) {
            const ticket = await openTicketId(t.db, id);
            if (ticket !== undefined) await closeAsStaff(t.db, ticket);
            quiet.set(phone, 0);
          }
        } else {
          last.set(phone, replies);
        }
        const after = await ownBookings(id);
        if (after > booked) {
          bookings += after - booked;
          if (stepBefore !== 'reg_confirm' || !confirms(message)) problems.push(`${phone}: appointment created at step ${stepBefore} by ${JSON.stringify(message).slice(0, 80)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, (_, lane) => worker(lane)));

    expect(problems, `with FUZZ_SEED=${SEED}`).toEqual([]);
    expect(missingKeys).toEqual([]);
    // The random walk reached the deep end of the journeys and the handoff.
    expect(bookings).toBeGreaterThan(0);
    expect(silentInHandoff).toBeGreaterThan(0);
  });
});
