// The conversation's dependencies as the service and the commands build them from the settings.
import type { DatabaseConfig } from '../config/config.schema.ts';
import type { Db } from '../db/connection.ts';
import { generateConfirmationCode } from '../domain/appointments/confirmation-code.ts';
import { systemClock } from '../domain/clock.ts';
import { createTranslator, loadResources } from '../i18n/translator.ts';
import type { ConversationDeps } from './conversation-service.ts';
import { defaultReminderSettings } from '../scheduling/reminders.ts';

export function conversationDepsFromConfig(db: Db, config: DatabaseConfig): ConversationDeps {
  return {
    db,
    clock: systemClock,
    timeZone: config.TIME_ZONE,
    t: createTranslator(loadResources()),
    safety: { samu: config.EMERGENCY_SAMU, civil: config.EMERGENCY_CIVIL_PROTECTION },
    booking: { newCode: () => generateConfirmationCode(), maxBookingsPerContact: config.MAX_BOOKINGS_PER_CONTACT },
    reminders: { ...defaultReminderSettings(config.TIME_ZONE), quiet: config.QUIET_HOURS },
  };
}
