import type {
  TPortfolio,
  TPortfolioCollege,
  TPortfolioCount,
  TPortfolioFigures,
  TPortfolioQuery,
} from '../../../contracts/portfolio.js';
import { suppressSmallCounts } from '../../../domain/evaluation/comparisons.js';
import type { IndicatorStatus } from '../../../domain/evaluation/index.js';
import type { OrgCount } from './portfolio.repository.js';

/** One counted thing of an organization (an agreement's or an indicator's status). */
export interface CollegeLine<K extends string> {
  organizationId: string;
  key: K;
}

/** What the service gathered for the scope: aggregates per organization and group. */
export interface Gathered {
  projects: { byType: OrgCount[]; byStatus: OrgCount[]; byCountry: OrgCount[] };
  participants: {
    byCountry: OrgCount[];
    completedByOrg: { organizationId: string; n: number }[];
    byGender: OrgCount[];
    byYear: OrgCount[];
  };
  agreements: CollegeLine<'active' | 'expiring'>[];
  indicators: CollegeLine<IndicatorStatus>[];
  mobilities: OrgCount[];
  certificates: OrgCount[];
  medals: OrgCount[];
  surveys: OrgCount[];
}

const byKey = (a: { key: string | null }, b: { key: string | null }) =>
  a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1;

/** Sums counts over organizations per key, sorted by key (the unrecorded group last). */
function merge(list: readonly { key: string | null; n: number }[]): { key: string | null; n: number }[] {
  const m = new Map<string | null, number>();
  for (const r of list) {
    m.set(r.key, (m.get(r.key) ?? 0) + r.n);
  }
  return [...m.entries()].map(([key, n]) => ({ key, n })).sort(byKey);
}

function tally<K extends string>(lines: readonly CollegeLine<K>[]) {
  return merge(lines.map((l) => ({ key: l.key, n: 1 })));
}

const sum = (list: readonly { n: number }[]) => list.reduce((s, r) => s + r.n, 0);
const countOf = (list: readonly { key: string | null; n: number }[], key: string) =>
  list.find((r) => r.key === key)?.n ?? 0;
const ofOrg = <T extends { organizationId: string }>(list: readonly T[], id: string) =>
  list.filter((r) => r.organizationId === id);

/** Group counts as sent: everything shown, or suppressed per the comparisons rule. */
type Shape = (groups: { key: string | null; n: number }[]) => TPortfolioCount[];
const shown: Shape = (groups) => groups;

function figures(
  g: Gathered,
  personCounts: Shape,
  personTotal: (n: number) => number | null,
): TPortfolioFigures {
  const byType = merge(g.projects.byType);
  const indicators = tally(g.indicators);
  const people = merge(g.participants.byCountry);
  const medals = merge(g.medals);
  const surveys = merge(g.surveys);
  const mobilities = merge(g.mobilities);
  const agreements = tally(g.agreements);
  return {
    projects: {
      total: sum(byType),
      byType,
      byStatus: merge(g.projects.byStatus),
      byCountry: merge(g.projects.byCountry),
    },
    participants: {
      total: personTotal(sum(people)),
      completed: personTotal(sum(g.participants.completedByOrg)),
      byCountry: personCounts(people),
      byGender: personCounts(merge(g.participants.byGender)),
      byYear: personCounts(merge(g.participants.byYear)),
    },
    agreements: { active: countOf(agreements, 'active'), expiring: countOf(agreements, 'expiring') },
    indicators: {
      total: sum(indicators),
      byStatus: indicators,
      atRisk: countOf(indicators, 'at_risk'),
      offTrack: countOf(indicators, 'off_track'),
    },
    mobilities: { total: sum(mobilities), byDirection: mobilities },
    certificates: { total: personTotal(sum(g.certificates)) },
    medals: { total: sum(medals), byMedal: medals },
    surveys: { responses: sum(surveys), byLevel: surveys },
  };
}

/** A college's own view: every count shown (its staff may see the people behind them anyway). */
export function presentCollegeView(o: {
  gathered: Gathered;
  filters: TPortfolioQuery;
  today: string;
}): TPortfolio {
  return {
    scope: 'college',
    today: o.today,
    filters: o.filters,
    minGroupSize: null,
    figures: figures(o.gathered, shown, (n) => n),
    colleges: [],
  };
}

/**
 * The provincial view: totals over every college and one line per college, with the counts of
 * people (participants, certificate holders) suppressed where a group is smaller than
 * `minGroupSize` (`suppressSmallCounts`, the comparisons rule), both in the breakdowns and across
 * colleges. Projects, agreements, indicators, mobilities, medals and survey responses count no
 * person and are shown as they are.
 */
export function presentProvincialView(o: {
  colleges: readonly { id: string; name: string }[];
  gathered: Gathered | null;
  filters: TPortfolioQuery;
  today: string;
  minGroupSize: number;
}): TPortfolio {
  const g: Gathered = o.gathered ?? {
    projects: { byType: [], byStatus: [], byCountry: [] },
    participants: { byCountry: [], completedByOrg: [], byGender: [], byYear: [] },
    agreements: [],
    indicators: [],
    mobilities: [],
    certificates: [],
    medals: [],
    surveys: [],
  };
  const options = { minGroupSize: o.minGroupSize };
  const suppressed: Shape = (groups) =>
    suppressSmallCounts(groups, options).groups.map(({ key, n }) => ({ key, n }));
  const atLeast = (n: number) => (n >= o.minGroupSize || n === 0 ? n : null);

  // People per college, suppressed across colleges.
  const acrossColleges = (list: readonly OrgCount[]) => {
    const perCollege = o.colleges.map((c) => ({ key: c.id, n: sum(ofOrg(list, c.id)) }));
    const result = suppressSmallCounts(perCollege, options);
    const hidden = new Map(result.groups.map((r) => [r.key, r.n]));
    return (id: string) => (hidden.has(id) ? (hidden.get(id) as number | null) : 0);
  };
  const participantsOf = acrossColleges(g.participants.byCountry);
  const certificatesOf = acrossColleges(g.certificates);

  const colleges: TPortfolioCollege[] = o.colleges.map((c) => {
    const agreements = ofOrg(g.agreements, c.id);
    const indicators = ofOrg(g.indicators, c.id);
    return {
      id: c.id,
      name: c.name,
      projects: sum(ofOrg(g.projects.byType, c.id)),
      participants: participantsOf(c.id),
      agreementsActive: agreements.filter((a) => a.key === 'active').length,
      agreementsExpiring: agreements.filter((a) => a.key === 'expiring').length,
      indicatorsAtRisk: indicators.filter((i) => i.key === 'at_risk').length,
      indicatorsOffTrack: indicators.filter((i) => i.key === 'off_track').length,
      mobilities: sum(ofOrg(g.mobilities, c.id)),
      certificates: certificatesOf(c.id),
      medals: sum(ofOrg(g.medals, c.id)),
      surveyResponses: sum(ofOrg(g.surveys, c.id)),
    };
  });
  colleges.sort(
    (a, b) => b.projects - a.projects || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );

  return {
    scope: 'province',
    today: o.today,
    filters: o.filters,
    minGroupSize: o.minGroupSize,
    figures: figures(g, suppressed, atLeast),
    colleges,
  };
}
