import type { Kysely } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// Idempotent mark entry from the workshop bench: every batch of marks a client sends carries a
// client-generated id. The first delivery writes the marks and keeps its result here, in the same
// transaction; a replay of the same id (the answer was lost on a flaky connection and the offline
// queue sent it again) gets that stored result instead of a second write or a false 409.
// Rows older than the retention window are pruned by the marking module as new batches arrive.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('marking_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('client_batch_id', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text', (c) => c.notNull().references('marking_forms.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('marking_batches_client_uq')
    .on('marking_batches')
    .columns(['organization_id', 'client_batch_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('marking_batches_created_idx')
    .on('marking_batches')
    .columns(['organization_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('marking_batches').execute();
}
