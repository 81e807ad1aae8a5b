import { z } from 'zod';
import { INDICATOR_STATUSES } from '../domain/evaluation/results-framework.js';
import { LOCALES, type Locale, ZId } from './common.js';
import { ZProjectStatus } from './projects.js';
import { ZResultsFrameworkSchema } from './results-frameworks.js';
import { ZSurveyAnalyticsSchema } from './surveys.js';

/**
 * Evaluation pages and reports (issue 5): a project's or programme's indicators and surveys with
 * the headline figures pooled by src/domain/evaluation/programme-rollup.ts, and the bilingual PDF
 * report and XLSX data per project and per portfolio.
 */

export const ZEvaluationParams = z.object({ id: ZId });

export const ZEvaluationScope = z
  .enum(['project', 'programme'])
  .describe('programme: the project with all its sub-projects');

export const ZEvaluationQuery = z.object({ scope: ZEvaluationScope.default('project') });

/**
 * `languages=en,zh-CN`: one or two distinct UI languages, each heading and label of the report is
 * written in both (the first on top). Default: English and the user's language.
 */
export const ZReportLanguages = z
  .string()
  .trim()
  .max(40)
  .optional()
  .transform((s, ctx): Locale[] | undefined => {
    if (s === undefined || s === '') {
      return undefined;
    }
    const parts = s.split(',').map((p) => p.trim());
    if (parts.some((p) => !(LOCALES as readonly string[]).includes(p))) {
      ctx.addIssue({ code: 'custom', message: 'unsupported_language' });
      return z.NEVER;
    }
    if (new Set(parts).size !== parts.length) {
      ctx.addIssue({ code: 'custom', message: 'duplicate_language' });
      return z.NEVER;
    }
    if (parts.length > 2) {
      ctx.addIssue({ code: 'custom', message: 'too_many_languages' });
      return z.NEVER;
    }
    return parts as Locale[];
  })
  .describe('One or two of en, zh-CN, fr, ar, comma-separated');

export const ZProjectReportQuery = z.object({
  scope: ZEvaluationScope.default('project'),
  languages: ZReportLanguages,
});
export type TProjectReportQuery = z.infer<typeof ZProjectReportQuery>;

export const ZPortfolioReportQuery = z.object({
  year: z.coerce
    .number()
    .int('year_range')
    .min(1900, 'year_range')
    .max(2200, 'year_range')
    .optional()
    .describe('Projects whose planned or actual period overlaps this year; default: this year'),
  languages: ZReportLanguages,
});
export type TPortfolioReportQuery = z.infer<typeof ZPortfolioReportQuery>;

const ZNum = z.number().nullable();
const ZBand = z.enum(['low', 'medium', 'high']).nullable();

/** Headline figures of a project, a programme or a portfolio (what pools is pooled). */
export const ZEvaluationSummarySchema = z.object({
  projects: z.number().int(),
  /** Distinct people enrolled (confirmed, attending or completed) in the projects' cohorts. */
  participants: z.number().int(),
  completed: z.number().int(),
  indicators: z.object({
    total: z.number().int(),
    byStatus: z.record(z.enum(INDICATOR_STATUSES), z.number().int()),
  }),
  surveys: z.object({
    total: z.number().int(),
    byLevel: z.record(z.enum(['L1', 'L2', 'L3', 'L4']), z.number().int()),
    responses: z.number().int(),
  }),
  nps: z
    .object({
      n: z.number().int(),
      promoters: z.number().int(),
      passives: z.number().int(),
      detractors: z.number().int(),
      score: ZNum,
    })
    .nullable(),
  alpha: z
    .object({
      scales: z.number().int(),
      computed: z.number().int(),
      min: ZNum,
      max: ZNum,
      acceptable: z.number().int(),
      threshold: z.number(),
    })
    .nullable(),
  gain: z
    .object({
      cohorts: z.number().int(),
      n: z.number().int(),
      preMean: ZNum,
      postMean: ZNum,
      classGain: ZNum,
      classGainBand: ZBand,
      meanIndividualGain: ZNum,
      meanIndividualGainBand: ZBand,
      nIndividual: z.number().int(),
    })
    .nullable(),
  application: z
    .object({
      invited: z.number().int(),
      responded: z.number().int(),
      applied: z.number().int(),
      applicationRate: ZNum,
      responseRate: ZNum,
    })
    .nullable(),
  roi: z
    .object({
      ok: z.boolean(),
      problem: z.string().nullable(),
      currency: z.string().nullable(),
      benefitsMinor: z.number().int().nullable(),
      costsMinor: z.number().int().nullable(),
      benefitCostRatio: ZNum,
      roiPercent: ZNum,
    })
    .nullable(),
});
export type TEvaluationSummary = z.infer<typeof ZEvaluationSummarySchema>;

export const ZEvaluationProjectSchema = z.object({
  id: ZId,
  code: z.string(),
  title: z.record(z.string(), z.string()),
  status: ZProjectStatus,
  parentId: ZId.nullable(),
  /** 0 for the project the page is about, 1 for its sub-projects, … */
  depth: z.number().int(),
});
export type TEvaluationProject = z.infer<typeof ZEvaluationProjectSchema>;

export const ZProjectEvaluationSchema = z.object({
  project: ZEvaluationProjectSchema,
  scope: ZEvaluationScope,
  /** The organization's today: progress and status are judged at this date. */
  today: z.string(),
  /** The projects covered: the project, and in the programme scope its sub-projects. */
  projects: z.array(ZEvaluationProjectSchema),
  /** Whether the project has sub-projects (the programme view is offered). */
  hasSubProjects: z.boolean(),
  summary: ZEvaluationSummarySchema,
  frameworks: z.array(z.object({ projectId: ZId, framework: ZResultsFrameworkSchema })),
  /**
   * Every survey of the covered projects with its analytics; aggregate figures only (free-text
   * answers and per-participant gains are on the survey's own results page).
   */
  surveys: z.array(z.object({ projectId: ZId, analytics: ZSurveyAnalyticsSchema })),
  abilities: z.object({ personalData: z.boolean() }),
});
export type TProjectEvaluation = z.infer<typeof ZProjectEvaluationSchema>;
