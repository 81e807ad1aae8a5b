import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Portable subset only.
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');

  // One signing key pair per organization is active; retired keys stay published for verification.
  await db.schema
    .createTable('issuer_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('algorithm', 'text', (c) => c.notNull().check(sql`algorithm in ('RS256', 'ES256')`))
    .addColumn('public_jwk_json', 'text', (c) => c.notNull())
    // base64url(iv ‖ tag ‖ AES-256-GCM(PKCS#8 PEM)), additional data = id + organization id
    .addColumn('private_key_enc', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'retired')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema
    .createIndex('issuer_keys_one_active_idx')
    .on('issuer_keys')
    .column('organization_id')
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();

  // The next number per organization and year (PRTC-2026-000123).
  await db.schema
    .createTable('certificate_sequences')
    .addColumn('organization_id', 'text', org)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('certificate_sequences_pk', ['organization_id', 'year'])
    .execute();

  await db.schema
    .createTable('certificate_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('training_cohorts.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'done', 'failed')`))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('certificate_batches_org_idx')
    .on('certificate_batches')
    .columns(['organization_id', 'cohort_id'])
    .execute();

  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    // Random, unguessable id of the public verification page.
    .addColumn('public_id', 'text', (c) => c.notNull().unique())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('enrolment_id', 'text', (c) => c.references('training_enrolments.id').onDelete('set null'))
    .addColumn('cohort_id', 'text', (c) => c.references('training_cohorts.id').onDelete('set null'))
    .addColumn('batch_id', 'text', (c) => c.references('certificate_batches.id').onDelete('set null'))
    // Snapshots: the certificate says what was true when it was issued.
    .addColumn('recipient_name_native', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recipient_name_latin', 'text', (c) => c.notNull())
    .addColumn('recipient_email_hash', 'text')
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('en', 'zh-CN', 'fr', 'ar')`))
    .addColumn('programme_title_json', 'text', (c) => c.notNull())
    .addColumn('cohort_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('hours', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('issuer_name', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('valid', 'revoked')`))
    .addColumn('revoked_reason', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('credential_id', 'text', (c) => c.notNull().unique())
    .addColumn('credential_json', 'text', (c) => c.notNull())
    .addColumn('credential_jwt', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull().references('issuer_keys.id'))
    .addColumn('pdf_storage_key', 'text', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('certificates_org_number_idx')
    .on('certificates')
    .columns(['organization_id', 'number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('certificates_org_issued_idx')
    .on('certificates')
    .columns(['organization_id', 'issued_at'])
    .execute();
  await db.schema
    .createIndex('certificates_cohort_idx')
    .on('certificates')
    .columns(['organization_id', 'cohort_id'])
    .execute();
  // At most one certificate in force per enrolment: re-running a bulk issue adds none.
  await db.schema
    .createIndex('certificates_one_valid_per_enrolment_idx')
    .on('certificates')
    .column('enrolment_id')
    .unique()
    .where(sql.ref('status'), '=', 'valid')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['certificates', 'certificate_batches', 'certificate_sequences', 'issuer_keys']) {
    await db.schema.dropTable(table).execute();
  }
}
