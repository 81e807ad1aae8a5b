import type { MarkingScheme } from '../../../domain/competitions/marking-scheme.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import type { MarkingSchemeRow } from './competitions.tables.js';

// The marking_schemes table is read by three modules: marking-schemes (which writes it), marking and
// competition-results. They share these reads so that all three agree on which version is "the one
// marking runs on" and on how a stored scheme document is parsed. Every query filters on the
// organization (another college's scheme is not found).

export function emptyScheme(): MarkingScheme {
  return { sections: [], criteria: [], subCriteria: [], aspects: [] };
}

/** The scheme document of a stored version (an empty scheme when the column is empty). */
export function parseScheme(row: Pick<MarkingSchemeRow, 'schemeJson'>): MarkingScheme {
  return parseJson<MarkingScheme>(row.schemeJson, emptyScheme());
}

/** One scheme version by id; with `skillId`, only when it belongs to that skill. */
export async function findScheme(
  db: Executor,
  organizationId: string,
  schemeId: string,
  skillId?: string,
): Promise<MarkingSchemeRow | undefined> {
  let q = db
    .selectFrom('markingSchemes')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', schemeId);
  if (skillId !== undefined) {
    q = q.where('skillId', '=', skillId);
  }
  return q.executeTakeFirst();
}

/** The skill's locked scheme (the one marking runs on), newest version first; undefined before lock. */
export async function findLockedScheme(
  db: Executor,
  organizationId: string,
  skillId: string,
): Promise<MarkingSchemeRow | undefined> {
  return db
    .selectFrom('markingSchemes')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('skillId', '=', skillId)
    .where('status', '=', 'locked')
    .orderBy('versionNo', 'desc')
    .executeTakeFirst();
}
