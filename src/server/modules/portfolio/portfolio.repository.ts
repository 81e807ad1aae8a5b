import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { TPortfolioQuery } from '../../../contracts/portfolio.js';
import type { Database } from '../../platform/db/database.js';
import type { Executor } from '../../platform/db/executor.js';
import { agreementInForce } from '../agreements/agreements.sql.js';
import { filteredProjects, type ProjectFilters } from '../projects/projects.repository.js';

/**
 * The portfolio's figures as SQL aggregates (GROUP BY per organization and group), read-only.
 * Every query is limited to `scope`, a non-empty list of organization ids: the actor's own
 * organization, or every college for a provincial observer. Rows are never loaded, except the few
 * columns that the agreement status and indicator status rules need (those rules live in
 * src/domain and are not repeated in SQL).
 */
export type Scope = readonly string[];

/** A count per organization and group key, as every aggregate below returns it. */
export interface OrgCount {
  organizationId: string;
  key: string | null;
  n: number;
}

// biome-ignore lint/suspicious/noExplicitAny: one helper for the organization column of every table
type AnyEb = ExpressionBuilder<any, any>;

/** `column = id` for one organization, `column in (…)` for several. */
function inScope(eb: AnyEb, column: string, scope: Scope) {
  const ref = sql.ref(column);
  return scope.length === 1 ? eb(ref, '=', scope[0]) : eb(ref, 'in', [...scope]);
}

const yearOf = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 4)`;
const yearText = (year: number) => String(year).padStart(4, '0');

function rows(
  list: { organizationId: string; key: string | null; n: number | string | bigint }[],
): OrgCount[] {
  return list.map((r) => ({ organizationId: r.organizationId, key: r.key, n: Number(r.n) }));
}

type ProjectFilterInput = Omit<ProjectFilters, 'archived'>;

/** The projects the figures are about: not archived, plus whichever of the filters apply. */
function projectIds(db: Executor, scope: Scope, f: ProjectFilterInput) {
  return filteredProjects(db, scope, { ...f, archived: 'false' }).select('p.id');
}

/** Project filters for figures that reach projects through cohorts, surveys or mobilities. */
const viaProjects = (f: TPortfolioQuery): ProjectFilterInput | null =>
  f.type || f.partnerId ? { type: f.type, partnerId: f.partnerId } : null;

// ---------------------------------------------------------------------------------------------
// Projects
// ---------------------------------------------------------------------------------------------

export async function projectCounts(db: Executor, scope: Scope, f: TPortfolioQuery) {
  const pf: ProjectFilters = { ...f, archived: 'false' };
  const base = filteredProjects(db, scope, pf);
  const [byType, byStatus, byCountry] = await Promise.all([
    base
      .select(['p.organizationId', 'p.type as key', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['p.organizationId', 'p.type'])
      .execute(),
    base
      .select(['p.organizationId', 'p.status as key', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['p.organizationId', 'p.status'])
      .execute(),
    db
      .selectFrom('projectCountries as pc')
      .select(['pc.organizationId', 'pc.country as key', (eb) => eb.fn.countAll<number>().as('n')])
      .where((eb) => inScope(eb, 'pc.organizationId', scope))
      .where('pc.projectId', 'in', projectIds(db, scope, pf))
      .groupBy(['pc.organizationId', 'pc.country'])
      .execute(),
  ]);
  return { byType: rows(byType), byStatus: rows(byStatus), byCountry: rows(byCountry) };
}

// ---------------------------------------------------------------------------------------------
// Participants (training enrolments)
// ---------------------------------------------------------------------------------------------

/** Enrolment statuses that count a person as a participant. */
export const PARTICIPATING = ['confirmed', 'attending', 'completed'] as const;

/**
 * The cohorts whose enrolments count: of a live project of the scope that passes the type and
 * partner filters, starting in the year filtered on. Small (one row per cohort) and evaluated once
 * per statement: the enrolments are then matched against it, not joined row by row through
 * programme and project.
 */
function countedCohorts(db: Executor, scope: Scope, f: TPortfolioQuery) {
  let q = db
    .selectFrom('trainingCohorts as c')
    .innerJoin('trainingProgrammes as pr', 'pr.id', 'c.programmeId')
    .select('c.id')
    .where((eb) => inScope(eb, 'c.organizationId', scope))
    .where('pr.projectId', 'in', projectIds(db, scope, viaProjects(f) ?? {}));
  if (f.year !== undefined) {
    q = q.where(yearOf('c.startsOn'), '=', yearText(f.year));
  }
  return q;
}

/**
 * The enrolments that make someone a participant: a participating status in a counted cohort,
 * of a person of the country filtered on. Enrolments, cohorts and people of one organization only
 * refer to each other (the training service looks every one up in the actor's organization).
 *
 * Without a country, the counted cohorts are one list (`cohort_id in (…)`) that SQLite reads
 * `training_enrolments_org_cohort_status_idx` through, cohort by cohort. With a country, the
 * country's people are that list instead and the cohort is checked per enrolment (`exists`):
 * never both lists, or SQLite probes the index for every cohort × person pair (measured at bench
 * scale with country=KE: 87 s instead of 0.25 s).
 */
function countedEnrolments(db: Executor, scope: Scope, f: TPortfolioQuery) {
  const q = db
    .selectFrom('trainingEnrolments as e')
    .where((eb) => inScope(eb, 'e.organizationId', scope))
    .where('e.status', 'in', [...PARTICIPATING]);
  if (!f.country) {
    return q.where('e.cohortId', 'in', countedCohorts(db, scope, f));
  }
  const country = f.country;
  return q
    .where('e.participantId', 'in', (eb) =>
      eb
        .selectFrom('trainingParticipants as tp')
        .select('tp.id')
        .where((w) => inScope(w, 'tp.organizationId', scope))
        .where('tp.country', '=', country),
    )
    .where((eb) => eb.exists(countedCohorts(db, scope, f).where('c.id', '=', sql.ref<string>('e.cohortId'))));
}

/** Sums `n` per organization and `keyOf(row)`, over rows that each count distinct people. */
function fold<R extends { organizationId: string; n: number }>(
  list: readonly R[],
  keyOf: (r: R) => string | null,
) {
  const m = new Map<string, OrgCount>();
  for (const r of list) {
    const key = keyOf(r);
    const id = JSON.stringify([r.organizationId, key]);
    const o = m.get(id) ?? { organizationId: r.organizationId, key, n: 0 };
    o.n += r.n;
    m.set(id, o);
  }
  return [...m.values()];
}

/**
 * Distinct people per organization and country, per gender and per cohort start year, and the
 * people who completed, in two statements that each read the counted enrolments once:
 *
 * - people: one row per person (GROUP BY the enrolments' organization and person, with whether
 *   any of their counted enrolments is completed), joined to the person for country and gender and
 *   counted per (organization, country, gender). A person has one country and one gender, so the
 *   country and gender counts are sums of those rows, and the country counts of an organization
 *   add up to its people.
 * - years: distinct people per organization and cohort start year; a person in cohorts of two
 *   years counts in both.
 *
 * Indexes (migration 2026-11-29T0260_portfolio_indexes): on SQLite the people statement reads
 * `training_enrolments_org_participant_status_idx` in person order, so its GROUP BY needs no sort
 * and the person lookups are in order; the years statement reads
 * `training_enrolments_org_cohort_status_idx` once per counted cohort, so consecutive enrolments
 * share their cohort row. Neither reads an enrolment row itself.
 */
export async function participantCounts(db: Executor, scope: Scope, f: TPortfolioQuery) {
  const people = countedEnrolments(db, scope, f)
    .select([
      'e.organizationId',
      'e.participantId',
      sql<number>`max(case when e.status = 'completed' then 1 else 0 end)`.as('done'),
    ])
    .groupBy(['e.organizationId', 'e.participantId']);
  let groups = db
    .selectFrom(people.as('people'))
    .innerJoin('trainingParticipants as tp', 'tp.id', 'people.participantId');
  if (f.country) {
    // Already true of every person counted; said again so that PostgreSQL hashes only them.
    groups = groups.where('tp.country', '=', f.country);
  }
  const [byGroup, years] = await Promise.all([
    groups
      .select([
        'people.organizationId',
        'tp.country',
        'tp.gender',
        (eb) => eb.fn.countAll<number>().as('n'),
        sql<number>`sum(people.done)`.as('completed'),
      ])
      .groupBy(['people.organizationId', 'tp.country', 'tp.gender'])
      .execute(),
    countedEnrolments(db, scope, f)
      .innerJoin('trainingCohorts as started', 'started.id', 'e.cohortId')
      .select([
        'e.organizationId',
        yearOf('started.startsOn').as('key'),
        sql<number>`count(distinct e.participant_id)`.as('n'),
      ])
      .groupBy(['e.organizationId', yearOf('started.startsOn')])
      .execute(),
  ]);
  const list = byGroup.map((g) => ({ ...g, n: Number(g.n), completed: Number(g.completed) }));
  return {
    byCountry: fold(list, (g) => g.country),
    completedByOrg: fold(
      list.map((g) => ({ organizationId: g.organizationId, n: g.completed })),
      () => null,
    ).map(({ organizationId, n }) => ({ organizationId, n })),
    byGender: fold(list, (g) => g.gender),
    byYear: rows(years),
  };
}

// ---------------------------------------------------------------------------------------------
// Agreements in force: the columns deriveAgreementStatus reads
// ---------------------------------------------------------------------------------------------

export function agreementsInForce(db: Executor, scope: Scope, f: TPortfolioQuery, today: string) {
  let q = db
    .selectFrom('agreements as a')
    .select([
      'a.organizationId',
      'a.stage',
      'a.startsOn',
      'a.endsOn',
      'a.autoRenewal',
      'a.renewalMonths',
      'a.terminatedOn',
      'a.expiringWindowDays',
    ])
    .where((eb) => inScope(eb, 'a.organizationId', scope))
    .where((eb) => agreementInForce(eb as never, today));
  if (f.partnerId) {
    const partnerId = f.partnerId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('agreementParties as ap')
          .select('ap.agreementId')
          .whereRef('ap.agreementId', '=', 'a.id')
          .where('ap.partnerId', '=', partnerId),
      ),
    );
  }
  if (f.country) {
    const country = f.country;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('agreementParties as ap')
          .innerJoin('partners as pt', 'pt.id', 'ap.partnerId')
          .select('ap.agreementId')
          .whereRef('ap.agreementId', '=', 'a.id')
          .where('pt.country', '=', country),
      ),
    );
  }
  return q.execute();
}

// ---------------------------------------------------------------------------------------------
// Indicators: the columns indicatorStatus reads, in two bulk queries
// ---------------------------------------------------------------------------------------------

export async function indicatorRows(db: Executor, scope: Scope, f: TPortfolioQuery) {
  const ids = projectIds(db, scope, f);
  const [indicators, periods] = await Promise.all([
    db
      .selectFrom('resultIndicators as i')
      .select([
        'i.id',
        'i.organizationId',
        'i.measure',
        'i.ascending',
        'i.aggregation',
        'i.baselineYear',
        'i.baselineValue',
      ])
      .where((eb) => inScope(eb, 'i.organizationId', scope))
      .where('i.projectId', 'in', ids)
      .execute(),
    db
      .selectFrom('indicatorPeriods as ip')
      .select([
        'ip.indicatorId',
        'ip.periodStart',
        'ip.periodEnd',
        'ip.targetValue',
        'ip.hasActual',
        'ip.actualValue',
      ])
      .where((eb) => inScope(eb, 'ip.organizationId', scope))
      .where('ip.projectId', 'in', ids)
      .execute(),
  ]);
  return { indicators, periods };
}

// ---------------------------------------------------------------------------------------------
// Mobilities, certificates, medals, survey responses
// ---------------------------------------------------------------------------------------------

type MobilityQuery = SelectQueryBuilder<Database & { m: Database['mobilities'] }, 'm', object>;

export async function mobilityCounts(db: Executor, scope: Scope, f: TPortfolioQuery) {
  let q = db
    .selectFrom('mobilities as m')
    .where((eb) => inScope(eb, 'm.organizationId', scope))
    .where('m.stage', '<>', 'cancelled') as MobilityQuery;
  if (f.year !== undefined) {
    q = q.where(yearOf('m.plannedStartOn'), '=', yearText(f.year));
  }
  if (f.partnerId) {
    const partnerId = f.partnerId;
    q = q.where((eb) =>
      eb.or([eb('m.homePartnerId', '=', partnerId), eb('m.hostPartnerId', '=', partnerId)]),
    );
  }
  if (f.country) {
    const inCountry = db
      .selectFrom('partners as pt')
      .select('pt.id')
      .where((eb) => inScope(eb, 'pt.organizationId', scope))
      .where('pt.country', '=', f.country);
    q = q.where((eb) =>
      eb.or([eb('m.homePartnerId', 'in', inCountry), eb('m.hostPartnerId', 'in', inCountry)]),
    );
  }
  if (f.type) {
    q = q.where('m.projectId', 'in', projectIds(db, scope, { type: f.type }));
  }
  return rows(
    await q
      .select(['m.organizationId', 'm.direction as key', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['m.organizationId', 'm.direction'])
      .execute(),
  );
}

/** Valid certificates; a certificate's year is the UTC year of its issue. */
export async function certificateCounts(db: Executor, scope: Scope, f: TPortfolioQuery) {
  let q = db
    .selectFrom('certificates as cert')
    .where((eb) => inScope(eb, 'cert.organizationId', scope))
    .where('cert.status', '=', 'valid');
  if (f.year !== undefined) {
    q = q.where(yearOf('cert.issuedAt'), '=', yearText(f.year));
  }
  const pf = viaProjects(f);
  if (pf) {
    q = q.where('cert.cohortId', 'in', (eb) =>
      eb
        .selectFrom('trainingCohorts as c')
        .innerJoin('trainingProgrammes as pr', 'pr.id', 'c.programmeId')
        .select('c.id')
        .where((w) => inScope(w, 'c.organizationId', scope))
        .where('pr.projectId', 'in', projectIds(db, scope, pf)),
    );
  }
  if (f.country) {
    const country = f.country;
    q = q.where('cert.enrolmentId', 'in', (eb) =>
      eb
        .selectFrom('trainingEnrolments as e')
        .innerJoin('trainingParticipants as tp', 'tp.id', 'e.participantId')
        .select('e.id')
        .where((w) => inScope(w, 'e.organizationId', scope))
        .where('tp.country', '=', country),
    );
  }
  return rows(
    await q
      .select(['cert.organizationId', sql<null>`null`.as('key'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('cert.organizationId')
      .execute(),
  );
}

/** Medals in published results only (the embargo holds until publication). */
export async function medalCounts(db: Executor, scope: Scope, f: TPortfolioQuery) {
  let q = db
    .selectFrom('competitionResults as r')
    .innerJoin('competitionSkills as s', 's.id', 'r.skillId')
    .innerJoin('competitions as comp', 'comp.id', 'r.competitionId')
    .where((eb) => inScope(eb, 'r.organizationId', scope))
    .where('s.resultsState', '=', 'published')
    .where('r.medal', 'in', ['gold', 'silver', 'bronze', 'medallion']);
  if (f.year !== undefined) {
    q = q.where(yearOf('comp.endsOn'), '=', yearText(f.year));
  }
  if (f.country || f.partnerId) {
    const { country, partnerId } = f;
    q = q.where('r.memberId', 'in', (eb) => {
      let members = eb
        .selectFrom('competitionMembers as cm')
        .select('cm.id')
        .where((w) => inScope(w, 'cm.organizationId', scope));
      if (country) {
        members = members.where('cm.country', '=', country);
      }
      if (partnerId) {
        members = members.where('cm.partnerId', '=', partnerId);
      }
      return members;
    });
  }
  return rows(
    await q
      .select(['r.organizationId', 'r.medal as key', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['r.organizationId', 'r.medal'])
      .execute(),
  );
}

/** Responses per Kirkpatrick level; the answers themselves are never read. */
export async function surveyResponseCounts(db: Executor, scope: Scope, f: TPortfolioQuery) {
  let q = db
    .selectFrom('surveyResponses as sr')
    .innerJoin('surveys as sv', 'sv.id', 'sr.surveyId')
    .where((eb) => inScope(eb, 'sr.organizationId', scope));
  if (f.year !== undefined) {
    q = q.where(yearOf('sr.submittedAt'), '=', yearText(f.year));
  }
  const pf = viaProjects(f);
  if (pf) {
    q = q.where('sv.projectId', 'in', projectIds(db, scope, pf));
  }
  return rows(
    await q
      .select(['sr.organizationId', 'sv.level as key', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['sr.organizationId', 'sv.level'])
      .execute(),
  );
}

// ---------------------------------------------------------------------------------------------
// Scope
// ---------------------------------------------------------------------------------------------

export function organizationKind(db: Executor, organizationId: string) {
  return db.selectFrom('organizations').select(['kind']).where('id', '=', organizationId).executeTakeFirst();
}

/** Every college on the platform (the provincial view's scope), by name. */
export function colleges(db: Executor) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('kind', '=', 'college')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The partner when it belongs to the organization (a filter naming another's partner is invalid). */
export function partnerInOrganization(db: Executor, organizationId: string, partnerId: string) {
  return db
    .selectFrom('partners')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('id', '=', partnerId)
    .executeTakeFirst();
}
