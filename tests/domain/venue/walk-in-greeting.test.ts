// The bot's greeting to a walk-in: sent with their code only when the desk typed a phone and ticked the
// paper consent, and the phone's contact consented in the chat; once, however often it is asked for.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/db/transaction.ts';
import { formatConfirmationCode } from '../../../src/domain/appointments/confirmation-code.ts';
import { registerWalkIn } from '../../../src/domain/venue/index.ts';
import { greetWalkIn } from '../../../src/domain/venue/walk-in-greeting.ts';
import { createTranslator, loadResources } from '../../../src/i18n/translator.ts';
import { fireNotification } from '../../../src/scheduling/fire-notification.ts';
import { DEFAULT_QUIET_HOURS } from '../../../src/scheduling/quiet-hours.ts';
import { DAY, NOW, seedDeskWorld, time, ZONE, type DeskWorld } from '../../support/desk-world.ts';
import { deps } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

let t: TestDatabase;
let w: DeskWorld;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await seedDeskWorld(t.db);
  // A son who booked his own place through the bot: his phone has a chat and his consent.
  const son = await t.db.insertInto('contacts').values({ locale: 'fr', phone_e164: '+212661000999', consent_at: NOW }).returning('id').executeTakeFirstOrThrow();
  await t.db.insertInto('contact_identities').values({ channel: 'telegram', external_id: 'chat-son', contact_id: son.id, last_inbound_at: NOW }).execute();
});
afterAll(async () => t?.drop());

const settings = { zone: ZONE, quiet: DEFAULT_QUIET_HOURS };
const translate = createTranslator(loadResources());

/** A walk-in registered at the desk, and the greeting asked for as the route does. */
async function walkIn(name: string, phone: string | undefined, consentOnPaper: boolean) {
  return inTransaction(t.db, async (trx) => {
    const outcome = await registerWalkIn(
      trx,
      w.desks.amina,
      w.association,
      { clientId: randomUUID(), campaignId: w.caravan, day: DAY, service: 'ophthalmology', overCapacity: false, person: { name, sex: 'female', age: 64, commune: 'Tinghir', consent: consentOnPaper, ...(phone ? { phone } : {}) } },
      time,
      deps,
    );
    if (outcome?.kind !== 'walked_in') throw new Error(`walk-in refused: ${JSON.stringify(outcome)}`);
    const greeting = await greetWalkIn(trx, { appointmentId: outcome.appointmentId, phone, consentOnPaper }, NOW, settings);
    return { outcome, greeting };
  });
}

describe("a walk-in's greeting from the bot", () => {
  it('goes to the chat of the phone given, with the code and what comes next, once', async () => {
    const { outcome, greeting } = await walkIn('Mina Greeted', '0661 000 999', true);
    expect(greeting).toHaveLength(1);
    const [first] = greeting;
    const again = await inTransaction(t.db, (trx) => greetWalkIn(trx, { appointmentId: outcome.appointmentId, phone: '0661000999', consentOnPaper: true }, NOW, settings));
    expect(again).toEqual([]);
    await fireNotification({ db: t.db, t: translate, zone: ZONE, quiet: DEFAULT_QUIET_HOURS }, first?.id ?? 0, NOW);
    const sent = await t.db.selectFrom('outbox').select(['recipient', 'payload']).where('kind', '=', 'notification').where('recipient', '=', 'chat-son').execute();
    expect(sent).toHaveLength(1);
    const text = (sent[0]?.payload as { text: string }).text;
    expect(text).toContain(formatConfirmationCode(outcome.code));
    expect(text).toContain('Mina Greeted');
    expect(text).toContain('envoyez 0');
  });

  it('is not sent without the paper consent, without a phone, or to a phone that never consented in the chat', async () => {
    expect((await walkIn('Fadma NoPaper', '0661000999', false)).greeting).toEqual([]);
    expect((await walkIn('Itto NoPhone', undefined, true)).greeting).toEqual([]);
    expect((await walkIn('Zahra NewPhone', '0662000111', true)).greeting).toEqual([]);
    expect(await t.db.selectFrom('notifications').select('id').where('kind', '=', 'walk_in').execute()).toHaveLength(1);
  });
});
