import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// Talent profiles with consent first (issue 6): graduates, trainees and competitors of the college,
// their skills and languages, the append-only history of their consent, personal self-service links
// (only SHA-256 hashes of the tokens are stored) and the college's own skill list.
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');
  const profile = (c: any) => c.notNull().references('talent_profiles.id').onDelete('cascade');

  await db.schema
    .createTable('college_skills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    // Without the 'college:' prefix: lower-case letters, digits, '.', '_', '-'.
    .addColumn('code', 'text', (c) => c.notNull())
    // { "en": "…", "zh-CN": "…" }
    .addColumn('labels_json', 'text', (c) => c.notNull())
    .addColumn('isco_group', 'text')
    .addColumn('esco_uri', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('college_skills_org_code_uq', ['organization_id', 'code'])
    .execute();

  await db.schema
    .createTable('talent_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    // A graduate or trainee of the college, and/or a competitor of one of its competitions.
    .addColumn('participant_id', 'text', (c) => c.references('training_participants.id').onDelete('set null'))
    .addColumn('competitor_id', 'text', (c) =>
      c.references('competition_competitors.id').onDelete('set null'),
    )
    .addColumn('name_latin', 'text', (c) => c.notNull())
    .addColumn('name_native', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    // The language of the personal link's page and mails.
    .addColumn('locale', 'text', (c) =>
      c.notNull().defaultTo('en').check(sql`locale in ('en','zh-CN','fr','ar')`),
    )
    .addColumn('isco_code', 'text', (c) => c.notNull())
    .addColumn('esco_uri', 'text')
    // [{ "iscedLevel": 3, "field": "…", "institution": "…", "completedYear": 2024 }]
    .addColumn('education_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('experience_years', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql`experience_years between 0 and 60`),
    )
    // ["AE", "SA"] or ["any"]
    .addColumn('countries_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('available_from', 'text', (c) => c.notNull())
    .addColumn('headline_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('summary_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`status in ('active','archived')`),
    )
    // The latest row of talent_consents (the current consent), kept in the same transaction as the
    // insert; no foreign key because the two tables point at each other.
    .addColumn('current_consent_id', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('talent_profiles_org_isco_idx')
    .on('talent_profiles')
    .columns(['organization_id', 'isco_code'])
    .execute();
  await db.schema
    .createIndex('talent_profiles_org_participant_idx')
    .on('talent_profiles')
    .columns(['organization_id', 'participant_id'])
    .execute();

  await db.schema
    .createTable('talent_profile_skills')
    .addColumn('profile_id', 'text', profile)
    .addColumn('organization_id', 'text', org)
    // An ESCO skill URI or 'college:<code>'.
    .addColumn('skill_key', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull().check(sql`level between 1 and 4`))
    .addColumn('evidence', 'text', (c) =>
      c.notNull().check(sql`evidence in ('certificate','competition','self','employer')`),
    )
    // Derived on write: evidence other than 'self', recorded by the college.
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0).check(sql`verified in (0,1)`))
    .addPrimaryKeyConstraint('talent_profile_skills_pk', ['profile_id', 'skill_key'])
    .execute();
  await db.schema
    .createIndex('talent_profile_skills_org_key_idx')
    .on('talent_profile_skills')
    .columns(['organization_id', 'skill_key'])
    .execute();

  await db.schema
    .createTable('talent_profile_languages')
    .addColumn('profile_id', 'text', profile)
    .addColumn('organization_id', 'text', org)
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('cefr', 'text', (c) =>
      c.notNull().check(sql`cefr in ('A1','A2','B1','B2','C1','C2','native')`),
    )
    .addPrimaryKeyConstraint('talent_profile_languages_pk', ['profile_id', 'code'])
    .execute();

  // Append-only: a consent is given once per row; withdrawal stamps withdrawn_at on the current row;
  // giving consent again adds a row. The current consent is the profile's latest row.
  await db.schema
    .createTable('talent_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('profile_id', 'text', profile)
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('employment_matching')`))
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('match','match_and_introduce')`))
    // The version of the explanation the owner was shown, and in which language.
    .addColumn('notice_version', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('given_at', 'text', (c) => c.notNull())
    .addColumn('given_via', 'text', (c) =>
      c.notNull().check(sql`given_via in ('link','account','coordinator_on_paper')`),
    )
    .addColumn('given_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_via', 'text', (c) =>
      c.check(sql`withdrawn_via is null or withdrawn_via in ('link','account','coordinator_on_paper')`),
    )
    .addColumn('withdrawn_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('withdrawn_by', 'text')
    .execute();
  await db.schema
    .createIndex('talent_consents_profile_idx')
    .on('talent_consents')
    .columns(['profile_id', 'given_at'])
    .execute();

  await db.schema
    .createTable('talent_self_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('profile_id', 'text', profile)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('talent_self_links_profile_idx')
    .on('talent_self_links')
    .column('profile_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'talent_self_links',
    'talent_consents',
    'talent_profile_languages',
    'talent_profile_skills',
    'talent_profiles',
    'college_skills',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
