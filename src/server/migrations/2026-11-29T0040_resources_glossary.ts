import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Portable subset only.
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');

  await db.schema
    .createTable('resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('curriculum','teaching_standard','course_material','occupational_standard','other')`,
        ),
    )
    .addColumn('title_json', 'text', (c) => c.notNull())
    .addColumn('title_sort', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('resources_org_title_idx')
    .on('resources')
    .columns(['organization_id', 'title_sort'])
    .execute();

  await db.schema
    .createTable('resource_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('version_label', 'text', (c) => c.notNull())
    .addColumn('changelog', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('resource_versions_label_uq', ['resource_id', 'version_label'])
    .execute();

  await db.schema
    .createTable('resource_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) =>
      c.notNull().references('resource_versions.id').onDelete('cascade'),
    )
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('resource_files_language_uq', ['version_id', 'language'])
    .execute();
  await db.schema
    .createIndex('resource_files_resource_idx')
    .on('resource_files')
    .column('resource_id')
    .execute();

  await db.schema
    .createTable('resource_shares')
    .addColumn('organization_id', 'text', org)
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addColumn('shared_by', 'text')
    .addColumn('shared_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('resource_shares_pk', ['resource_id', 'partner_id'])
    .execute();
  await db.schema
    .createIndex('resource_shares_org_partner_idx')
    .on('resource_shares')
    .columns(['organization_id', 'partner_id'])
    .execute();

  await db.schema
    .createTable('partner_user_links')
    .addColumn('organization_id', 'text', org)
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('partner_user_links_pk', ['organization_id', 'user_id', 'partner_id'])
    .execute();
  await db.schema
    .createIndex('partner_user_links_partner_idx')
    .on('partner_user_links')
    .column('partner_id')
    .execute();

  await db.schema
    .createTable('glossaries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('name_json', 'text', (c) => c.notNull())
    .addColumn('name_sort', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('languages_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('glossaries_org_name_idx')
    .on('glossaries')
    .columns(['organization_id', 'name_sort'])
    .execute();

  await db.schema
    .createTable('glossary_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('glossary_id', 'text', (c) => c.notNull().references('glossaries.id').onDelete('cascade'))
    .addColumn('concept_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('term_norm', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('context', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('part_of_speech', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','approved')`))
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('glossary_terms_uq', ['glossary_id', 'concept_id', 'language', 'term_norm'])
    .execute();
  await db.schema
    .createIndex('glossary_terms_concept_idx')
    .on('glossary_terms')
    .columns(['glossary_id', 'concept_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'glossary_terms',
    'glossaries',
    'partner_user_links',
    'resource_shares',
    'resource_files',
    'resource_versions',
    'resources',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
