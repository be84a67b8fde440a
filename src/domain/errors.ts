// Refusals a caller must handle: typed, with a reason code for the dialogue and a message for people.
import { describeBookedWindow, type BookedWindow } from './campaigns/booked-windows.ts';

export type BookingRefusalReason =
  | 'campaign_not_open'
  | 'day_past'
  | 'slot_full'
  | 'slot_not_found'
  | 'already_booked'
  | 'already_waiting'
  | 'booking_limit'
  | 'beneficiary_not_found'
  | 'appointment_not_found'
  | 'appointment_not_active'
  | 'service_mismatch';

/** What a refusal can tell the person beyond its reason, so the answer names what to do. */
export interface RefusalDetails {
  /** The appointment the same person already holds for this service (`already_booked`). */
  held?: { appointmentId: number; day: string; name: string | null };
  /** The most appointments one contact may hold in a campaign (`booking_limit`). */
  limit?: number;
}

/** A booking, cancellation or move that the rules do not allow; nothing was changed. */
export class BookingRefused extends Error {
  override readonly name = 'BookingRefused';
  constructor(
    readonly reason: BookingRefusalReason,
    message: string,
    readonly details: RefusalDetails = {},
  ) {
    super(message);
  }
}

/** Input that breaks a rule of the data (a bad field in a campaign file, a window overlap...). */
export class InvalidInput extends Error {
  override readonly name: string = 'InvalidInput';
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? (problems[0] ?? 'Invalid input') : `Invalid input:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * A campaign file that would remove a time window holding appointments, or give it fewer places than are
 * booked: answered 409 with `bookedWindows`, so the console shows each beside its window. Nothing was changed.
 */
export class BookedWindowsRefused extends InvalidInput {
  override readonly name = 'BookedWindowsRefused';
  constructor(readonly windows: readonly BookedWindow[]) {
    super(windows.map(describeBookedWindow));
  }
}

/** A campaign slug already used by another organisation's campaign: answered 409, without saying whose. */
export class SlugTaken extends Error {
  override readonly name = 'SlugTaken';
  constructor(readonly slug: string) {
    super(`the slug "${slug}" is taken by a campaign that is not yours; choose another`);
  }
}

/**
 * An import that would delete time windows the campaign has (none holds an appointment), asked without
 * saying so: nothing was changed. The windows are listed so the coordinator sees what would go.
 */
export class WindowsRemovalRefused extends Error {
  override readonly name = 'WindowsRemovalRefused';
  constructor(readonly windows: readonly string[]) {
    super(
      `This file would remove ${windows.length} time window${windows.length === 1 ? '' : 's'} of the campaign:\n` +
        `${windows.map((w) => `  - ${w}`).join('\n')}\n` +
        'Nothing was changed. If that is what you want, import again with --allow-removal ("allowRemoval": true through the API).',
    );
  }
}

/** What the caller asked for does not exist, or is another organisation's: answered 404 either way. */
export class NotFound extends Error {
  override readonly name = 'NotFound';
}
