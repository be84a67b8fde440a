// What a conversation step asks the domain to do; applied in the transaction that saves the new state.
import type { PersonCorrection } from '../domain/contacts/beneficiary-correction.ts';
import type { NewBeneficiary } from '../domain/contacts/contact-registry.ts';
import type { BookingRefusalReason, RefusalDetails } from '../domain/errors.ts';
import type { Locale } from '../i18n/translator.ts';
import type { TicketReason } from '../db/tables.ts';

/** An existing beneficiary, or one to register at the moment of booking. */
export type BeneficiaryRef = { id: number } | { new: NewBeneficiary };

export type Effect =
  | { kind: 'consent'; locale: Locale }
  | { kind: 'set_locale'; locale: Locale }
  /** Recorded voice prompts beside the text, or not. */
  | { kind: 'set_voice'; on: boolean }
  | { kind: 'set_province'; provinceCode: string }
  | { kind: 'book'; beneficiary: BeneficiaryRef; slotId: number }
  | { kind: 'waitlist'; beneficiary: BeneficiaryRef; campaignId: number; service: string; day?: string }
  | { kind: 'cancel'; appointmentId: number }
  | { kind: 'reschedule'; appointmentId: number; toSlotId: number }
  | { kind: 'subscribe'; provinceCode: string }
  | { kind: 'opt_out' }
  | { kind: 'opt_in' }
  /** `voice`: the message's voice note (audio or why it is missing) is kept on the ticket's line. */
  | { kind: 'open_ticket'; reason: TicketReason; urgent: boolean; text?: string; voice?: true }
  | { kind: 'ticket_message'; text: string; voice?: true }
  | { kind: 'erase' }
  /** The villager shared their phone: note it, or join this chat identity to the contact who has it. */
  | { kind: 'link_phone'; phone: string }
  /** Whether to tell this donor when they may give blood again. */
  | { kind: 'donor_recall'; on: boolean }
  /** The villager answered a reminder: they will come. */
  | { kind: 'confirm_attendance'; appointmentId: number }
  /** A registered person's name, birth year or commune, corrected at the villager's request. */
  | { kind: 'correct_person'; beneficiaryId: number; correction: PersonCorrection }
  /** One answer of a post-operative check-in; a red flag also alerts the campaign's medical staff. */
  | { kind: 'checkin_answer'; notificationId: number; question: string; value: number | boolean; redFlag: boolean; last: boolean };

/** What came of an effect: a refusal is an answer to give the villager, not an error. */
export type Outcome =
  | { ok: true; appointmentId?: number; code?: string; beneficiaryId?: number; linked?: 'noted' | 'joined' | 'kept_apart' }
  | ({ ok: false; reason: BookingRefusalReason | 'not_yours' | 'person_erased' } & RefusalDetails);
