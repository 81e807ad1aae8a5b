import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// Surveys and the Kirkpatrick levels (issue 5): surveys of a project and/or a cohort, their
// questions (texts per language as JSON), personal invitations of training participants with
// their links (only SHA-256 hashes of the tokens are stored), responses and answers. An anonymous
// survey keeps the invitation's "responded" date but never links the response to it.
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');

  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
    .addColumn('cohort_id', 'text', (c) => c.references('training_cohorts.id').onDelete('set null'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('L1','L2','L3','L4')`))
    // L2 knowledge tests: 'pre' or 'post'; a post-test names its pre-test for matching.
    .addColumn('test_phase', 'text', (c) => c.check(sql`test_phase in ('pre','post')`))
    .addColumn('pre_test_id', 'text', (c) => c.references('surveys.id').onDelete('set null'))
    .addColumn('title_json', 'text', (c) => c.notNull())
    .addColumn('intro_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('default_locale', 'text', (c) =>
      c.notNull().defaultTo('en').check(sql`default_locale in ('en','zh-CN','fr','ar')`),
    )
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0).check(sql`anonymous in (0,1)`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft','open','closed')`),
    )
    .addColumn('opens_on', 'text')
    .addColumn('closes_on', 'text')
    // An L3 follow-up is created by the daily job this many days after the cohort's end date.
    .addColumn('follow_up_days', 'integer', (c) =>
      c.check(sql`follow_up_days is null or (follow_up_days between 1 and 730)`),
    )
    // Set on the follow-up the job created: unique, so it is created once whatever runs it.
    .addColumn('follow_up_of', 'text', (c) => c.unique().references('surveys.id').onDelete('set null'))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('surveys_org_project_idx')
    .on('surveys')
    .columns(['organization_id', 'project_id'])
    .execute();
  await db.schema
    .createIndex('surveys_org_cohort_idx')
    .on('surveys')
    .columns(['organization_id', 'cohort_id'])
    .execute();

  await db.schema
    .createTable('survey_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('likert5','likert7','nps','single','multiple','text','number')`),
    )
    .addColumn('text_json', 'text', (c) => c.notNull())
    .addColumn('help_json', 'text', (c) => c.notNull().defaultTo('{}'))
    // [{ "key": "a", "label": { "en": "…" } }]
    .addColumn('options_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(1).check(sql`required in (0,1)`))
    .addColumn('reverse_coded', 'integer', (c) => c.notNull().defaultTo(0).check(sql`reverse_coded in (0,1)`))
    .addColumn('scale_key', 'text', (c) => c.notNull().defaultTo(''))
    // Scored knowledge-test item: the correct option keys and its points.
    .addColumn('scored', 'integer', (c) => c.notNull().defaultTo(0).check(sql`scored in (0,1)`))
    .addColumn('correct_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(1).check(sql`points between 1 and 100`))
    // What the analytics read it as: L3 "applied?" question, L4 monetary benefit.
    .addColumn('purpose', 'text', (c) =>
      c.notNull().defaultTo('none').check(sql`purpose in ('none','application','benefit')`),
    )
    .addColumn('applied_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('currency', 'text')
    .addColumn('min_value', 'double precision')
    .addColumn('max_value', 'double precision')
    .execute();
  await db.schema
    .createIndex('survey_questions_survey_idx')
    .on('survey_questions')
    .columns(['survey_id', 'sort_order'])
    .execute();

  await db.schema
    .createTable('survey_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) =>
      c.notNull().references('training_participants.id').onDelete('cascade'),
    )
    .addColumn('locale', 'text', (c) => c.notNull().check(sql`locale in ('en','zh-CN','fr','ar')`))
    .addColumn('sent_at', 'text')
    .addColumn('reminder_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reminded_at', 'text')
    // For anonymous surveys only the calendar date, so it cannot be matched to a response's time.
    .addColumn('responded_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('survey_invitations_survey_participant_uq', ['survey_id', 'participant_id'])
    .execute();
  await db.schema
    .createIndex('survey_invitations_org_survey_idx')
    .on('survey_invitations')
    .columns(['organization_id', 'survey_id'])
    .execute();

  // Every link mailed (invitation, each reminder, a copied link): only the token's SHA-256.
  await db.schema
    .createTable('survey_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('invitation_id', 'text', (c) =>
      c.notNull().references('survey_invitations.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_links_invitation_idx')
    .on('survey_links')
    .column('invitation_id')
    .execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    // Null for anonymous surveys: the answers cannot be traced to the invitation or the person.
    .addColumn('invitation_id', 'text', (c) =>
      c.unique().references('survey_invitations.id').onDelete('set null'),
    )
    .addColumn('participant_id', 'text', (c) => c.references('training_participants.id').onDelete('set null'))
    .addColumn('locale', 'text', (c) => c.notNull())
    // ISO instant for named surveys; only the calendar date for anonymous ones.
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_responses_org_survey_idx')
    .on('survey_responses')
    .columns(['organization_id', 'survey_id'])
    .execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('response_id', 'text', (c) =>
      c.notNull().references('survey_responses.id').onDelete('cascade'),
    )
    .addColumn('question_id', 'text', (c) =>
      c.notNull().references('survey_questions.id').onDelete('cascade'),
    )
    .addColumn('organization_id', 'text', org)
    .addColumn('value_number', 'double precision')
    .addColumn('value_text', 'text')
    .addColumn('value_choices_json', 'text')
    .addPrimaryKeyConstraint('survey_answers_pk', ['response_id', 'question_id'])
    .execute();
  await db.schema
    .createIndex('survey_answers_question_idx')
    .on('survey_answers')
    .column('question_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'survey_answers',
    'survey_responses',
    'survey_links',
    'survey_invitations',
    'survey_questions',
    'surveys',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
