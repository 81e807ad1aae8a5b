import type { TeamRole } from '../../../contracts/competitions.js';
import type { Executor } from '../../platform/db/executor.js';
import type { MarkingSchemeRow } from '../competitions/competitions.tables.js';

// Kysely only. Every query filters on the organization (another college's row is not found).

export async function listSchemes(db: Executor, org: string, skillId: string): Promise<MarkingSchemeRow[]> {
  return db
    .selectFrom('markingSchemes')
    .selectAll()
    .where('organizationId', '=', org)
    .where('skillId', '=', skillId)
    .orderBy('versionNo', 'desc')
    .execute();
}

export async function nextVersionNo(db: Executor, org: string, skillId: string): Promise<number> {
  const r = await db
    .selectFrom('markingSchemes')
    .select((eb) => eb.fn.max('versionNo').as('maxNo'))
    .where('organizationId', '=', org)
    .where('skillId', '=', skillId)
    .executeTakeFirst();
  return Number(r?.maxNo ?? 0) + 1;
}

/** Scheme ids (of the given ones) whose forms carry a measurement mark or a judge's score. */
export async function schemesWithMarks(db: Executor, org: string, schemeIds: string[]): Promise<Set<string>> {
  if (schemeIds.length === 0) {
    return new Set();
  }
  const measured = await db
    .selectFrom('measurementMarks as m')
    .innerJoin('markingForms as f', 'f.id', 'm.formId')
    .select('f.schemeId')
    .distinct()
    .where('f.organizationId', '=', org)
    .where('m.organizationId', '=', org)
    .where('f.schemeId', 'in', schemeIds)
    .execute();
  const judged = await db
    .selectFrom('judgementScores as j')
    .innerJoin('markingForms as f', 'f.id', 'j.formId')
    .select('f.schemeId')
    .distinct()
    .where('f.organizationId', '=', org)
    .where('j.organizationId', '=', org)
    .where('f.schemeId', 'in', schemeIds)
    .execute();
  const started = await db
    .selectFrom('markingForms')
    .select('schemeId')
    .distinct()
    .where('organizationId', '=', org)
    .where('schemeId', 'in', schemeIds)
    .where('state', '!=', 'not_started')
    .execute();
  return new Set([...measured, ...judged, ...started].map((r) => r.schemeId));
}

export async function countForms(db: Executor, org: string, schemeId: string): Promise<number> {
  const r = await db
    .selectFrom('markingForms')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organizationId', '=', org)
    .where('schemeId', '=', schemeId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Removes the (still unmarked) forms of a version, before it is unlocked or superseded. */
export async function deleteForms(db: Executor, org: string, schemeId: string): Promise<void> {
  await db
    .deleteFrom('markingForms')
    .where('organizationId', '=', org)
    .where('schemeId', '=', schemeId)
    .execute();
}

/** Entries that are marked: registered or confirmed (withdrawn and excluded ones get no forms). */
export async function markedEntries(db: Executor, org: string, skillId: string) {
  return db
    .selectFrom('competitionEntries as e')
    .innerJoin('competitionMembers as m', 'm.id', 'e.memberId')
    .select(['e.id', 'e.displayName', 'e.bench', 'e.status', 'e.memberId', 'm.code as memberCode'])
    .where('e.organizationId', '=', org)
    .where('e.skillId', '=', skillId)
    .where('e.status', 'in', ['registered', 'confirmed'])
    .orderBy('e.bench')
    .orderBy('e.displayName')
    .orderBy('e.id')
    .execute();
}

const FORM_BATCH = 1000;

/** Inserts the forms in as few statements as the drivers' parameter limits allow. */
export async function insertForms(
  db: Executor,
  rows: {
    id: string;
    organizationId: string;
    skillId: string;
    schemeId: string;
    subCriterionKey: string;
    entryId: string;
    createdAt: string;
    createdBy: string;
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += FORM_BATCH) {
    const batch = rows.slice(i, i + FORM_BATCH).map((r) => ({
      ...r,
      state: 'not_started' as const,
      updatedAt: r.createdAt,
      updatedBy: r.createdBy,
      version: 1,
    }));
    await db.insertInto('markingForms').values(batch).execute();
  }
}

/** The skill's experts who are not withdrawn, with their member's code and names. */
export async function skillExperts(db: Executor, org: string, skillId: string) {
  return db
    .selectFrom('competitionExperts as x')
    .leftJoin('competitionMembers as m', 'm.id', 'x.memberId')
    .select([
      'x.id',
      'x.firstName',
      'x.lastName',
      'x.role',
      'x.memberId',
      'x.userId',
      'm.code as memberCode',
      'm.namesJson as memberNamesJson',
    ])
    .where('x.organizationId', '=', org)
    .where('x.skillId', '=', skillId)
    .where('x.status', '!=', 'withdrawn')
    .orderBy('x.lastName')
    .orderBy('x.firstName')
    .orderBy('x.id')
    .execute();
}

export interface TeamMemberRow {
  subCriterionKey: string;
  expertId: string;
  teamRole: TeamRole;
}

export async function teamMembers(db: Executor, org: string, schemeId: string): Promise<TeamMemberRow[]> {
  return db
    .selectFrom('markingTeamMembers')
    .select(['subCriterionKey', 'expertId', 'teamRole'])
    .where('organizationId', '=', org)
    .where('schemeId', '=', schemeId)
    .orderBy('subCriterionKey')
    .orderBy('expertId')
    .execute();
}

export async function replaceTeam(
  db: Executor,
  target: { org: string; skillId: string; schemeId: string; subCriterionKey: string },
  members: { id: string; expertId: string; teamRole: TeamRole }[],
  stamp: { at: string; by: string },
): Promise<void> {
  await db
    .deleteFrom('markingTeamMembers')
    .where('organizationId', '=', target.org)
    .where('schemeId', '=', target.schemeId)
    .where('subCriterionKey', '=', target.subCriterionKey)
    .execute();
  if (members.length === 0) {
    return;
  }
  await db
    .insertInto('markingTeamMembers')
    .values(
      members.map((m) => ({
        id: m.id,
        organizationId: target.org,
        skillId: target.skillId,
        schemeId: target.schemeId,
        subCriterionKey: target.subCriterionKey,
        expertId: m.expertId,
        teamRole: m.teamRole,
        createdAt: stamp.at,
        createdBy: stamp.by,
      })),
    )
    .execute();
}

/** Copies the teams of one version to another, for the sub-criteria the new one still has. */
export async function copyTeams(
  db: Executor,
  org: string,
  from: string,
  to: { skillId: string; schemeId: string; subCriterionKeys: ReadonlySet<string> },
  stamp: { at: string; by: string },
  newId: () => string,
): Promise<void> {
  const rows = (await teamMembers(db, org, from)).filter((r) => to.subCriterionKeys.has(r.subCriterionKey));
  if (rows.length === 0) {
    return;
  }
  await db
    .insertInto('markingTeamMembers')
    .values(
      rows.map((r) => ({
        id: newId(),
        organizationId: org,
        skillId: to.skillId,
        schemeId: to.schemeId,
        subCriterionKey: r.subCriterionKey,
        expertId: r.expertId,
        teamRole: r.teamRole,
        createdAt: stamp.at,
        createdBy: stamp.by,
      })),
    )
    .execute();
}

/** Team rows whose sub-criterion the (edited) draft no longer has. */
export async function deleteTeamsOutside(
  db: Executor,
  org: string,
  schemeId: string,
  keep: string[],
): Promise<void> {
  let q = db
    .deleteFrom('markingTeamMembers')
    .where('organizationId', '=', org)
    .where('schemeId', '=', schemeId);
  if (keep.length > 0) {
    q = q.where('subCriterionKey', 'not in', keep);
  }
  await q.execute();
}
