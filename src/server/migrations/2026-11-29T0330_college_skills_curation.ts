import type { Kysely } from 'kysely';

// Frozen: never edit after release. Portable subset only.
// Curation of the college's skills and of the shipped taxonomy (issue 6): college skills get a
// category, archiving, a version (edits are compare-and-set) and who confirmed their ESCO URI;
// talent_taxonomy_overrides keeps, per college, its own translations of ISCO-08 titles and starter
// entries, and its confirmation (or replacement) of a starter entry's ESCO URI.
export async function up(db: Kysely<any>): Promise<void> {
  const add = (column: string, type: 'text' | 'integer', build?: (c: any) => any) =>
    db.schema
      .alterTable('college_skills')
      .addColumn(column, type, build ?? ((c) => c))
      .execute();
  await add('category', 'text', (c) => c.notNull().defaultTo(''));
  // Archived skills stay valid on existing profiles and postings but are no longer offered.
  await add('archived_at', 'text');
  await add('version', 'integer', (c) => c.notNull().defaultTo(1));
  await add('created_by', 'text');
  await add('updated_by', 'text');
  // Set together when a coordinator confirms esco_uri (checked in the ESCO portal); cleared when
  // the URI changes.
  await add('esco_confirmed_at', 'text');
  await add('esco_confirmed_by', 'text');
  await add('esco_note', 'text', (c) => c.notNull().defaultTo(''));

  await db.schema
    .createTable('talent_taxonomy_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    // 'isco:<code>' for an ISCO-08 group, else the key of a starter entry (ESCO URI or college:<code>).
    .addColumn('item_key', 'text', (c) => c.notNull())
    // { "zh-CN": "…", "fr": "…" }: the college's own wording, shown before the shipped one.
    .addColumn('labels_json', 'text', (c) => c.notNull().defaultTo('{}'))
    // The ESCO URI the college confirmed for a starter entry (the shipped one, or its replacement).
    .addColumn('esco_uri', 'text')
    .addColumn('esco_confirmed_at', 'text')
    .addColumn('esco_confirmed_by', 'text')
    .addColumn('esco_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('talent_taxonomy_overrides_org_item_uq', ['organization_id', 'item_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('talent_taxonomy_overrides').execute();
  for (const column of [
    'esco_note',
    'esco_confirmed_by',
    'esco_confirmed_at',
    'updated_by',
    'created_by',
    'version',
    'archived_at',
    'category',
  ]) {
    await db.schema.alterTable('college_skills').dropColumn(column).execute();
  }
}
