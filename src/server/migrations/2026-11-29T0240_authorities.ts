import { type Kysely, sql } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// Provincial observers (issue 5, "Observer view at provincial level"): an organization is a
// college (every tenant so far, the default) or an authority, such as a provincial department of
// human resources that follows every college on the platform. An `observer` membership in an
// authority sees the portfolio figures of all colleges as counts, never their rows; in a college it
// sees that college only. The kind is set by the platform operator (seed, CLI), not by a college.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('kind', 'text', (c) =>
      c.notNull().defaultTo('college').check(sql`kind in ('college','authority')`),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organizations').dropColumn('kind').execute();
}
