// A broadcast page inserts a thousand outbox rows, and the foreign key to contacts checked each one: a
// lookup and a row lock on the contact (written to its page and to the WAL) per message, a quarter of a
// national broadcast's fan-out time. Every writer of the outbox takes the contact id from contacts in the
// same transaction, so that check guarded nothing; what it also did, remove a contact's messages with it
// (ON DELETE CASCADE), is kept by a trigger on contacts, which costs nothing when messages are written.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox drop constraint if exists outbox_contact_id_fkey`.execute(db);
  await sql`
    create function outbox_follow_contact() returns trigger language plpgsql as $$
    begin
      delete from outbox where contact_id = old.id;
      return old;
    end $$`.execute(db);
  await sql`create trigger contacts_remove_outbox before delete on contacts for each row execute function outbox_follow_contact()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists contacts_remove_outbox on contacts`.execute(db);
  await sql`drop function if exists outbox_follow_contact()`.execute(db);
  await sql`delete from outbox o where o.contact_id is not null and not exists (select 1 from contacts c where c.id = o.contact_id)`.execute(db);
  await sql`alter table outbox add constraint outbox_contact_id_fkey foreign key (contact_id) references contacts (id) on delete cascade`.execute(db);
}
