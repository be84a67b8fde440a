// A national broadcast (a million people) was written by one page at a time: one database core busy,
// the other idle, about fifty seconds. Its audience is now cut into segments of contact ids, each with its
// own cursor, so that pages of different segments are written side by side; the broadcast is done when
// its last segment is (segments_left, counted down in one UPDATE so two segments ending together cannot
// both miss it). A broadcast still open keeps its place as a single segment from its old cursor.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('broadcast_segments')
    .addColumn('broadcast_id', 'integer', (c) => c.notNull().references('broadcasts.id').onDelete('cascade'))
    .addColumn('segment', 'smallint', (c) => c.notNull())
    // The last contact id written (the cursor) and the segment's last id (null: no end, for contacts made later).
    .addColumn('after_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('until_id', 'integer')
    .addColumn('done', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('broadcast_segments_pk', ['broadcast_id', 'segment'])
    .execute();
  await db.schema.alterTable('broadcasts').addColumn('segments_left', 'smallint', (c) => c.notNull().defaultTo(0)).execute();
  await sql`insert into broadcast_segments (broadcast_id, segment, after_id) select id, 0, cursor from broadcasts where status in ('scheduled', 'running')`.execute(db);
  await sql`update broadcasts set segments_left = 1 where status in ('scheduled', 'running')`.execute(db);
  await db.schema.alterTable('broadcasts').dropColumn('cursor').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('broadcasts').addColumn('cursor', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // Back to one cursor: from the segment least far on, so nobody is missed (the deliveries keep anyone twice out).
  await sql`update broadcasts b set cursor = s.after_id from (select broadcast_id, min(after_id) as after_id from broadcast_segments where not done group by broadcast_id) s where s.broadcast_id = b.id`.execute(db);
  await db.schema.alterTable('broadcasts').dropColumn('segments_left').execute();
  await db.schema.dropTable('broadcast_segments').execute();
}
