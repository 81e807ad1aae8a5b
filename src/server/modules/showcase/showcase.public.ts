import type { LocalizedText } from '../../../contracts/common.js';
import type { ProjectStatus, ProjectType } from '../../../contracts/projects.js';
import type {
  ShowcaseFigure,
  TPublicFigure,
  TPublicPartner,
  TPublicProject,
  TPublicProjectSummary,
  TPublicShowcase,
} from '../../../contracts/showcase.js';
import { calendarDateInTimeZone } from '../../../domain/dates/calendar-date.js';
import { indicatorProgress, indicatorStatus } from '../../../domain/evaluation/index.js';
import { totalsByCurrency } from '../../../domain/projects/money.js';
import { effectiveBudgetTotals } from '../../../domain/projects/project-rules.js';
import type { Deps } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import { notFound } from '../../platform/errors.js';
import { toDomainIndicator } from '../results-frameworks/results-frameworks.presenter.js';
import { loadFrameworkRows } from '../results-frameworks/results-frameworks.repository.js';
import * as repo from './showcase.repository.js';
import { settingsOf } from './showcase.service.js';

// The public side: no session. Every answer is built field by field from an allow-list (the
// contracts' Public* schemas), from queries that select named columns only. A disabled or unknown
// showcase is 404, and so is a project that is not shown publicly, archived, or of another college.

const text = (json: string): LocalizedText => parseJson<LocalizedText>(json, {});

export interface LoadedShowcase {
  row: repo.EnabledShowcase;
  settings: ReturnType<typeof settingsOf>;
  has: (section: 'figures' | 'projects' | 'partners' | 'competitions' | 'resources') => boolean;
}

/** The enabled showcase at `slug`. @throws NOT_FOUND (unknown or disabled) */
export async function loadShowcase(db: Executor, slug: string): Promise<LoadedShowcase> {
  const row = await repo.getEnabledShowcaseBySlug(db, slug);
  if (!row) {
    throw notFound('showcase');
  }
  const settings = settingsOf(row);
  const sections = new Set(settings.sections);
  return { row, settings, has: (s) => sections.has(s) };
}

function presentCollege(s: LoadedShowcase) {
  const names = Object.keys(s.settings.names).length > 0 ? s.settings.names : { en: s.row.organizationName };
  return {
    slug: s.row.slug,
    names,
    shortName: s.row.shortName,
    country: s.row.country,
    intro: s.settings.intro,
    contactEmail: s.settings.contactEmail,
    sections: s.settings.sections,
  };
}

function presentPartner(p: {
  id: string;
  namesJson: string;
  country: string;
  city: string;
  type: string;
}): TPublicPartner {
  return { id: p.id, names: text(p.namesJson), country: p.country, city: p.city, type: p.type };
}

function presentProjectSummary(
  p: repo.PublicProjectRow,
  countries: readonly string[],
): TPublicProjectSummary {
  return {
    code: p.code,
    title: text(p.titleJson),
    type: p.type as ProjectType,
    status: p.status as ProjectStatus,
    start: p.actualStart ?? p.plannedStart,
    end: p.actualEnd ?? p.plannedEnd,
    countries: [...countries],
  };
}

type BudgetRow = Awaited<ReturnType<typeof repo.budgetsOfPublicProjects>>[number];

/** Effective budget per currency, project by project (a revision replaces its period's original). */
function budgetTotals(rows: readonly BudgetRow[]) {
  const byProject = new Map<string, BudgetRow[]>();
  for (const b of rows) {
    byProject.set(b.projectId, [...(byProject.get(b.projectId) ?? []), b]);
  }
  return totalsByCurrency(
    [...byProject.values()].flatMap((list) =>
      effectiveBudgetTotals(
        list.map((b) => ({ ...b, type: b.type as '1' | '2', valueMinor: Number(b.valueMinor) })),
      ),
    ),
  );
}

async function figure(db: Executor, orgId: string, key: ShowcaseFigure): Promise<TPublicFigure> {
  switch (key) {
    case 'projects':
      return { key, value: await repo.countPublicProjects(db, orgId) };
    case 'partner_countries':
      return { key, value: await repo.countPartnerCountries(db, orgId) };
    case 'participants_trained':
      return { key, value: await repo.countParticipantsTrained(db, orgId) };
    case 'certificates_issued':
      return { key, value: await repo.countCertificatesIssued(db, orgId) };
    case 'mobilities':
      return { key, value: await repo.countMobilities(db, orgId) };
    case 'medals':
      return { key, value: await repo.countMedals(db, orgId) };
    case 'budget':
      return { key, value: null, amounts: budgetTotals(await repo.budgetsOfPublicProjects(db, orgId)) };
  }
}

/** The overview page: college, figures, public projects, partners, competitions and resources. */
export async function getPublicShowcase(deps: Deps, slug: string): Promise<TPublicShowcase> {
  const { db } = deps;
  const s = await loadShowcase(db, slug);
  const orgId = s.row.organizationId;
  const [figures, projects, partners, competitions, resources] = await Promise.all([
    s.has('figures') ? Promise.all(s.settings.figures.map((f) => figure(db, orgId, f))) : [],
    s.has('projects') ? repo.publicProjects(db, orgId) : [],
    s.has('partners') ? repo.partnersOfPublicProjects(db, orgId) : [],
    s.has('competitions') ? repo.competitionsWithPublishedResults(db, orgId) : [],
    s.has('resources') ? repo.publicResources(db, orgId) : [],
  ]);
  const countries = await repo.countriesOf(
    db,
    orgId,
    projects.map((p) => p.id),
  );
  return {
    college: presentCollege(s),
    figures,
    projects: projects.map((p) =>
      presentProjectSummary(
        p,
        countries.filter((c) => c.projectId === p.id).map((c) => c.country),
      ),
    ),
    partners: partners.map(presentPartner),
    competitions: competitions.map((c) => ({
      slug: c.slug,
      names: text(c.namesJson),
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      city: c.city,
      country: c.country,
      publishedSkills: Number(c.publishedSkills),
      path: `/public/competitions/${orgId}/${c.slug}`,
    })),
    resources: resources.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: text(r.titleJson),
      description: r.description,
      subject: r.subject,
      latestVersion: r.latestVersion,
      publishedOn: r.publishedOn,
      languages: r.languages,
    })),
  };
}

/**
 * One public project: its description, dates, countries, sectors, partners (when the partners
 * section is shown), results-framework indicators with progress and status judged at the college's
 * today, and its budget only when the college shows the budget figure.
 * @throws NOT_FOUND
 */
export async function getPublicProject(deps: Deps, slug: string, code: string): Promise<TPublicProject> {
  const { db } = deps;
  const s = await loadShowcase(db, slug);
  const orgId = s.row.organizationId;
  const p = s.has('projects') ? await repo.publicProjectByCode(db, orgId, code) : undefined;
  if (!p) {
    throw notFound('project');
  }
  const showBudget = s.has('figures') && s.settings.figures.includes('budget');
  const [countries, sectors, partners, framework, budgets] = await Promise.all([
    repo.countriesOf(db, orgId, [p.id]),
    repo.sectorsOf(db, orgId, p.id),
    s.has('partners') ? repo.partnersOfProject(db, orgId, p.id) : [],
    loadFrameworkRows(db, orgId, p.id),
    showBudget ? repo.budgetsOfPublicProjects(db, orgId, p.id) : null,
  ]);
  const today = calendarDateInTimeZone(deps.clock.now().toISOString(), s.row.timeZone);
  const resultById = new Map(framework.results.map((r) => [r.id, r]));
  const indicators = framework.indicators.flatMap((row) => {
    const result = resultById.get(row.resultId);
    if (!result) {
      return [];
    }
    const domain = toDomainIndicator(
      row,
      framework.periods.filter((x) => x.indicatorId === row.id),
    );
    const progress = indicatorProgress(domain).overall.progress;
    const periods = [...domain.periods].sort((a, b) => a.end.localeCompare(b.end));
    const lastTarget = [...periods].reverse().find((x) => x.target?.value != null)?.target?.value ?? null;
    const lastActual = [...periods].reverse().find((x) => x.actual?.value != null)?.actual?.value ?? null;
    return [
      {
        id: row.id,
        resultType: result.resultType,
        resultTitle: text(result.titleJson),
        title: domain.title,
        unit: domain.unitLabel ?? {},
        measure: row.measure,
        baseline: progress.kind === 'ratio' ? progress.baseline : (domain.baseline?.value ?? null),
        baselineYear: domain.baseline?.year ?? null,
        target: progress.kind === 'ratio' ? progress.target : lastTarget,
        actual: progress.kind === 'ratio' ? progress.actual : lastActual,
        percent: progress.kind === 'ratio' ? Math.round(progress.clampedPercent) : null,
        status: indicatorStatus(domain, today).status,
      },
    ];
  });
  return {
    college: presentCollege(s),
    project: {
      ...presentProjectSummary(
        p,
        countries.map((c) => c.country),
      ),
      description: text(p.descriptionJson),
      sectors: sectors.map((x) => x.code),
      partners: partners.map((x) => ({ ...presentPartner(x), role: x.role })),
      indicators,
      budget: budgets ? budgetTotals(budgets) : null,
    },
  };
}
