import type { Kysely } from 'kysely';
import type { ServiceContext } from '../context.js';
import { versionConflict } from '../errors.js';
import type { Executor } from './executor.js';

/** Tables whose rows are edited by people and so carry a version and who changed them last. */
export type VersionedTable =
  | 'partners'
  | 'agreements'
  | 'projects'
  | 'trainingBases'
  | 'trainingProgrammes'
  | 'trainingCohorts'
  | 'trainingSessions'
  | 'trainingParticipants'
  | 'trainingEnrolments'
  | 'mobilities'
  | 'resources'
  | 'glossaries'
  | 'glossaryTerms'
  | 'competitions'
  | 'competitionSkills'
  | 'competitionMembers'
  | 'competitionEntries'
  | 'competitionCompetitors'
  | 'competitionExperts'
  | 'competitionWorkshops'
  | 'markingSchemes'
  | 'markingForms'
  | 'competitionDisputes'
  | 'projectResults'
  | 'resultIndicators'
  | 'indicatorPeriods'
  | 'surveys'
  | 'talentProfiles'
  | 'collegeSkills'
  | 'talentTaxonomyOverrides';

/**
 * Compare-and-set on `version` inside the actor's organization: of two concurrent edits that
 * read the same version, the second finds no row to update and gets 409, never a silent
 * overwrite. Also stamps `updatedAt`/`updatedBy`.
 * @throws AppError VERSION_CONFLICT
 */
export async function updateVersioned(
  ctx: ServiceContext,
  trx: Executor,
  table: VersionedTable,
  id: string,
  version: number,
  set: Record<string, unknown>,
): Promise<void> {
  // Both tables share these columns; Kysely cannot type a union of table names for `set`.
  const db = trx as unknown as Kysely<Record<VersionedTable, Record<string, unknown>>>;
  const r = await db
    .updateTable(table)
    .set({
      ...set,
      updatedAt: ctx.deps.clock.now().toISOString(),
      updatedBy: ctx.actor.userId,
      version: version + 1,
    })
    .where('id', '=', id)
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) {
    throw versionConflict(version + 1);
  }
}
