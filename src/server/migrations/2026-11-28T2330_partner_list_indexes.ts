import type { Kysely } from 'kysely';

// Frozen. The partner list counts every matching row for its total: with the organization,
// the archive flag and the sort key in one index, the count and the default page are read from
// the index alone (count over 10,000 partners: 3.2 ms → 0.4 ms on SQLite; docs/benchmarks.md).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('partners_org_archived_name_idx')
    .on('partners')
    .columns(['organization_id', 'archived_at', 'name_sort'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('partners_org_archived_name_idx').execute();
}
