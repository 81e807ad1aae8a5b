import { LOCALES, type Locale } from '../../../contracts/common.js';
import type {
  TEvaluationProject,
  TEvaluationSummary,
  TPortfolioReportQuery,
  TProjectEvaluation,
  TProjectReportQuery,
} from '../../../contracts/evaluation-reports.js';
import type { TResultsFramework } from '../../../contracts/results-frameworks.js';
import { Permission } from '../../../contracts/roles.js';
import type { TSurveyAnalytics } from '../../../contracts/surveys.js';
import {
  alphaRange,
  type CohortGainFigures,
  pooledApplication,
  pooledGain,
  pooledNps,
  pooledRoi,
} from '../../../domain/evaluation/programme-rollup.js';
import { INDICATOR_STATUSES } from '../../../domain/evaluation/results-framework.js';
import type { MoneyAmount } from '../../../domain/evaluation/roi.js';
import { projectInYear } from '../../../domain/projects/project-rules.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import { notFound } from '../../platform/errors.js';
import { todayFor } from '../../platform/today.js';
import { getFramework } from '../results-frameworks/results-frameworks.service.js';
import { surveyAnalytics } from '../surveys/surveys.analytics.js';
import * as repo from './evaluation-reports.repository.js';

// Evaluation pages and reports are built from what the results-frameworks and surveys services
// compute (progress, status, NPS, alpha, Hake gain, application rate, ROI); the headline figures of
// several surveys or projects are pooled by src/domain/evaluation/programme-rollup.ts.

type ProjectStatus = TEvaluationProject['status'];

function presentProject(row: repo.ProjectRow, depth: number): TEvaluationProject {
  return {
    id: row.id,
    code: row.code,
    title: parseJson<Record<string, string>>(row.titleJson, {}),
    status: row.status as ProjectStatus,
    parentId: row.parentId,
    depth,
  };
}

/** One survey's analytics with the personal parts taken out (for the page and the PDF). */
function withoutPersonalData(a: TSurveyAnalytics): TSurveyAnalytics {
  return {
    ...a,
    questions: a.questions.map((q) => ({ ...q, texts: null })),
    gain: a.gain ? { ...a.gain, participants: null } : null,
  };
}

export interface Evidence {
  projects: TEvaluationProject[];
  frameworks: Array<{ projectId: string; framework: TResultsFramework }>;
  /** As the surveys service returns them: per-participant gains only with survey.results_read. */
  surveys: Array<{ projectId: string; analytics: TSurveyAnalytics }>;
  participants: { participants: number; completed: number };
}

/** The frameworks and survey analytics of some projects, from their own services. */
async function gather(ctx: ServiceContext, projects: TEvaluationProject[]): Promise<Evidence> {
  const orgId = ctx.actor.organizationId;
  const ids = projects.map((p) => p.id);
  const frameworks = [];
  for (const p of projects) {
    frameworks.push({ projectId: p.id, framework: await getFramework(ctx, p.id) });
  }
  const surveys = [];
  for (const s of await repo.surveyIdsOf(ctx.deps.db, orgId, ids)) {
    surveys.push({ projectId: s.projectId as string, analytics: await surveyAnalytics(ctx, s.id) });
  }
  const participants = await repo.participantCounts(ctx.deps.db, orgId, ids);
  return { projects, frameworks, surveys, participants };
}

/** The headline figures of some projects' evidence, pooled where pooling is meaningful. */
export function summarize(e: Evidence): TEvaluationSummary {
  const byStatus = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, 0])) as Record<
    (typeof INDICATOR_STATUSES)[number],
    number
  >;
  let total = 0;
  for (const { framework } of e.frameworks) {
    for (const r of framework.results) {
      for (const i of r.indicators) {
        byStatus[i.status.status] += 1;
        total += 1;
      }
    }
  }
  const byLevel = { L1: 0, L2: 0, L3: 0, L4: 0 };
  let responses = 0;
  const npsCounts: number[][] = [];
  const alphas: (number | null)[] = [];
  const gains = new Map<string, CohortGainFigures>();
  const applications: { invited: number; responded: number; applied: number }[] = [];
  const benefits: MoneyAmount[] = [];
  const costs = new Map<string, MoneyAmount>();
  let roiProblem: string | null = null;
  for (const { projectId, analytics: a } of e.surveys) {
    byLevel[a.survey.level] += 1;
    responses += a.counts.responses;
    for (const q of a.questions) {
      if (q.nps) {
        npsCounts.push(q.nps.counts);
      }
    }
    for (const s of a.scales) {
      alphas.push(s.alpha);
    }
    if (a.gain) {
      // The pre- and the post-test both carry the pair's gain: count it once.
      gains.set(`${a.gain.preTest.id}:${a.gain.postTest.id}`, a.gain);
    }
    if (a.application) {
      applications.push(a.application);
    }
    if (a.roi?.ok && a.roi.currency && a.roi.benefitsMinor !== null && a.roi.costsMinor !== null) {
      benefits.push({ amountMinor: a.roi.benefitsMinor, currency: a.roi.currency });
      costs.set(projectId, { amountMinor: a.roi.costsMinor, currency: a.roi.currency });
    } else if (a.roi && !a.roi.ok) {
      roiProblem ??= a.roi.problem;
    }
  }
  const nps = pooledNps(npsCounts);
  const roi = pooledRoi(benefits, costs);
  let roiOut: TEvaluationSummary['roi'] = null;
  if (roi?.ok) {
    roiOut = {
      ok: true,
      problem: null,
      currency: roi.currency,
      benefitsMinor: roi.benefitsMinor,
      costsMinor: roi.costsMinor,
      benefitCostRatio: roi.benefitCostRatio,
      roiPercent: roi.roiPercent,
    };
  } else if (roi || roiProblem) {
    roiOut = {
      ok: false,
      problem: roi && !roi.ok ? roi.code : roiProblem,
      currency: null,
      benefitsMinor: null,
      costsMinor: null,
      benefitCostRatio: null,
      roiPercent: null,
    };
  }
  return {
    projects: e.projects.length,
    participants: e.participants.participants,
    completed: e.participants.completed,
    indicators: { total, byStatus },
    surveys: { total: e.surveys.length, byLevel, responses },
    nps: nps && {
      n: nps.n,
      promoters: nps.promoters,
      passives: nps.passives,
      detractors: nps.detractors,
      score: nps.score,
    },
    alpha: alphaRange(alphas),
    gain: pooledGain([...gains.values()]),
    application: pooledApplication(applications),
    roi: roiOut,
  };
}

/** The project and, in the programme scope, its sub-projects (404 for another tenant's project). */
async function coveredProjects(ctx: ServiceContext, id: string, scope: 'project' | 'programme') {
  const orgId = ctx.actor.organizationId;
  const row = await repo.getProject(ctx.deps.db, orgId, id);
  if (!row) {
    throw notFound('Project');
  }
  const project = presentProject(row, 0);
  const children = scope === 'programme' ? await repo.descendantsOf(ctx.deps.db, orgId, id) : ([] as never[]);
  return {
    project,
    projects: [project, ...children.map((c) => presentProject(c, c.depth))],
    hasSubProjects:
      scope === 'programme' ? children.length > 0 : await repo.hasChildren(ctx.deps.db, orgId, id),
  };
}

/**
 * A project's evaluation page: its results frameworks with progress and status, its surveys by
 * Kirkpatrick level with their analytics, and the headline figures; in the programme scope the same
 * over the project and all its sub-projects.
 * @throws FORBIDDEN, NOT_FOUND (absent or another organization's project)
 */
export async function getProjectEvaluation(
  ctx: ServiceContext,
  id: string,
  scope: 'project' | 'programme' = 'project',
): Promise<TProjectEvaluation> {
  requirePermission(ctx, Permission.EvaluationReportRead);
  const covered = await coveredProjects(ctx, id, scope);
  const evidence = await gather(ctx, covered.projects);
  return {
    project: covered.project,
    scope,
    today: todayFor(ctx),
    projects: covered.projects,
    hasSubProjects: covered.hasSubProjects,
    summary: summarize(evidence),
    frameworks: evidence.frameworks,
    surveys: evidence.surveys.map((s) => ({ ...s, analytics: withoutPersonalData(s.analytics) })),
    abilities: { personalData: can(ctx, Permission.SurveyResultsRead) },
  };
}

// ---------------------------------------------------------------------------------------------
// Reports

export interface ReportContext {
  languages: Locale[];
  college: string;
  timeZone: string;
  /** The organization's today (YYYY-MM-DD). */
  today: string;
  /** "2026-03-15 12:04" in the organization's time zone. */
  generatedAt: string;
  /** Per-participant gains may be written (survey.results_read). */
  personalData: boolean;
}

export interface ProjectReport extends ReportContext {
  kind: 'project';
  scope: 'project' | 'programme';
  project: TEvaluationProject;
  evidence: Evidence;
  summary: TEvaluationSummary;
}

export interface PortfolioReport extends ReportContext {
  kind: 'portfolio';
  year: number;
  evidence: Evidence;
  summary: TEvaluationSummary;
  perProject: Array<{ project: TEvaluationProject; summary: TEvaluationSummary }>;
}

function reportLanguages(ctx: ServiceContext, asked: Locale[] | undefined): Locale[] {
  if (asked && asked.length > 0) {
    return asked;
  }
  const own = (LOCALES as readonly string[]).includes(ctx.actor.locale) ? (ctx.actor.locale as Locale) : 'en';
  return own === 'en' ? ['en'] : ['en', own];
}

function localDateTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const v = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${v('year')}-${v('month')}-${v('day')} ${v('hour')}:${v('minute')}`;
}

async function reportContext(ctx: ServiceContext, languages: Locale[] | undefined): Promise<ReportContext> {
  const org = await repo.organizationOf(ctx.deps.db, ctx.actor.organizationId);
  return {
    languages: reportLanguages(ctx, languages),
    college: org.name,
    timeZone: org.timeZone,
    today: todayFor(ctx),
    generatedAt: localDateTime(ctx.deps.clock.now().toISOString(), org.timeZone),
    personalData: can(ctx, Permission.SurveyResultsRead),
  };
}

/** Everything one project's (or programme's) report shows. */
export async function projectReport(
  ctx: ServiceContext,
  id: string,
  q: TProjectReportQuery,
): Promise<ProjectReport> {
  requirePermission(ctx, Permission.EvaluationReportRead);
  const covered = await coveredProjects(ctx, id, q.scope);
  const evidence = await gather(ctx, covered.projects);
  return {
    kind: 'project',
    scope: q.scope,
    ...(await reportContext(ctx, q.languages)),
    project: covered.project,
    evidence,
    summary: summarize(evidence),
  };
}

/**
 * Projects with each sub-project right after its parent (depth 1, 2, … under a parent in the list),
 * top-level ones and orphans by code.
 */
function treeOrder(rows: repo.ProjectRow[]): TEvaluationProject[] {
  const ids = new Set(rows.map((r) => r.id));
  const out: TEvaluationProject[] = [];
  const visit = (row: repo.ProjectRow, depth: number) => {
    out.push(presentProject(row, depth));
    for (const child of rows.filter((r) => r.parentId === row.id)) {
      visit(child, depth + 1);
    }
  };
  for (const row of rows.filter((r) => !r.parentId || !ids.has(r.parentId))) {
    visit(row, 0);
  }
  return out;
}

/** Everything the portfolio report shows: the college's projects running in a year. */
export async function portfolioReport(
  ctx: ServiceContext,
  q: TPortfolioReportQuery,
): Promise<PortfolioReport> {
  requirePermission(ctx, Permission.EvaluationReportRead);
  const context = await reportContext(ctx, q.languages);
  const year = q.year ?? Number(context.today.slice(0, 4));
  const rows = (await repo.activeProjects(ctx.deps.db, ctx.actor.organizationId)).filter((p) =>
    projectInYear(p, year),
  );
  const projects = treeOrder(rows);
  const evidence = await gather(ctx, projects);
  const perProject = [];
  for (const project of projects) {
    const own: Evidence = {
      projects: [project],
      frameworks: evidence.frameworks.filter((f) => f.projectId === project.id),
      surveys: evidence.surveys.filter((s) => s.projectId === project.id),
      participants: await repo.participantCounts(ctx.deps.db, ctx.actor.organizationId, [project.id]),
    };
    perProject.push({ project, summary: summarize(own) });
  }
  return { kind: 'portfolio', year, ...context, evidence, summary: summarize(evidence), perProject };
}
