import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// Cooperation projects, shaped after IATI 2.03 `iati-activity`: status codes 1-6
// (ActivityStatus), participating-org roles 1-4 (OrganisationRole), recipient countries and
// sectors with percentages in hundredths of a percent (10000 = 100 %), budgets
// (BudgetType 1/2, BudgetStatus 1/2) and transactions (TransactionType 1-13), money in integer
// minor units of an ISO 4217 currency.
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');
  const project = (c: any) => c.notNull().references('projects.id').onDelete('cascade');

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('parent_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`type in ('capacity_building','teacher_training','exchange_delegation','worldskills_base','joint_training_base','skills_competition','distance_education','standards_export','other')`,
        ),
    )
    .addColumn('base_location', 'text', (c) => c.check(sql`base_location in ('home','overseas')`))
    .addColumn('title_json', 'text', (c) => c.notNull())
    .addColumn('title_sort', 'text', (c) => c.notNull())
    .addColumn('description_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('1','2','3','4','5','6')`))
    .addColumn('planned_start', 'text')
    .addColumn('planned_end', 'text')
    .addColumn('actual_start', 'text')
    .addColumn('actual_end', 'text')
    .addColumn('default_currency', 'text', (c) => c.notNull())
    .addColumn('responsible_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('projects_org_code_uq', ['organization_id', 'code'])
    .execute();
  await db.schema
    .createIndex('projects_org_archived_title_idx')
    .on('projects')
    .columns(['organization_id', 'archived_at', 'title_sort'])
    .execute();
  await db.schema.createIndex('projects_parent_idx').on('projects').column('parent_id').execute();

  await db.schema
    .createTable('project_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('project_id', 'text', project)
    // null: the own college
    .addColumn('partner_id', 'text', (c) => c.references('partners.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('1','2','3','4')`))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('project_participants_project_idx')
    .on('project_participants')
    .column('project_id')
    .execute();
  await db.schema
    .createIndex('project_participants_partner_idx')
    .on('project_participants')
    .column('partner_id')
    .execute();

  await db.schema
    .createTable('project_countries')
    .addColumn('organization_id', 'text', org)
    .addColumn('project_id', 'text', project)
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('percentage_hundredths', 'integer', (c) =>
      c.check(sql`percentage_hundredths >= 0 and percentage_hundredths <= 10000`),
    )
    .addPrimaryKeyConstraint('project_countries_pk', ['project_id', 'country'])
    .execute();
  await db.schema
    .createIndex('project_countries_org_country_idx')
    .on('project_countries')
    .columns(['organization_id', 'country'])
    .execute();

  await db.schema
    .createTable('project_sectors')
    .addColumn('organization_id', 'text', org)
    .addColumn('project_id', 'text', project)
    .addColumn('vocabulary', 'text', (c) => c.notNull().defaultTo('1').check(sql`vocabulary in ('1')`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('percentage_hundredths', 'integer', (c) =>
      c.check(sql`percentage_hundredths >= 0 and percentage_hundredths <= 10000`),
    )
    .addPrimaryKeyConstraint('project_sectors_pk', ['project_id', 'vocabulary', 'code'])
    .execute();

  await db.schema
    .createTable('project_agreements')
    .addColumn('organization_id', 'text', org)
    .addColumn('project_id', 'text', project)
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('project_agreements_pk', ['project_id', 'agreement_id'])
    .execute();
  await db.schema
    .createIndex('project_agreements_agreement_idx')
    .on('project_agreements')
    .column('agreement_id')
    .execute();

  await db.schema
    .createTable('project_budgets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('project_id', 'text', project)
    .addColumn('type', 'text', (c) => c.notNull().defaultTo('1').check(sql`type in ('1','2')`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('1').check(sql`status in ('1','2')`))
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('value_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('value_date', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('project_budgets_project_idx')
    .on('project_budgets')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('project_transactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('project_id', 'text', project)
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('1','2','3','4','5','6','7','8','9','10','11','12','13')`),
    )
    .addColumn('transaction_date', 'text', (c) => c.notNull())
    .addColumn('value_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('provider_org', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('receiver_org', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('project_transactions_project_idx')
    .on('project_transactions')
    .column('project_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'project_transactions',
    'project_budgets',
    'project_agreements',
    'project_sectors',
    'project_countries',
    'project_participants',
    'projects',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
