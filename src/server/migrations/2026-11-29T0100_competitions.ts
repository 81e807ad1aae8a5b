import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// Skills competitions with WorldSkills-grade marking (../shared/standards/worldskills.md):
// set-up (competition, skills, members, entrants, competitors, experts, days, workshops),
// versioned marking schemes, marking teams, marking forms with measurement observations and
// per-judge judgement scores, disputes with evidence, and the results snapshot frozen at sign-off.
//
// A marking scheme version is one JSON document (sections, criteria, sub-criteria, aspects):
// it is immutable once locked, and marks refer to its sub-criteria and aspects by their keys.
// Marks store what was entered (the observation, each judge's score), never the derived mark:
// the domain code computes marks, totals and results from them.
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');
  const competition = (c: any) => c.notNull().references('competitions.id').onDelete('cascade');
  const skill = (c: any) => c.notNull().references('competition_skills.id').onDelete('cascade');
  const stamps = (t: any) =>
    t
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('updated_by', 'text')
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1));
  const flag = (name: string, dflt: 0 | 1) => (c: any) =>
    c
      .notNull()
      .defaultTo(dflt)
      .check(sql.raw(`${name} in (0,1)`));

  await stamps(
    db.schema
      .createTable('competitions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('names_json', 'text', (c) => c.notNull())
      .addColumn('name_sort', 'text', (c) => c.notNull())
      // Short public handle for result pages and the venue scoreboard, unique per college.
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('venue', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('city', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('host_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('host_partner_id', 'text', (c) => c.references('partners.id').onDelete('set null'))
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('planning','registration','running','completed','cancelled')`),
      )
      .addColumn('registration_opens_on', 'text')
      .addColumn('registration_closes_on', 'text')
      // CompetitionRuleSettings (src/domain/competitions/settings.ts): scale, ties, medallion, rounding.
      .addColumn('settings_json', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema
    .createIndex('competitions_org_slug_uq')
    .on('competitions')
    .columns(['organization_id', 'slug'])
    .unique()
    .execute();

  await stamps(
    db.schema
      .createTable('competition_skills')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('competition_id', 'text', competition)
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('names_json', 'text', (c) => c.notNull())
      .addColumn('name_sort', 'text', (c) => c.notNull())
      .addColumn('skill_type', 'text', (c) =>
        c.notNull().check(sql`skill_type in ('official','demonstration','exhibition')`),
      )
      .addColumn('team_based', 'integer', flag('team_based', 0))
      .addColumn('team_size', 'integer', (c) => c.notNull().defaultTo(1).check(sql`team_size >= 1`))
      .addColumn('max_entries_per_member', 'integer', (c) =>
        c.notNull().defaultTo(1).check(sql`max_entries_per_member >= 1`),
      )
      .addColumn('allow_compatriot_marking', 'integer', flag('allow_compatriot_marking', 0))
      .addColumn('generate_results_and_medals', 'integer', flag('generate_results_and_medals', 1))
      .addColumn('exclude_from_member_comparison', 'integer', flag('exclude_from_member_comparison', 0))
      .addColumn('exclude_from_albert_vidal', 'integer', flag('exclude_from_albert_vidal', 0))
      .addColumn('num_judges', 'integer', (c) =>
        c.notNull().defaultTo(3).check(sql`num_judges between 1 and 5`),
      )
      .addColumn('max_judge_spread', 'integer', (c) =>
        c.notNull().defaultTo(1).check(sql`max_judge_spread between 0 and 3`),
      )
      .addColumn('marking_suspended', 'integer', flag('marking_suspended', 0))
      // open → signed_off (chief expert freezes the snapshot) → published (admin lifts the embargo).
      .addColumn('results_state', 'text', (c) =>
        c.notNull().defaultTo('open').check(sql`results_state in ('open','signed_off','published')`),
      )
      .addColumn('results_signed_off_at', 'text')
      .addColumn('results_signed_off_by', 'text')
      .addColumn('results_published_at', 'text')
      .addColumn('results_published_by', 'text'),
  ).execute();
  await db.schema
    .createIndex('competition_skills_number_uq')
    .on('competition_skills')
    .columns(['competition_id', 'number'])
    .unique()
    .execute();

  // Members: countries, regions or institutions that send competitors and experts.
  await stamps(
    db.schema
      .createTable('competition_members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('competition_id', 'text', competition)
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('names_json', 'text', (c) => c.notNull())
      .addColumn('name_sort', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('country','region','institution')`))
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('partner_id', 'text', (c) => c.references('partners.id').onDelete('set null')),
  ).execute();
  await db.schema
    .createIndex('competition_members_code_uq')
    .on('competition_members')
    .columns(['competition_id', 'code'])
    .unique()
    .execute();

  // Users (partner role) who may register competitors and experts for a member.
  await db.schema
    .createTable('competition_member_registrars')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('member_id', 'text', (c) =>
      c.notNull().references('competition_members.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('competition_member_registrars_uq')
    .on('competition_member_registrars')
    .columns(['member_id', 'user_id'])
    .unique()
    .execute();

  // The marked unit of a skill: one competitor, or one team (which counts once in every result).
  await stamps(
    db.schema
      .createTable('competition_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('competition_id', 'text', competition)
      .addColumn('skill_id', 'text', skill)
      .addColumn('member_id', 'text', (c) =>
        c.notNull().references('competition_members.id').onDelete('restrict'),
      )
      .addColumn('display_name', 'text', (c) => c.notNull())
      // Workstation / bench number in the workshop.
      .addColumn('bench', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('registered','confirmed','withdrawn','excluded')`),
      )
      .addColumn('status_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('registered_by', 'text'),
  ).execute();
  await db.schema
    .createIndex('competition_entries_skill_idx')
    .on('competition_entries')
    .columns(['skill_id', 'member_id'])
    .execute();

  await stamps(
    db.schema
      .createTable('competition_competitors')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('competition_id', 'text', competition)
      .addColumn('entry_id', 'text', (c) =>
        c.notNull().references('competition_entries.id').onDelete('cascade'),
      )
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('name_native', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('gender', 'text', (c) => c.check(sql`gender in ('female','male','other','undisclosed')`))
      .addColumn('birth_date', 'text')
      .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
      // Link to the college's training participant, so medals show on that person's profile.
      .addColumn('participant_id', 'text', (c) =>
        c.references('training_participants.id').onDelete('set null'),
      ),
  ).execute();
  await db.schema
    .createIndex('competition_competitors_entry_idx')
    .on('competition_competitors')
    .column('entry_id')
    .execute();
  await db.schema
    .createIndex('competition_competitors_participant_idx')
    .on('competition_competitors')
    .column('participant_id')
    .execute();

  await stamps(
    db.schema
      .createTable('competition_experts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('competition_id', 'text', competition)
      .addColumn('skill_id', 'text', skill)
      // Null for an independent expert (no member, so never a compatriot).
      .addColumn('member_id', 'text', (c) => c.references('competition_members.id').onDelete('restrict'))
      .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('role', 'text', (c) =>
        c.notNull().check(sql`role in ('chief_expert','deputy_chief_expert','expert','judge')`),
      )
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('registered','confirmed','withdrawn')`),
      )
      .addColumn('registered_by', 'text'),
  ).execute();
  await db.schema
    .createIndex('competition_experts_skill_idx')
    .on('competition_experts')
    .columns(['skill_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('competition_experts_user_idx')
    .on('competition_experts')
    .column('user_id')
    .execute();

  // Competition days (C-2 … C4) with their dates; sub-criteria name the day they are marked on.
  await db.schema
    .createTable('competition_days')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('competition_id', 'text', competition)
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('competition_days_code_uq')
    .on('competition_days')
    .columns(['competition_id', 'code'])
    .unique()
    .execute();

  await stamps(
    db.schema
      .createTable('competition_workshops')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('competition_id', 'text', competition)
      .addColumn('skill_id', 'text', (c) => c.references('competition_skills.id').onDelete('set null'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('workstations', 'integer', (c) => c.notNull().defaultTo(0).check(sql`workstations >= 0`))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();

  await stamps(
    db.schema
      .createTable('marking_schemes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('skill_id', 'text', skill)
      .addColumn('version_no', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','locked','superseded')`))
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('manual','cis_import','copy')`))
      .addColumn('source_file_name', 'text', (c) => c.notNull().defaultTo(''))
      // MarkingScheme (src/domain/competitions/marking-scheme.ts).
      .addColumn('scheme_json', 'text', (c) => c.notNull())
      .addColumn('locked_at', 'text')
      .addColumn('locked_by', 'text')
      .addColumn('lock_reason', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema
    .createIndex('marking_schemes_skill_version_uq')
    .on('marking_schemes')
    .columns(['skill_id', 'version_no'])
    .unique()
    .execute();

  // The marking team of a sub-criterion; compatriots are skipped per entrant, never assigned to one.
  await db.schema
    .createTable('marking_team_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('skill_id', 'text', skill)
    .addColumn('scheme_id', 'text', (c) => c.notNull().references('marking_schemes.id').onDelete('cascade'))
    .addColumn('sub_criterion_key', 'text', (c) => c.notNull())
    .addColumn('expert_id', 'text', (c) =>
      c.notNull().references('competition_experts.id').onDelete('cascade'),
    )
    .addColumn('team_role', 'text', (c) =>
      c.notNull().check(sql`team_role in ('marker','judge','supervisor')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('marking_team_members_uq')
    .on('marking_team_members')
    .columns(['scheme_id', 'sub_criterion_key', 'expert_id'])
    .unique()
    .execute();

  // One marking form = one sub-criterion × one entrant.
  await stamps(
    db.schema
      .createTable('marking_forms')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('skill_id', 'text', skill)
      .addColumn('scheme_id', 'text', (c) =>
        c.notNull().references('marking_schemes.id').onDelete('restrict'),
      )
      .addColumn('sub_criterion_key', 'text', (c) => c.notNull())
      .addColumn('entry_id', 'text', (c) =>
        c.notNull().references('competition_entries.id').onDelete('cascade'),
      )
      .addColumn('state', 'text', (c) =>
        c.notNull().check(sql`state in ('not_started','entered','checked','signed','locked')`),
      )
      .addColumn('entered_by', 'text')
      .addColumn('entered_at', 'text')
      .addColumn('checked_by', 'text')
      .addColumn('checked_at', 'text')
      .addColumn('signed_by', 'text')
      .addColumn('signed_at', 'text')
      .addColumn('locked_by', 'text')
      .addColumn('locked_at', 'text'),
  ).execute();
  await db.schema
    .createIndex('marking_forms_uq')
    .on('marking_forms')
    .columns(['scheme_id', 'sub_criterion_key', 'entry_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('marking_forms_skill_idx')
    .on('marking_forms')
    .columns(['skill_id', 'state'])
    .execute();

  // What a marker observed for a measurement aspect (MeasurementObservation as JSON).
  await db.schema
    .createTable('measurement_marks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('form_id', 'text', (c) => c.notNull().references('marking_forms.id').onDelete('cascade'))
    .addColumn('aspect_key', 'text', (c) => c.notNull())
    .addColumn('observation_json', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('marker_expert_id', 'text', (c) => c.references('competition_experts.id').onDelete('set null'))
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('measurement_marks_uq')
    .on('measurement_marks')
    .columns(['form_id', 'aspect_key'])
    .unique()
    .execute();

  // Each judge's 0–3 score; `judge_expert_id` is the judge, `entered_by` the person who typed it.
  await db.schema
    .createTable('judgement_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('form_id', 'text', (c) => c.notNull().references('marking_forms.id').onDelete('cascade'))
    .addColumn('aspect_key', 'text', (c) => c.notNull())
    .addColumn('judge_expert_id', 'text', (c) =>
      c.notNull().references('competition_experts.id').onDelete('restrict'),
    )
    .addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 0 and 3`))
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('judgement_scores_uq')
    .on('judgement_scores')
    .columns(['form_id', 'aspect_key', 'judge_expert_id'])
    .unique()
    .execute();

  await stamps(
    db.schema
      .createTable('competition_disputes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('skill_id', 'text', skill)
      .addColumn('entry_id', 'text', (c) => c.references('competition_entries.id').onDelete('set null'))
      .addColumn('form_id', 'text', (c) => c.references('marking_forms.id').onDelete('set null'))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('open','upheld','rejected','withdrawn')`),
      )
      .addColumn('raised_by', 'text', (c) => c.notNull())
      .addColumn('raised_at', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text'),
  ).execute();
  await db.schema
    .createIndex('competition_disputes_skill_idx')
    .on('competition_disputes')
    .columns(['skill_id', 'status'])
    .execute();

  await db.schema
    .createTable('competition_dispute_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('dispute_id', 'text', (c) =>
      c.notNull().references('competition_disputes.id').onDelete('cascade'),
    )
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();

  // The results of a skill as signed off (the snapshot the embargo protects and publication shows).
  await db.schema
    .createTable('competition_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('competition_id', 'text', competition)
    .addColumn('skill_id', 'text', skill)
    .addColumn('entry_id', 'text', (c) =>
      c.notNull().references('competition_entries.id').onDelete('cascade'),
    )
    .addColumn('member_id', 'text', (c) => c.notNull())
    // Exact raw total as a fraction "p/q" and rounded to 2 decimals for display.
    .addColumn('raw_total_exact', 'text', (c) => c.notNull())
    .addColumn('raw_total', 'text', (c) => c.notNull())
    .addColumn('scale_unrounded', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('medal', 'text', (c) =>
      c.notNull().check(sql`medal in ('gold','silver','bronze','medallion','none')`),
    )
    .addColumn('calculated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('competition_results_skill_entry_uq')
    .on('competition_results')
    .columns(['skill_id', 'entry_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('competition_results_competition_idx')
    .on('competition_results')
    .column('competition_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'competition_results',
    'competition_dispute_evidence',
    'competition_disputes',
    'judgement_scores',
    'measurement_marks',
    'marking_forms',
    'marking_team_members',
    'marking_schemes',
    'competition_workshops',
    'competition_days',
    'competition_experts',
    'competition_competitors',
    'competition_entries',
    'competition_member_registrars',
    'competition_members',
    'competition_skills',
    'competitions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
