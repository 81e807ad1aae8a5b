import type { Executor } from '../../platform/db/executor.js';

const PROJECT_COLUMNS = [
  'id',
  'code',
  'titleJson',
  'status',
  'parentId',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'archivedAt',
] as const;

export type ProjectRow = NonNullable<Awaited<ReturnType<typeof getProject>>>;

export function getProject(db: Executor, organizationId: string, id: string) {
  return db
    .selectFrom('projects')
    .select(PROJECT_COLUMNS)
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The sub-projects of a project at every depth, breadth first, each with its depth (1 for a
 * direct child). Archived sub-projects are left out; a parent cycle cannot occur (projects refuse
 * it), and each project is visited once anyway.
 */
export async function descendantsOf(db: Executor, organizationId: string, rootId: string) {
  const out: Array<ProjectRow & { depth: number }> = [];
  const seen = new Set([rootId]);
  let frontier = [rootId];
  let depth = 0;
  while (frontier.length > 0) {
    depth++;
    const children = await db
      .selectFrom('projects')
      .select(PROJECT_COLUMNS)
      .where('organizationId', '=', organizationId)
      .where('parentId', 'in', frontier)
      .where('archivedAt', 'is', null)
      .orderBy('code')
      .execute();
    frontier = [];
    for (const c of children) {
      if (!seen.has(c.id)) {
        seen.add(c.id);
        out.push({ ...c, depth });
        frontier.push(c.id);
      }
    }
  }
  return out;
}

export async function hasChildren(db: Executor, organizationId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('projects')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('parentId', '=', id)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The organization's projects that are not archived, by code (the year filter is the domain's). */
export function activeProjects(db: Executor, organizationId: string) {
  return db
    .selectFrom('projects')
    .select(PROJECT_COLUMNS)
    .where('organizationId', '=', organizationId)
    .where('archivedAt', 'is', null)
    .orderBy('code')
    .execute();
}

/** Enrolment statuses that count a person as a participant of a project. */
const PARTICIPATING = ['confirmed', 'attending', 'completed'] as const;

/** Distinct people enrolled in the cohorts of some projects, and those who completed. */
export async function participantCounts(
  db: Executor,
  organizationId: string,
  projectIds: readonly string[],
): Promise<{ participants: number; completed: number }> {
  if (projectIds.length === 0) {
    return { participants: 0, completed: 0 };
  }
  const rows = await db
    .selectFrom('trainingEnrolments as e')
    .innerJoin('trainingCohorts as c', 'c.id', 'e.cohortId')
    .innerJoin('trainingProgrammes as pr', 'pr.id', 'c.programmeId')
    .select(['e.participantId', 'e.status'])
    .where('e.organizationId', '=', organizationId)
    .where('c.organizationId', '=', organizationId)
    .where('pr.organizationId', '=', organizationId)
    .where('pr.projectId', 'in', [...projectIds])
    .where('e.status', 'in', [...PARTICIPATING])
    .execute();
  const people = new Set(rows.map((r) => r.participantId));
  const completed = new Set(rows.filter((r) => r.status === 'completed').map((r) => r.participantId));
  return { participants: people.size, completed: completed.size };
}

/** The ids of the surveys of some projects, oldest first. */
export function surveyIdsOf(db: Executor, organizationId: string, projectIds: readonly string[]) {
  if (projectIds.length === 0) {
    return Promise.resolve([] as { id: string; projectId: string | null }[]);
  }
  return db
    .selectFrom('surveys')
    .select(['id', 'projectId'])
    .where('organizationId', '=', organizationId)
    .where('projectId', 'in', [...projectIds])
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export function organizationOf(db: Executor, organizationId: string) {
  return db
    .selectFrom('organizations')
    .select(['name', 'shortName', 'timeZone'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
}
