import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// The results framework (logframe) of a project, shaped on IATI 2.03 `result`
// (cooperation-and-evaluation.md §2.2, §3.2 rows 19–19c): results → indicators → periods with
// target and actual, and evidence files per period. Only raw values are stored; progress and
// status are computed on read. Values are IEEE doubles (`double precision`: REAL on SQLite,
// float8 on PostgreSQL). Every row carries `organization_id` and `project_id` so that every
// query filters on the tenant and the project in SQL.
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');
  const project = (c: any) => c.notNull().references('projects.id').onDelete('cascade');
  const stamps = (t: any) =>
    t
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('updated_by', 'text')
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1));

  await stamps(
    db.schema
      .createTable('project_results')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('project_id', 'text', project)
      .addColumn('result_type', 'text', (c) =>
        c.notNull().check(sql`result_type in ('output','outcome','impact','other')`),
      )
      .addColumn('title_json', 'text', (c) => c.notNull())
      .addColumn('description_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('assumptions_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('risks_json', 'text', (c) => c.notNull().defaultTo('{}'))
      // IATI result/@aggregation-status: whether the data suit aggregation across activities.
      .addColumn('aggregation_status', 'integer', (c) =>
        c.notNull().defaultTo(0).check(sql`aggregation_status in (0,1)`),
      )
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema
    .createIndex('project_results_project_idx')
    .on('project_results')
    .columns(['organization_id', 'project_id', 'sort_order'])
    .execute();

  await stamps(
    db.schema
      .createTable('result_indicators')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('project_id', 'text', project)
      .addColumn('result_id', 'text', (c) => c.notNull().references('project_results.id').onDelete('cascade'))
      .addColumn('code', 'text')
      .addColumn('measure', 'text', (c) =>
        c.notNull().check(sql`measure in ('unit','percentage','nominal','ordinal','qualitative')`),
      )
      .addColumn('ascending', 'integer', (c) => c.notNull().defaultTo(1).check(sql`ascending in (0,1)`))
      .addColumn('aggregation', 'text', (c) =>
        c.notNull().defaultTo('level').check(sql`aggregation in ('level','sum')`),
      )
      .addColumn('title_json', 'text', (c) => c.notNull())
      .addColumn('description_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('definition_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('means_of_verification_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('unit_label_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('baseline_year', 'integer')
      .addColumn('baseline_iso_date', 'text')
      .addColumn('baseline_value', 'double precision')
      .addColumn('baseline_comment_json', 'text', (c) => c.notNull().defaultTo('{}'))
      // [{ "name": "sex", "values": ["female","male"] }, …]
      .addColumn('disaggregations_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('template_key', 'text')
      .addColumn('source_key', 'text', (c) =>
        c.check(
          sql`source_key is null or source_key in ('training.completed_participants','certificates.issued','mobilities.completed','competitions.medals','talent.placements')`,
        ),
      )
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema
    .createIndex('result_indicators_result_idx')
    .on('result_indicators')
    .columns(['organization_id', 'result_id', 'sort_order'])
    .execute();
  await db.schema
    .createIndex('result_indicators_project_idx')
    .on('result_indicators')
    .columns(['organization_id', 'project_id'])
    .execute();

  await stamps(
    db.schema
      .createTable('indicator_periods')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('project_id', 'text', project)
      .addColumn('indicator_id', 'text', (c) =>
        c.notNull().references('result_indicators.id').onDelete('cascade'),
      )
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text', (c) => c.notNull())
      .addColumn('target_value', 'double precision')
      .addColumn('target_comment_json', 'text', (c) => c.notNull().defaultTo('{}'))
      // [{ "dimensions": [{ "name": "sex", "value": "female" }], "value": 12 }, …]
      .addColumn('target_breakdown_json', 'text', (c) => c.notNull().defaultTo('[]'))
      // 0: no actual reported yet (IATI: no <actual>); 1: an actual, possibly without a value.
      .addColumn('has_actual', 'integer', (c) => c.notNull().defaultTo(0).check(sql`has_actual in (0,1)`))
      .addColumn('actual_value', 'double precision')
      .addColumn('actual_comment_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('actual_breakdown_json', 'text', (c) => c.notNull().defaultTo('[]'))
      // Set when the actual was copied from the platform's own figure; cleared by a manual edit.
      .addColumn('actual_source_key', 'text')
      .addColumn('actual_copied_at', 'text'),
  ).execute();
  await db.schema
    .createIndex('indicator_periods_indicator_idx')
    .on('indicator_periods')
    .columns(['organization_id', 'indicator_id', 'period_start'])
    .execute();

  await db.schema
    .createTable('indicator_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('project_id', 'text', project)
    .addColumn('period_id', 'text', (c) => c.notNull().references('indicator_periods.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
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
    .createIndex('indicator_evidence_period_idx')
    .on('indicator_evidence')
    .columns(['organization_id', 'period_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['indicator_evidence', 'indicator_periods', 'result_indicators', 'project_results']) {
    await db.schema.dropTable(table).execute();
  }
}
