// Consent (law 09-08), language, opt-out and alert subscriptions of a contact.
import { sql, type Kysely } from 'kysely';
import type { Database, Locale } from '../../db/tables.ts';
import type { WriteContext } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { normalizePhone } from './phone.ts';

/**
 * Records consent, and with it what may now be stored: the language and the phone the channel gave.
 *
 * @example await recordConsent(trx, ctx, contactId, { locale: 'ary', phone: '+212612345678' });
 */
export async function recordConsent(trx: Kysely<Database>, ctx: WriteContext, contactId: number, input: { locale: Locale; phone?: string }): Promise<void> {
  const phone = input.phone ? normalizePhone(input.phone) : undefined;
  // A phone already linked to another contact (same person on another channel) is not copied here;
  // merging contacts is a coordinator's decision.
  const taken = phone?.ok ? await trx.selectFrom('contacts').select('id').where('phone_e164', '=', phone.e164).where('id', '<>', contactId).executeTakeFirst() : undefined;
  await trx
    .updateTable('contacts')
    .set({
      consent_at: sql<Date>`coalesce(consent_at, now())`,
      locale: input.locale,
      ...(phone?.ok && !taken ? { phone_e164: phone.e164 } : {}),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', contactId)
    .execute();
  await recordAudit(trx, { actor: ctx.actor, action: 'contact.consent', entity: 'contact', entityId: contactId, details: { channel: ctx.channel } });
}

export async function setContactLocale(trx: Kysely<Database>, contactId: number, locale: Locale): Promise<void> {
  await trx.updateTable('contacts').set({ locale, updated_at: sql<Date>`now()` }).where('id', '=', contactId).execute();
}

export async function setContactProvince(trx: Kysely<Database>, contactId: number, provinceCode: string): Promise<void> {
  await trx.updateTable('contacts').set({ province_code: provinceCode, updated_at: sql<Date>`now()` }).where('id', '=', contactId).execute();
}

/** STOP: nothing unsolicited reaches this contact until they opt in again. */
export async function optOut(trx: Kysely<Database>, ctx: WriteContext, contactId: number): Promise<void> {
  await trx.updateTable('contacts').set({ opted_out_at: sql<Date>`coalesce(opted_out_at, now())`, updated_at: sql<Date>`now()` }).where('id', '=', contactId).execute();
  await recordAudit(trx, { actor: ctx.actor, action: 'contact.opt_out', entity: 'contact', entityId: contactId });
}

export async function optIn(trx: Kysely<Database>, ctx: WriteContext, contactId: number): Promise<void> {
  await trx.updateTable('contacts').set({ opted_out_at: null, updated_at: sql<Date>`now()` }).where('id', '=', contactId).execute();
  await recordAudit(trx, { actor: ctx.actor, action: 'contact.opt_in', entity: 'contact', entityId: contactId });
}

export async function subscribeToProvince(trx: Kysely<Database>, contactId: number, provinceCode: string): Promise<void> {
  await trx.insertInto('alert_subscriptions').values({ contact_id: contactId, province_code: provinceCode }).onConflict((oc) => oc.doNothing()).execute();
}

/**
 * Contacts a broadcast about these provinces may reach: subscribed, consented, not opted out.
 *
 * @example const ids = await alertAudience(db, ['tinghir']);
 */
export async function alertAudience(db: Kysely<Database>, provinceCodes: readonly string[]): Promise<number[]> {
  if (provinceCodes.length === 0) return [];
  const rows = await db
    .selectFrom('alert_subscriptions as s')
    .innerJoin('contacts as c', 'c.id', 's.contact_id')
    .select('c.id')
    .distinct()
    .where('s.province_code', 'in', provinceCodes)
    .where('c.consent_at', 'is not', null)
    .where('c.opted_out_at', 'is', null)
    .orderBy('c.id')
    .execute();
  return rows.map((r) => r.id);
}
