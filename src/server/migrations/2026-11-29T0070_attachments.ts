import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// Files attached to a project (its documents) or to a training programme (its course materials).
// `entity_id` points at the row of `entity_type`; there is no foreign key (two parent tables), so
// the service checks the parent in the actor's organization before any read or write.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('entity_type', 'text', (c) => c.notNull().check(sql`entity_type in ('project','programme')`))
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('visible_to_participants', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql`visible_to_participants in (0,1)`),
    )
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('attachments_org_entity_idx')
    .on('attachments')
    .columns(['organization_id', 'entity_type', 'entity_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachments').execute();
}
