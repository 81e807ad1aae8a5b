import type { Kysely } from 'kysely';

// Frozen. The portfolio dashboard counts distinct participants (per country, gender and cohort
// year) over every enrolment of a college; at bench scale (200,000 people, 240,000 enrolments,
// docs/benchmarks.md) that query took ~2.5–3 s on SQLite and ~1.9 s on PostgreSQL. It now reads
// the enrolments through two covering indexes, never the table rows. Medians of the new query on
// the busy 2-core bench machine (SQLite, college without filters / with country=KE):
//
// - training_enrolments_org_participant_status_idx (organization_id, participant_id, status,
//   cohort_id): the people statement reads a college's enrolments in person order, so its
//   GROUP BY person needs no sort and each person's country and gender are looked up in order;
//   with a country filter, each of that country's people is one probe. Without it: 1,060 ms
//   instead of 670–830 ms, and 365 ms instead of 210–225 ms with country=KE.
// - training_enrolments_org_cohort_status_idx (organization_id, cohort_id, status,
//   participant_id): the years statement reads the enrolments cohort by cohort (one probe per
//   counted cohort), so consecutive enrolments share their cohort row. Without it: 1,140 ms
//   instead of 670–830 ms.
//
// Without either: 2,400 ms. PostgreSQL uses the first for the country filter (index-only probes
// per person) and hashes the rest; the rewritten queries take 0.84 s there instead of 1.9 s.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('training_enrolments_org_participant_status_idx')
    .on('training_enrolments')
    .columns(['organization_id', 'participant_id', 'status', 'cohort_id'])
    .execute();
  await db.schema
    .createIndex('training_enrolments_org_cohort_status_idx')
    .on('training_enrolments')
    .columns(['organization_id', 'cohort_id', 'status', 'participant_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('training_enrolments_org_cohort_status_idx').execute();
  await db.schema.dropIndex('training_enrolments_org_participant_status_idx').execute();
}
