import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// Training bases (WorldSkills and international joint bases), their inventory, team, trainees and
// activity log, and imported WorldSkills Infrastructure Lists. The link to projects is left for a
// later migration.
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');
  const base = (c: any) => c.notNull().references('training_bases.id').onDelete('cascade');

  await db.schema
    .createTable('training_bases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('worldskills','joint')`))
    .addColumn('names_json', 'text', (c) => c.notNull())
    .addColumn('name_sort', 'text', (c) => c.notNull())
    .addColumn('skill_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('skill_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('location', 'text', (c) => c.notNull().check(sql`location in ('at_home','abroad')`))
    .addColumn('site_address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('partner_id', 'text', (c) => c.references('partners.id').onDelete('set null'))
    .addColumn('workstations', 'integer', (c) => c.notNull().check(sql`workstations >= 1`))
    .addColumn('established_on', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('planned','active','suspended','closed')`),
    )
    .addColumn('facilities', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('training_bases_org_name_idx')
    .on('training_bases')
    .columns(['organization_id', 'name_sort'])
    .execute();
  await db.schema
    .createIndex('training_bases_partner_idx')
    .on('training_bases')
    .column('partner_id')
    .execute();

  await db.schema
    .createTable('base_equipment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('base_id', 'text', base)
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('specification', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity >= 0`))
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('condition', 'text', (c) =>
      c.notNull().check(sql`condition in ('new','good','fair','poor','out_of_service')`),
    )
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('base_equipment_base_idx').on('base_equipment').column('base_id').execute();

  await db.schema
    .createTable('base_team')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('base_id', 'text', base)
    .addColumn('name_native', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name_latin', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('expert','coach','assistant')`))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('base_team_base_idx').on('base_team').column('base_id').execute();

  await db.schema
    .createTable('base_trainees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('base_id', 'text', base)
    .addColumn('name_native', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name_latin', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('since', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','alumni','withdrawn')`))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('base_trainees_base_idx').on('base_trainees').column('base_id').execute();

  await db.schema
    .createTable('base_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('base_id', 'text', base)
    .addColumn('type', 'text', (c) =>
      c
        .notNull()
        .check(sql`type in ('training_camp','mock_competition','technical_exchange_abroad','other')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('participants', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('base_activities_base_idx')
    .on('base_activities')
    .columns(['base_id', 'starts_on'])
    .execute();

  await db.schema
    .createTable('infrastructure_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('skill_number', 'text', (c) => c.notNull())
    .addColumn('skill_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('source_file_name', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .addUniqueConstraint('infrastructure_lists_revision_uq', ['organization_id', 'skill_number', 'revision'])
    .execute();

  await db.schema
    .createTable('infrastructure_list_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('list_id', 'text', (c) =>
      c.notNull().references('infrastructure_lists.id').onDelete('cascade'),
    )
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('specification', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity >= 1`))
    .addColumn('basis', 'text', (c) =>
      c.notNull().check(sql`basis in ('per_workstation','per_competitor','per_workshop')`),
    )
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('infrastructure_list_items_list_idx')
    .on('infrastructure_list_items')
    .columns(['list_id', 'sort_order'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'infrastructure_list_items',
    'infrastructure_lists',
    'base_activities',
    'base_trainees',
    'base_team',
    'base_equipment',
    'training_bases',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
