import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// Training programmes of a project, their cohorts with a schedule of sessions, participants
// (people of the organization), enrolments with waiting list and scores in hundredths of a
// point, and attendance per session.
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');
  const audit = (t: any) =>
    t
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('updated_by', 'text')
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1));

  await audit(
    db.schema
      .createTable('training_programmes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('title_json', 'text', (c) => c.notNull())
      .addColumn('title_sort', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('learning_outcomes_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('languages_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('interpretation_needs', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('completion_rule_json', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema
    .createIndex('training_programmes_org_project_idx')
    .on('training_programmes')
    .columns(['organization_id', 'project_id'])
    .execute();

  await db.schema
    .createTable('training_modules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('programme_id', 'text', (c) =>
      c.notNull().references('training_programmes.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('education_management','leadership','teacher_workshop','vocational_skills','enterprise_visit','cultural_exchange','cooperation_negotiation','language','custom')`,
        ),
    )
    .addColumn('title_json', 'text', (c) => c.notNull())
    .addColumn('hours', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('training_modules_programme_idx')
    .on('training_modules')
    .column('programme_id')
    .execute();

  await audit(
    db.schema
      .createTable('training_cohorts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('programme_id', 'text', (c) =>
        c.notNull().references('training_programmes.id').onDelete('cascade'),
      )
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text')
      .addColumn('ends_on', 'text')
      .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema
    .createIndex('training_cohorts_programme_idx')
    .on('training_cohorts')
    .columns(['organization_id', 'programme_id'])
    .execute();

  await audit(
    db.schema
      .createTable('training_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('cohort_id', 'text', (c) =>
        c.notNull().references('training_cohorts.id').onDelete('cascade'),
      )
      .addColumn('module_id', 'text', (c) => c.references('training_modules.id').onDelete('set null'))
      .addColumn('title', 'text', (c) => c.notNull())
      // UTC instants (ISO 8601 with Z) and the IANA zone the session was planned in.
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('venue', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('online_url', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('trainer_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('language', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('interpreter', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema
    .createIndex('training_sessions_cohort_idx')
    .on('training_sessions')
    .columns(['cohort_id', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('training_sessions_trainer_idx')
    .on('training_sessions')
    .columns(['organization_id', 'trainer_user_id', 'starts_at'])
    .execute();

  await audit(
    db.schema
      .createTable('training_participants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('name_native', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('name_latin', 'text', (c) => c.notNull())
      .addColumn('gender', 'text', (c) =>
        c.notNull().check(sql`gender in ('female','male','other','undisclosed')`),
      )
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('organization_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('position', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('languages_json', 'text', (c) => c.notNull().defaultTo('[]'))
      // Sensitive: shown only with participant.sensitive_read, exported only when asked.
      .addColumn('passport_number', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('date_of_birth', 'text'),
  ).execute();
  await db.schema
    .createIndex('training_participants_org_email_idx')
    .on('training_participants')
    .columns(['organization_id', 'email'])
    .execute();

  await audit(
    db.schema
      .createTable('training_enrolments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('cohort_id', 'text', (c) =>
        c.notNull().references('training_cohorts.id').onDelete('cascade'),
      )
      .addColumn('participant_id', 'text', (c) =>
        c.notNull().references('training_participants.id').onDelete('cascade'),
      )
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('invited','confirmed','attending','completed','withdrawn')`),
      )
      .addColumn('waitlist_position', 'integer')
      // Hundredths of a point: 59.99 is 5999.
      .addColumn('pre_score', 'integer', (c) => c.check(sql`pre_score between 0 and 10000`))
      .addColumn('post_score', 'integer', (c) => c.check(sql`post_score between 0 and 10000`))
      // SHA-256 of the personal portal token; the token itself is never stored.
      .addColumn('portal_token_hash', 'text', (c) => c.unique())
      .addUniqueConstraint('training_enrolments_cohort_participant_uq', ['cohort_id', 'participant_id']),
  ).execute();
  await db.schema
    .createIndex('training_enrolments_cohort_idx')
    .on('training_enrolments')
    .columns(['organization_id', 'cohort_id'])
    .execute();

  await db.schema
    .createTable('training_attendance')
    .addColumn('organization_id', 'text', org)
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('training_sessions.id').onDelete('cascade'),
    )
    .addColumn('enrolment_id', 'text', (c) =>
      c.notNull().references('training_enrolments.id').onDelete('cascade'),
    )
    .addColumn('mark', 'text', (c) => c.notNull().check(sql`mark in ('present','absent','excused')`))
    .addColumn('marked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_attendance_pk', ['session_id', 'enrolment_id'])
    .execute();
  await db.schema
    .createIndex('training_attendance_enrolment_idx')
    .on('training_attendance')
    .column('enrolment_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'training_attendance',
    'training_enrolments',
    'training_participants',
    'training_sessions',
    'training_cohorts',
    'training_modules',
    'training_programmes',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
