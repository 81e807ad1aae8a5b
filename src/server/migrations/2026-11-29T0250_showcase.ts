import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// The public showcase of a college (issue 5, "A public showcase per college"): nothing is public
// unless the college says so. A project or a library resource appears only when its own
// `show_publicly` flag is 1 (default 0); the showcase row holds whether the page is on at all, its
// platform-wide slug, the name and introduction per language, which sections are shown, which
// figures are shown (a list of figure keys) and a public contact address. Competition results are
// public once published, as before; nothing else is added for them.
export async function up(db: Kysely<any>): Promise<void> {
  const flag = (column: string) => (c: any) =>
    c
      .notNull()
      .defaultTo(0)
      .check(sql.raw(`${column} in (0,1)`));

  await db.schema
    .alterTable('projects')
    .addColumn('show_publicly', 'integer', flag('show_publicly'))
    .execute();
  await db.schema
    .alterTable('resources')
    .addColumn('show_publicly', 'integer', flag('show_publicly'))
    .execute();
  await db.schema
    .createIndex('projects_org_public_idx')
    .on('projects')
    .columns(['organization_id', 'show_publicly'])
    .execute();
  await db.schema
    .createIndex('resources_org_public_idx')
    .on('resources')
    .columns(['organization_id', 'show_publicly'])
    .execute();

  await db.schema
    .createTable('showcases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().unique().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('enabled', 'integer', flag('enabled'))
    // Lower-case letters, digits and hyphens; unique across the platform (the public address).
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('names_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('intro_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('sections_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('figures_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('contact_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('showcases').execute();
  await db.schema.dropIndex('resources_org_public_idx').execute();
  await db.schema.dropIndex('projects_org_public_idx').execute();
  await db.schema.alterTable('resources').dropColumn('show_publicly').execute();
  await db.schema.alterTable('projects').dropColumn('show_publicly').execute();
}
