import { sql } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { ShowcaseRow } from './showcase.tables.js';

// Kysely only. Every query filters on the organization in SQL. The public reads select named
// columns (never `selectAll` on a table with personal or internal data), so nothing the showcase
// does not show can leave the database through them.

// ---------------------------------------------------------------------------------------------
// Settings

export function getShowcaseOfOrganization(db: Executor, organizationId: string) {
  return db
    .selectFrom('showcases')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .executeTakeFirst();
}

/** The enabled showcase at a slug, with the organization columns the page shows. */
export function getEnabledShowcaseBySlug(db: Executor, slug: string) {
  return db
    .selectFrom('showcases as s')
    .innerJoin('organizations as o', 'o.id', 's.organizationId')
    .selectAll('s')
    .select(['o.name as organizationName', 'o.shortName', 'o.country', 'o.timeZone'])
    .where('s.slug', '=', slug)
    .where('s.enabled', '=', 1)
    .executeTakeFirst();
}
export type EnabledShowcase = NonNullable<Awaited<ReturnType<typeof getEnabledShowcaseBySlug>>>;

/** Every enabled showcase's slug (robots.txt lists their sitemaps). */
export function enabledSlugs(db: Executor) {
  return db
    .selectFrom('showcases')
    .select(['slug', 'updatedAt'])
    .where('enabled', '=', 1)
    .orderBy('slug')
    .execute();
}

export async function slugTakenByAnother(db: Executor, slug: string, organizationId: string) {
  const row = await db
    .selectFrom('showcases')
    .select('id')
    .where('slug', '=', slug)
    .where('organizationId', '<>', organizationId)
    .executeTakeFirst();
  return row !== undefined;
}

export function organizationName(db: Executor, organizationId: string) {
  return db
    .selectFrom('organizations')
    .select(['name', 'shortName'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
}

export type ShowcaseColumns = Pick<
  ShowcaseRow,
  'enabled' | 'slug' | 'namesJson' | 'introJson' | 'sectionsJson' | 'figuresJson' | 'contactEmail'
>;

/** Compare-and-set inside the organization; false when the version is stale. */
export async function updateShowcase(
  db: Executor,
  organizationId: string,
  version: number,
  set: ShowcaseColumns & { updatedAt: string; updatedBy: string },
): Promise<boolean> {
  const r = await db
    .updateTable('showcases')
    .set({ ...set, version: version + 1 })
    .where('organizationId', '=', organizationId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------------------------------------
// What the college may mark public (settings page)

export function projectsForShowcase(db: Executor, organizationId: string) {
  return db
    .selectFrom('projects')
    .select(['id', 'code', 'titleJson', 'status', 'showPublicly', 'version'])
    .where('organizationId', '=', organizationId)
    .where('archivedAt', 'is', null)
    .orderBy('code')
    .execute();
}

export function resourcesForShowcase(db: Executor, organizationId: string) {
  return db
    .selectFrom('resources')
    .select(['id', 'kind', 'titleJson', 'showPublicly', 'version'])
    .where('organizationId', '=', organizationId)
    .orderBy('titleSort')
    .orderBy('id')
    .execute();
}

export async function publicCounts(db: Executor, organizationId: string) {
  const [projects, resources] = await Promise.all([
    countPublicProjects(db, organizationId),
    db
      .selectFrom('resources')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organizationId', '=', organizationId)
      .where('showPublicly', '=', 1)
      .executeTakeFirstOrThrow(),
  ]);
  return { publicProjects: projects, publicResources: Number(resources.n) };
}

// ---------------------------------------------------------------------------------------------
// Public reads

/** The public projects of the organization: shown publicly and not archived. */
function publicProjectIds(db: Executor, organizationId: string) {
  return db
    .selectFrom('projects as p')
    .select('p.id')
    .where('p.organizationId', '=', organizationId)
    .where('p.showPublicly', '=', 1)
    .where('p.archivedAt', 'is', null);
}

const PUBLIC_PROJECT_COLUMNS = [
  'id',
  'code',
  'titleJson',
  'type',
  'status',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
] as const;

export function publicProjects(db: Executor, organizationId: string) {
  return db
    .selectFrom('projects')
    .select([...PUBLIC_PROJECT_COLUMNS])
    .where('organizationId', '=', organizationId)
    .where('showPublicly', '=', 1)
    .where('archivedAt', 'is', null)
    .orderBy('titleSort')
    .orderBy('code')
    .execute();
}
export type PublicProjectRow = Awaited<ReturnType<typeof publicProjects>>[number];

export function publicProjectByCode(db: Executor, organizationId: string, code: string) {
  return db
    .selectFrom('projects')
    .select([...PUBLIC_PROJECT_COLUMNS, 'descriptionJson'])
    .where('organizationId', '=', organizationId)
    .where('code', '=', code)
    .where('showPublicly', '=', 1)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
}

export async function countriesOf(db: Executor, organizationId: string, projectIds: readonly string[]) {
  if (projectIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('projectCountries')
    .select(['projectId', 'country'])
    .where('organizationId', '=', organizationId)
    .where('projectId', 'in', [...projectIds])
    .orderBy('percentageHundredths', 'desc')
    .orderBy('country')
    .execute();
}

export function sectorsOf(db: Executor, organizationId: string, projectId: string) {
  return db
    .selectFrom('projectSectors')
    .select(['code'])
    .where('organizationId', '=', organizationId)
    .where('projectId', '=', projectId)
    .orderBy('percentageHundredths', 'desc')
    .orderBy('code')
    .execute();
}

const PUBLIC_PARTNER_COLUMNS = ['pt.id', 'pt.namesJson', 'pt.country', 'pt.city', 'pt.type'] as const;

/** Partners taking part in the public projects (not archived): name, country, city and type only. */
export function partnersOfPublicProjects(db: Executor, organizationId: string) {
  return db
    .selectFrom('partners as pt')
    .select([...PUBLIC_PARTNER_COLUMNS])
    .where('pt.organizationId', '=', organizationId)
    .where('pt.archivedAt', 'is', null)
    .where('pt.id', 'in', (eb) =>
      eb
        .selectFrom('projectParticipants as pp')
        .select('pp.partnerId')
        .where('pp.organizationId', '=', organizationId)
        .where('pp.partnerId', 'is not', null)
        .where('pp.projectId', 'in', publicProjectIds(db, organizationId)),
    )
    .orderBy('pt.nameSort')
    .orderBy('pt.id')
    .execute();
}

/** The partners of one (public) project with their IATI role. */
export function partnersOfProject(db: Executor, organizationId: string, projectId: string) {
  return db
    .selectFrom('projectParticipants as pp')
    .innerJoin('partners as pt', 'pt.id', 'pp.partnerId')
    .select([...PUBLIC_PARTNER_COLUMNS, 'pp.role'])
    .where('pp.organizationId', '=', organizationId)
    .where('pt.organizationId', '=', organizationId)
    .where('pp.projectId', '=', projectId)
    .where('pt.archivedAt', 'is', null)
    .orderBy('pp.sortOrder')
    .orderBy('pt.nameSort')
    .execute();
}

/** Competitions with at least one skill whose results are published, latest first. */
export function competitionsWithPublishedResults(db: Executor, organizationId: string) {
  return db
    .selectFrom('competitions as c')
    .innerJoin('competitionSkills as s', 's.competitionId', 'c.id')
    .select([
      'c.id',
      'c.slug',
      'c.namesJson',
      'c.startsOn',
      'c.endsOn',
      'c.city',
      'c.country',
      (eb) => eb.fn.countAll<number>().as('publishedSkills'),
    ])
    .where('c.organizationId', '=', organizationId)
    .where('s.organizationId', '=', organizationId)
    .where('s.resultsState', '=', 'published')
    .groupBy(['c.id', 'c.slug', 'c.namesJson', 'c.startsOn', 'c.endsOn', 'c.city', 'c.country'])
    .orderBy('c.endsOn', 'desc')
    .orderBy('c.id')
    .execute();
}

/** Resources shown publicly, with the label, date and file languages of their latest version. */
export async function publicResources(db: Executor, organizationId: string) {
  const resources = await db
    .selectFrom('resources')
    .select(['id', 'kind', 'titleJson', 'description', 'subject'])
    .where('organizationId', '=', organizationId)
    .where('showPublicly', '=', 1)
    .orderBy('titleSort')
    .orderBy('id')
    .execute();
  if (resources.length === 0) {
    return [];
  }
  const ids = resources.map((r) => r.id);
  const [versions, files] = await Promise.all([
    db
      .selectFrom('resourceVersions')
      .select(['id', 'resourceId', 'versionLabel', 'publishedOn', 'createdAt'])
      .where('organizationId', '=', organizationId)
      .where('resourceId', 'in', ids)
      .orderBy('createdAt')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('resourceFiles')
      .select(['versionId', 'language'])
      .where('organizationId', '=', organizationId)
      .where('resourceId', 'in', ids)
      .orderBy('language')
      .execute(),
  ]);
  const latest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) {
    latest.set(v.resourceId, v);
  }
  return resources.map((r) => {
    const v = latest.get(r.id) ?? null;
    return {
      ...r,
      latestVersion: v?.versionLabel ?? null,
      publishedOn: v?.publishedOn ?? null,
      languages: v ? files.filter((f) => f.versionId === v.id).map((f) => f.language) : [],
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Figures: counts only

const n = (row: { n: number | string | bigint } | undefined) => Number(row?.n ?? 0);

function publicCohortIds(db: Executor, organizationId: string) {
  return db
    .selectFrom('trainingCohorts as c')
    .innerJoin('trainingProgrammes as pr', 'pr.id', 'c.programmeId')
    .select('c.id')
    .where('c.organizationId', '=', organizationId)
    .where('pr.organizationId', '=', organizationId)
    .where('pr.projectId', 'in', publicProjectIds(db, organizationId));
}

export async function countPublicProjects(db: Executor, organizationId: string) {
  return n(
    await db
      .selectFrom('projects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organizationId', '=', organizationId)
      .where('showPublicly', '=', 1)
      .where('archivedAt', 'is', null)
      .executeTakeFirst(),
  );
}

export async function countPartnerCountries(db: Executor, organizationId: string) {
  return n(
    await db
      .selectFrom('partners as pt')
      .select(sql<number>`count(distinct pt.country)`.as('n'))
      .where('pt.organizationId', '=', organizationId)
      .where('pt.archivedAt', 'is', null)
      .where('pt.id', 'in', (eb) =>
        eb
          .selectFrom('projectParticipants as pp')
          .select('pp.partnerId')
          .where('pp.organizationId', '=', organizationId)
          .where('pp.partnerId', 'is not', null)
          .where('pp.projectId', 'in', publicProjectIds(db, organizationId)),
      )
      .executeTakeFirst(),
  );
}

export async function countParticipantsTrained(db: Executor, organizationId: string) {
  return n(
    await db
      .selectFrom('trainingEnrolments as e')
      .select(sql<number>`count(distinct e.participant_id)`.as('n'))
      .where('e.organizationId', '=', organizationId)
      .where('e.status', '=', 'completed')
      .where('e.cohortId', 'in', publicCohortIds(db, organizationId))
      .executeTakeFirst(),
  );
}

export async function countCertificatesIssued(db: Executor, organizationId: string) {
  return n(
    await db
      .selectFrom('certificates as cert')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cert.organizationId', '=', organizationId)
      .where('cert.status', '=', 'valid')
      .where('cert.cohortId', 'in', publicCohortIds(db, organizationId))
      .executeTakeFirst(),
  );
}

export async function countMobilities(db: Executor, organizationId: string) {
  return n(
    await db
      .selectFrom('mobilities as m')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('m.organizationId', '=', organizationId)
      .where('m.stage', 'in', ['returned', 'report_received'])
      .where('m.projectId', 'in', publicProjectIds(db, organizationId))
      .executeTakeFirst(),
  );
}

export async function countMedals(db: Executor, organizationId: string) {
  return n(
    await db
      .selectFrom('competitionResults as r')
      .innerJoin('competitionSkills as s', 's.id', 'r.skillId')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('r.organizationId', '=', organizationId)
      .where('s.organizationId', '=', organizationId)
      .where('s.resultsState', '=', 'published')
      .where('r.medal', 'in', ['gold', 'silver', 'bronze', 'medallion'])
      .executeTakeFirst(),
  );
}

export function budgetsOfPublicProjects(db: Executor, organizationId: string, projectId?: string) {
  let q = db
    .selectFrom('projectBudgets')
    .select(['projectId', 'type', 'periodStart', 'periodEnd', 'valueMinor', 'currency'])
    .where('organizationId', '=', organizationId)
    .where('projectId', 'in', publicProjectIds(db, organizationId));
  if (projectId) {
    q = q.where('projectId', '=', projectId);
  }
  return q.execute();
}
