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
}

export async function recordAudit(trx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor: actorLabel(entry.actor),
      action: entry.action,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
