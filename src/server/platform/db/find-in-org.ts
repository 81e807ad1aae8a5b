import type { Kysely, Selectable } from 'kysely';
import type { Database } from './database.js';
import type { Executor } from './executor.js';

/** Tables whose rows have an id and belong to one organization. */
export type OrgTable = {
  [K in keyof Database]: Database[K] extends { id: string; organizationId: string } ? K : never;
}[keyof Database];

/**
 * One row by id inside the organization; another college's row is not found (undefined: the
 * caller answers 404). The tenant-filtered get-by-id that most repositories need, written once so
 * that the organization filter is never left out of it.
 */
export function findInOrg<T extends OrgTable>(
  db: Executor,
  table: T,
  organizationId: string,
  id: string,
): Promise<Selectable<Database[T]> | undefined> {
  // Every OrgTable has these two columns; Kysely cannot type a query over a generic table name.
  const scoped = db as unknown as Kysely<Record<OrgTable, { id: string; organizationId: string }>>;
  return scoped
    .selectFrom(table as OrgTable)
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<Selectable<Database[T]> | undefined>;
}
