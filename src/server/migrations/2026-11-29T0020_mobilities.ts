import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// Exchanges and delegations (mobilities), after EWP omobilities/imobilities and the Erasmus+
// Beneficiary Module mobility activity: direction, category, home (sending) and host (receiving)
// organization, planned and actual dates, funding in minor units, workflow stage and history.
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');
  const mobility = (c: any) => c.notNull().references('mobilities.id').onDelete('cascade');

  await db.schema
    .createTable('mobilities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('inbound','outbound')`))
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('teacher','staff','student','expert','official_delegation')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('home_is_own', 'integer', (c) => c.notNull().check(sql`home_is_own in (0,1)`))
    .addColumn('home_partner_id', 'text', (c) => c.references('partners.id').onDelete('restrict'))
    .addColumn('host_is_own', 'integer', (c) => c.notNull().check(sql`host_is_own in (0,1)`))
    .addColumn('host_partner_id', 'text', (c) => c.references('partners.id').onDelete('restrict'))
    .addColumn('destination_city', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('planned_start_on', 'text', (c) => c.notNull())
    .addColumn('planned_end_on', 'text', (c) => c.notNull())
    .addColumn('actual_start_on', 'text')
    .addColumn('actual_end_on', 'text')
    .addColumn('funding_source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('funding_amount_minor', 'bigint')
    .addColumn('funding_currency', 'text')
    .addColumn('costs_borne_by', 'text', (c) =>
      c.notNull().defaultTo('host').check(sql`costs_borne_by in ('host','home','shared')`),
    )
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
    .addColumn('agreement_id', 'text', (c) => c.references('agreements.id').onDelete('set null'))
    .addColumn('stage', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`stage in ('proposed','approved','invitation_visa','travelling','returned','report_received','cancelled')`,
        ),
    )
    .addColumn('cancellation_reason', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('mobilities_home_own_ck', sql`home_is_own = 0 or home_partner_id is null`)
    .addCheckConstraint('mobilities_host_own_ck', sql`host_is_own = 0 or host_partner_id is null`)
    .addCheckConstraint('mobilities_dates_ck', sql`planned_end_on >= planned_start_on`)
    .execute();
  await db.schema
    .createIndex('mobilities_org_start_idx')
    .on('mobilities')
    .columns(['organization_id', 'planned_start_on'])
    .execute();
  await db.schema
    .createIndex('mobilities_home_partner_idx')
    .on('mobilities')
    .column('home_partner_id')
    .execute();
  await db.schema
    .createIndex('mobilities_host_partner_idx')
    .on('mobilities')
    .column('host_partner_id')
    .execute();
  await db.schema.createIndex('mobilities_project_idx').on('mobilities').column('project_id').execute();
  await db.schema.createIndex('mobilities_agreement_idx').on('mobilities').column('agreement_id').execute();

  await db.schema
    .createTable('mobility_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('mobility_id', 'text', mobility)
    .addColumn('name_native', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name_latin', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) =>
      c.notNull().defaultTo('unspecified').check(sql`gender in ('female','male','unspecified')`),
    )
    .addColumn('position', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('nationality', 'text')
    .addColumn('passport_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('mobility_members_mobility_idx')
    .on('mobility_members')
    .column('mobility_id')
    .execute();

  await db.schema
    .createTable('mobility_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('mobility_id', 'text', mobility)
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('mobility_events_mobility_idx')
    .on('mobility_events')
    .columns(['mobility_id', 'at'])
    .execute();

  await db.schema
    .createTable('mobility_checklist_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('mobility_id', 'text', mobility)
    .addColumn('code', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0).check(sql`done in (0,1)`))
    .addColumn('done_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('done_at', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('mobility_checklist_items_mobility_idx')
    .on('mobility_checklist_items')
    .column('mobility_id')
    .execute();

  await db.schema
    .createTable('mobility_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('mobility_id', 'text', (c) =>
      c.notNull().unique().references('mobilities.id').onDelete('cascade'),
    )
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('outcomes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('follow_up_actions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'mobility_reports',
    'mobility_checklist_items',
    'mobility_events',
    'mobility_members',
    'mobilities',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
