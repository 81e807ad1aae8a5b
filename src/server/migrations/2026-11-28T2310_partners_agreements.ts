import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Portable subset only.
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');

  await db.schema
    .createTable('partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('names_json', 'text', (c) => c.notNull())
    .addColumn('name_sort', 'text', (c) => c.notNull())
    .addColumn('native_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('partners_org_name_idx')
    .on('partners')
    .columns(['organization_id', 'name_sort'])
    .execute();
  await db.schema
    .createIndex('partners_org_country_idx')
    .on('partners')
    .columns(['organization_id', 'country'])
    .execute();

  await db.schema
    .createTable('partner_identifiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addColumn('scheme', 'text', (c) => c.notNull().check(sql`scheme in ('iati','schac','other')`))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('value_norm', 'text', (c) => c.notNull())
    .addUniqueConstraint('partner_identifiers_uq', ['organization_id', 'scheme', 'value_norm'])
    .execute();
  await db.schema
    .createIndex('partner_identifiers_partner_idx')
    .on('partner_identifiers')
    .column('partner_id')
    .execute();

  await db.schema
    .createTable('partner_tags')
    .addColumn('organization_id', 'text', org)
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('partner_tags_pk', ['partner_id', 'tag'])
    .execute();
  await db.schema
    .createIndex('partner_tags_org_tag_idx')
    .on('partner_tags')
    .columns(['organization_id', 'tag'])
    .execute();

  await db.schema
    .createTable('partner_networks')
    .addColumn('organization_id', 'text', org)
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('partner_networks_pk', ['partner_id', 'network_id'])
    .execute();
  await db.schema
    .createIndex('partner_networks_network_idx')
    .on('partner_networks')
    .column('network_id')
    .execute();

  await db.schema
    .createTable('partner_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addColumn('name_native', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name_latin', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('languages_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('partner_contacts_partner_idx')
    .on('partner_contacts')
    .column('partner_id')
    .execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('type', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`type in ('mou','framework','joint_training_base','teacher_exchange','competition_cooperation','other')`,
        ),
    )
    .addColumn('title_json', 'text', (c) => c.notNull())
    .addColumn('title_sort', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('draft','negotiating','signed')`))
    .addColumn('signed_on', 'text')
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('auto_renewal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('renewal_months', 'integer')
    .addColumn('expiring_window_days', 'integer', (c) => c.notNull().defaultTo(90))
    .addColumn('terminated_on', 'text')
    .addColumn('termination_reason', 'text')
    .addColumn('signatories_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('agreements_org_end_idx')
    .on('agreements')
    .columns(['organization_id', 'ends_on'])
    .execute();

  await db.schema
    .createTable('agreement_parties')
    .addColumn('organization_id', 'text', org)
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('agreement_parties_pk', ['agreement_id', 'partner_id'])
    .execute();
  await db.schema
    .createIndex('agreement_parties_partner_idx')
    .on('agreement_parties')
    .column('partner_id')
    .execute();

  await db.schema
    .createTable('agreement_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('agreement_documents_agreement_idx')
    .on('agreement_documents')
    .column('agreement_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'agreement_documents',
    'agreement_parties',
    'agreements',
    'partner_contacts',
    'partner_networks',
    'partner_tags',
    'partner_identifiers',
    'partners',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
