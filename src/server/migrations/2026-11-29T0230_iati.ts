import type { Kysely } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// IATI publishing: the IATI identifier a project is published under when it came from an
// imported activity file (kept exactly, spaces included, so a re-export keeps it), and the parts
// of the imported activity the project model has no place for (narrative-only participating
// organisations, collaboration/flow/finance/aid/tied defaults, tags) as JSON text.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('iati_activity_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('iati_identifier', 'text', (c) => c.notNull())
    .addColumn('extras_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('source_file_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .addUniqueConstraint('iati_activity_links_project_uq', ['organization_id', 'project_id'])
    .addUniqueConstraint('iati_activity_links_identifier_uq', ['organization_id', 'iati_identifier'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('iati_activity_links').execute();
}
