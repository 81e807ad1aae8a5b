import type { Kysely } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// Which files an organization has already imported (partners, training enrolments, talent), so
// that re-sending a file whose commit answer was lost (crash, network) does not create every row
// twice. One row per (organization, kind of import, target, SHA-256 of the file's bytes); the
// unique key also makes two concurrent commits of the same file import it once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_fingerprints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    // 'partners', 'training_enrolments', 'talent'.
    .addColumn('kind', 'text', (c) => c.notNull())
    // What the file was imported into (the cohort's id for enrolments); '' where the kind has none.
    .addColumn('target', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull().defaultTo(0))
    // The latest import of the file (a repeat the user confirmed moves it forward).
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .addUniqueConstraint('import_fingerprints_uq', ['organization_id', 'kind', 'target', 'sha256'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_fingerprints').execute();
}
