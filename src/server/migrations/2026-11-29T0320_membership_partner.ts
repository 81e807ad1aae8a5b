import type { Kysely } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// Enterprises are organisations (issue 6): the college records an enterprise (or a partner college
// abroad) as a partner, and each of its users' memberships points at that partner, so that the
// recruiters of one enterprise share their postings and shortlists. A talent profile may belong to
// a participant's account, which then manages consent and introductions signed in.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('memberships')
    .addColumn('partner_id', 'text', (c) => c.references('partners.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('memberships_partner_idx').on('memberships').column('partner_id').execute();
  await db.schema
    .alterTable('talent_profiles')
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  // One profile per account in a college (NULLs do not collide on either database).
  await db.schema
    .createIndex('talent_profiles_org_user_uq')
    .on('talent_profiles')
    .columns(['organization_id', 'user_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('demand_postings_org_partner_idx')
    .on('demand_postings')
    .columns(['organization_id', 'partner_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('demand_postings_org_partner_idx').execute();
  await db.schema.dropIndex('talent_profiles_org_user_uq').execute();
  await db.schema.alterTable('talent_profiles').dropColumn('user_id').execute();
  await db.schema.dropIndex('memberships_partner_idx').execute();
  await db.schema.alterTable('memberships').dropColumn('partner_id').execute();
}
