// Appends to the audit log inside the caller's transaction, so the record and the change commit together.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { actorLabel, type Actor } from '../actor.ts';

export interface AuditEntry {
  actor: Actor;
  action: string;
  entity: string;
  entityId: string | number;
  details?: Record<string, unknown>;
  /**
   * The organisation whose log holds the entry; by default the acting staff member's own, read as they act
   * (a move to another organisation later leaves it where it was). The platform admin reading an
   * organisation's data names it here.
   */
  organisationId?: number;
}

export async function recordAudit(trx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const staffId = entry.actor.kind === 'staff' ? Number(entry.actor.id) : Number.NaN;
  await trx
    .insertInto('audit_log')
    .values((eb) => ({
      actor: actorLabel(entry.actor),
      action: entry.action,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      details: JSON.stringify(entry.details ?? {}),
      organisation_id:
        entry.organisationId ?? (Number.isInteger(staffId) ? eb.selectFrom('staff').select('organisation_id').where('id', '=', staffId) : null),
    }))
    .execute();
}
