import type { LocalizedText } from '../../../contracts/common.js';
import type { TPlatformFigure } from '../../../contracts/results-frameworks.js';
import { calendarDateInTimeZone } from '../../../domain/dates/calendar-date.js';
import type { DisaggregationDimension, IndicatorSource } from '../../../domain/evaluation/index.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson } from '../../platform/db/sql-helpers.js';

/**
 * The figures the platform can count itself for an indicator with an automatic source
 * (issue 5, "Indicators the platform can count itself"), from the project's own records, with
 * read-only queries. Each source yields dated events; a period's figure counts the distinct
 * events dated within its start and end (both inclusive), broken down by the indicator's
 * disaggregations where the records carry them, and names the records it came from.
 *
 * - `training.completed_participants`: participants whose enrolment is `completed` in a cohort of a
 *   programme of the project, dated by the cohort's end date; each person counted once per period.
 *   Dimensions: sex (female/male), country.
 * - `certificates.issued`: valid (not revoked) certificates of those cohorts, dated by the day they
 *   were issued in the organization's time zone. Dimensions: sex, country of the recipient.
 * - `mobilities.completed`: people on the project's mobilities that came back (`returned` or
 *   `report_received`), dated by the actual end (else the planned end); a mobility without listed
 *   members counts once. Dimensions: sex, direction (incoming/outgoing).
 * - `competitions.medals`: competitions have no project link, so medals are tied to the project
 *   through its trainees: gold, silver, bronze and medallions for excellence in *published* results
 *   of the college's competitions, won by an entry with a competitor who is a participant enrolled
 *   (not withdrawn) in one of the project's cohorts, dated by the competition's last day.
 *   Dimension: medal. Team medals count once.
 * - `talent.placements`: demand postings have no project link, so this counts the *college's*
 *   placements: shortlist entries moved to `placed`, dated by the day of placement, each person once
 *   per period; the contributors are the postings. No dimensions.
 */

interface SourceEvent {
  /** 'YYYY-MM-DD', or null when the record has no date that places it in a period. */
  date: string | null;
  /** Identity of what is counted (a person, a certificate, a medal). */
  key: string;
  dims: Record<string, string>;
  contributor: { kind: 'cohort' | 'mobility' | 'competition' | 'posting'; id: string; label: LocalizedText };
}

export type SourceEvents =
  | { available: true; events: SourceEvent[]; dimensions: readonly string[] }
  | { available: false };

/** The disaggregations each source's records carry (others get no breakdown). */
const SOURCE_DIMENSIONS: Record<IndicatorSource, readonly string[]> = {
  'training.completed_participants': ['sex', 'country'],
  'certificates.issued': ['sex', 'country'],
  'mobilities.completed': ['sex', 'direction'],
  'competitions.medals': ['medal'],
  'talent.placements': [],
};

const SEXES = new Set(['female', 'male']);

function cohortLabel(programmeTitleJson: string, cohortName: string): LocalizedText {
  const titles = parseJson<LocalizedText>(programmeTitleJson, {});
  const entries = Object.entries(titles).filter(([, t]) => t.trim());
  return entries.length === 0
    ? { en: cohortName }
    : Object.fromEntries(entries.map(([l, t]) => [l, `${t} · ${cohortName}`]));
}

function projectCohorts(db: Executor, organizationId: string, projectId: string) {
  return db
    .selectFrom('trainingCohorts as c')
    .innerJoin('trainingProgrammes as p', 'p.id', 'c.programmeId')
    .where('c.organizationId', '=', organizationId)
    .where('p.organizationId', '=', organizationId)
    .where('p.projectId', '=', projectId);
}

async function completedParticipants(db: Executor, org: string, projectId: string): Promise<SourceEvent[]> {
  const rows = await projectCohorts(db, org, projectId)
    .innerJoin('trainingEnrolments as e', 'e.cohortId', 'c.id')
    .innerJoin('trainingParticipants as tp', 'tp.id', 'e.participantId')
    .where('e.organizationId', '=', org)
    .where('e.status', '=', 'completed')
    .select([
      'e.participantId',
      'c.id as cohortId',
      'c.name as cohortName',
      'c.endsOn',
      'p.titleJson',
      'tp.gender',
      'tp.country',
    ])
    .execute();
  return rows.map((r) => ({
    date: r.endsOn,
    key: r.participantId,
    dims: { ...(SEXES.has(r.gender) ? { sex: r.gender } : {}), ...(r.country ? { country: r.country } : {}) },
    contributor: { kind: 'cohort', id: r.cohortId, label: cohortLabel(r.titleJson, r.cohortName) },
  }));
}

async function certificatesIssued(
  db: Executor,
  org: string,
  projectId: string,
  timeZone: string,
): Promise<SourceEvent[]> {
  const rows = await projectCohorts(db, org, projectId)
    .innerJoin('certificates as cert', 'cert.cohortId', 'c.id')
    .leftJoin('trainingEnrolments as e', 'e.id', 'cert.enrolmentId')
    .leftJoin('trainingParticipants as tp', 'tp.id', 'e.participantId')
    .where('cert.organizationId', '=', org)
    .where('cert.status', '=', 'valid')
    .select([
      'cert.id',
      'cert.issuedAt',
      'c.id as cohortId',
      'c.name as cohortName',
      'p.titleJson',
      'tp.gender',
      'tp.country',
    ])
    .execute();
  return rows.map((r) => ({
    date: calendarDateInTimeZone(r.issuedAt, timeZone),
    key: r.id,
    dims: {
      ...(r.gender && SEXES.has(r.gender) ? { sex: r.gender } : {}),
      ...(r.country ? { country: r.country } : {}),
    },
    contributor: { kind: 'cohort', id: r.cohortId, label: cohortLabel(r.titleJson, r.cohortName) },
  }));
}

async function mobilitiesCompleted(db: Executor, org: string, projectId: string): Promise<SourceEvent[]> {
  const rows = await db
    .selectFrom('mobilities as m')
    .leftJoin('mobilityMembers as mm', (j) =>
      j.onRef('mm.mobilityId', '=', 'm.id').on('mm.organizationId', '=', org),
    )
    .where('m.organizationId', '=', org)
    .where('m.projectId', '=', projectId)
    .where('m.stage', 'in', ['returned', 'report_received'])
    .select([
      'm.id',
      'm.title',
      'm.direction',
      'm.actualEndOn',
      'm.plannedEndOn',
      'mm.id as memberId',
      'mm.gender',
    ])
    .execute();
  return rows.map((r) => ({
    date: r.actualEndOn ?? r.plannedEndOn,
    key: r.memberId ?? `mobility:${r.id}`,
    dims: {
      direction: r.direction === 'inbound' ? 'incoming' : 'outgoing',
      ...(r.gender && SEXES.has(r.gender) ? { sex: r.gender } : {}),
    },
    contributor: { kind: 'mobility', id: r.id, label: { en: r.title } },
  }));
}

async function competitionMedals(db: Executor, org: string, projectId: string): Promise<SourceEvent[]> {
  const rows = await db
    .selectFrom('competitionResults as r')
    .innerJoin('competitionSkills as s', 's.id', 'r.skillId')
    .innerJoin('competitions as comp', 'comp.id', 'r.competitionId')
    .where('r.organizationId', '=', org)
    .where('s.organizationId', '=', org)
    .where('s.resultsState', '=', 'published')
    .where('r.medal', 'in', ['gold', 'silver', 'bronze', 'medallion'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('competitionCompetitors as cc')
          .innerJoin('trainingEnrolments as e', 'e.participantId', 'cc.participantId')
          .innerJoin('trainingCohorts as c', 'c.id', 'e.cohortId')
          .innerJoin('trainingProgrammes as p', 'p.id', 'c.programmeId')
          .select('cc.id')
          .whereRef('cc.entryId', '=', 'r.entryId')
          .where('cc.organizationId', '=', org)
          .where('e.organizationId', '=', org)
          .where('e.status', '<>', 'withdrawn')
          .where('p.projectId', '=', projectId),
      ),
    )
    .select(['r.id', 'r.medal', 'comp.id as competitionId', 'comp.endsOn', 'comp.namesJson'])
    .execute();
  return rows.map((r) => ({
    date: r.endsOn,
    key: r.id,
    dims: { medal: r.medal },
    contributor: {
      kind: 'competition',
      id: r.competitionId,
      label: parseJson<LocalizedText>(r.namesJson, {}),
    },
  }));
}

async function talentPlacements(db: Executor, org: string): Promise<SourceEvent[]> {
  const rows = await db
    .selectFrom('shortlistEntries as e')
    .innerJoin('demandPostings as d', 'd.id', 'e.postingId')
    .where('e.organizationId', '=', org)
    .where('d.organizationId', '=', org)
    .where('e.stage', '=', 'placed')
    .select(['e.profileId', 'e.placedOn', 'd.id as postingId', 'd.enterpriseName', 'd.country'])
    .execute();
  return rows.map((r) => ({
    date: r.placedOn,
    key: r.profileId,
    dims: {},
    contributor: { kind: 'posting', id: r.postingId, label: { en: `${r.enterpriseName} (${r.country})` } },
  }));
}

/** The dated events of one source for the project (read-only). */
export async function loadSourceEvents(
  ctx: ServiceContext,
  db: Executor,
  projectId: string,
  source: IndicatorSource,
): Promise<SourceEvents> {
  const org = ctx.actor.organizationId;
  const dimensions = SOURCE_DIMENSIONS[source];
  switch (source) {
    case 'training.completed_participants':
      return { available: true, dimensions, events: await completedParticipants(db, org, projectId) };
    case 'certificates.issued':
      return {
        available: true,
        dimensions,
        events: await certificatesIssued(db, org, projectId, ctx.actor.timeZone),
      };
    case 'mobilities.completed':
      return { available: true, dimensions, events: await mobilitiesCompleted(db, org, projectId) };
    case 'competitions.medals':
      return { available: true, dimensions, events: await competitionMedals(db, org, projectId) };
    case 'talent.placements':
      return { available: true, dimensions, events: await talentPlacements(db, org) };
  }
}

/**
 * The figure for one period: distinct events dated in [start, end], a breakdown by each declared
 * disaggregation the source's records carry (one dimension per entry; only the declared values when the
 * dimension lists them), and the records it came from, largest first.
 */
export function figureForPeriod(
  source: { events: readonly SourceEvent[]; dimensions: readonly string[] },
  start: string,
  end: string,
  disaggregations: readonly DisaggregationDimension[],
): TPlatformFigure {
  const { events } = source;
  const inPeriod = new Map<string, SourceEvent>();
  let undated = 0;
  for (const e of events) {
    if (e.date === null) {
      undated++;
    } else if (e.date >= start && e.date <= end && !inPeriod.has(e.key)) {
      inPeriod.set(e.key, e);
    }
  }
  const counted = [...inPeriod.values()];
  const breakdown: TPlatformFigure['breakdown'] = [];
  for (const d of disaggregations.filter((x) => source.dimensions.includes(x.name))) {
    const counts = new Map<string, number>();
    for (const e of counted) {
      const v = e.dims[d.name];
      if (v !== undefined && (d.values.length === 0 || d.values.includes(v))) {
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
    }
    const values = d.values.length > 0 ? d.values : [...counts.keys()].sort();
    for (const v of values) {
      if (counts.has(v) || d.values.length > 0) {
        breakdown.push({ dimensions: [{ name: d.name, value: v }], value: counts.get(v) ?? 0 });
      }
    }
  }
  const byContributor = new Map<string, TPlatformFigure['contributors'][number]>();
  for (const e of counted) {
    const k = `${e.contributor.kind}:${e.contributor.id}`;
    const c = byContributor.get(k) ?? { ...e.contributor, count: 0 };
    c.count++;
    byContributor.set(k, c);
  }
  const contributors = [...byContributor.values()].sort(
    (a, b) => b.count - a.count || a.id.localeCompare(b.id),
  );
  return { value: counted.length, breakdown, contributors: contributors.slice(0, 20), undated };
}
