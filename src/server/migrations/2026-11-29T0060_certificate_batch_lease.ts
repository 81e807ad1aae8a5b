import type { Kysely } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// A lease on a running certificate batch: the server process that works on it (locked_by) holds it
// until locked_until (ISO instant) and renews it after every chunk. Another process claims the
// batch only with a compare-and-set once the lease has run out, so a batch left "running" by a
// stopped process is resumed by exactly one server.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('certificate_batches').addColumn('locked_by', 'text').execute();
  await db.schema.alterTable('certificate_batches').addColumn('locked_until', 'text').execute();
  await db.schema
    .createIndex('certificate_batches_running_idx')
    .on('certificate_batches')
    .columns(['status', 'locked_until'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('certificate_batches_running_idx').execute();
  await db.schema.alterTable('certificate_batches').dropColumn('locked_until').execute();
  await db.schema.alterTable('certificate_batches').dropColumn('locked_by').execute();
}
