import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// Enterprise demand and the shortlist workflow (issue 6): postings by enterprise users (or partner
// colleges abroad) with their required and optional skills and languages, and the shortlist of
// candidates proposed for a posting with the score and reasons as they stood at proposal.
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');
  const posting = (c: any) => c.notNull().references('demand_postings.id').onDelete('cascade');

  await db.schema
    .createTable('demand_postings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    // The user who posted it: an enterprise sees only its own postings.
    .addColumn('posted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('enterprise_name', 'text', (c) => c.notNull())
    .addColumn('partner_id', 'text', (c) => c.references('partners.id').onDelete('set null'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('site', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('isco_code', 'text', (c) => c.notNull())
    .addColumn('esco_uri', 'text')
    .addColumn('headcount', 'integer', (c) => c.notNull().check(sql`headcount between 1 and 10000`))
    .addColumn('start_date', 'text', (c) => c.notNull())
    // { "type": "fixed_term", "durationMonths": 24, "hoursPerWeek": 44, "pay": {…}, … }
    .addColumn('contract_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open','filled','closed')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('demand_postings_org_poster_idx')
    .on('demand_postings')
    .columns(['organization_id', 'posted_by'])
    .execute();

  await db.schema
    .createTable('demand_posting_skills')
    .addColumn('posting_id', 'text', posting)
    .addColumn('organization_id', 'text', org)
    .addColumn('requirement', 'text', (c) => c.notNull().check(sql`requirement in ('required','optional')`))
    .addColumn('skill_key', 'text', (c) => c.notNull())
    .addColumn('min_level', 'integer', (c) => c.notNull().check(sql`min_level between 1 and 4`))
    .addColumn('weight', 'integer', (c) => c.notNull().check(sql`weight between 1 and 10`))
    .addPrimaryKeyConstraint('demand_posting_skills_pk', ['posting_id', 'skill_key'])
    .execute();

  await db.schema
    .createTable('demand_posting_languages')
    .addColumn('posting_id', 'text', posting)
    .addColumn('organization_id', 'text', org)
    .addColumn('requirement', 'text', (c) => c.notNull().check(sql`requirement in ('required','optional')`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('min_cefr', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('demand_posting_languages_pk', ['posting_id', 'code'])
    .execute();

  await db.schema
    .createTable('shortlist_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('posting_id', 'text', posting)
    .addColumn('profile_id', 'text', (c) => c.notNull().references('talent_profiles.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`stage in ('proposed','candidate_agreed','contacted','interview','offer','placed','not_placed','declined')`,
        ),
    )
    // Hundredths of a point (0..10000) and the matcher's components and reasons at proposal.
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('components_json', 'text', (c) => c.notNull())
    .addColumn('reasons_json', 'text', (c) => c.notNull())
    // [{ "stage": "proposed", "at": "…", "by": "user id or 'candidate'", "note": "" }]
    .addColumn('history_json', 'text', (c) => c.notNull())
    // The day the candidate was placed (the placement figure counts by it).
    .addColumn('placed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('shortlist_entries_posting_profile_uq', ['posting_id', 'profile_id'])
    .execute();
  await db.schema
    .createIndex('shortlist_entries_org_profile_idx')
    .on('shortlist_entries')
    .columns(['organization_id', 'profile_id'])
    .execute();
  await db.schema
    .createIndex('shortlist_entries_org_stage_idx')
    .on('shortlist_entries')
    .columns(['organization_id', 'stage', 'placed_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'shortlist_entries',
    'demand_posting_languages',
    'demand_posting_skills',
    'demand_postings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
