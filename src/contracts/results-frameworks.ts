import { z } from 'zod';
import {
  FRAMEWORK_PROBLEM_CODES,
  INDICATOR_MEASURES,
  INDICATOR_SOURCES,
  INDICATOR_STATUSES,
  RESULT_TYPES,
} from '../domain/evaluation/results-framework.js';
import { ZId, ZIsoDate, ZLocalizedText, ZVersion } from './common.js';

/**
 * The results framework (logframe) of a project (cooperation-and-evaluation.md §2.2): results →
 * indicators → periods with target and actual, evidence files per period. Progress and status are
 * computed on read by src/domain/evaluation and never stored.
 */

export { FRAMEWORK_PROBLEM_CODES, INDICATOR_MEASURES, INDICATOR_SOURCES, INDICATOR_STATUSES, RESULT_TYPES };

/** Evidence files: the document types of attachments, at most 20 MiB each. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/** Text per language that may be empty (descriptions, comments). */
const ZOptionalText = z
  .record(z.string().min(2).max(10), z.string().trim().max(4000))
  .default({})
  .describe('Text per language tag; may be empty');

const ZValue = z.number().min(-1e15, 'value_range').max(1e15, 'value_range');

export const ZDimensionName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'dimension_name_format')
  .describe('Disaggregation name, e.g. sex, country, age_group');

export const ZDisaggregationInput = z.object({
  name: ZDimensionName,
  values: z
    .array(z.string().trim().min(1, 'dimension_value_required').max(60))
    .max(50)
    .default([])
    .describe('Allowed values; empty = open (e.g. any ISO country code)'),
});

export const ZBaselineInput = z.object({
  year: z
    .number()
    .int('baseline_year_range')
    .min(1900, 'baseline_year_range')
    .max(9999, 'baseline_year_range'),
  isoDate: ZIsoDate.nullable().default(null),
  value: ZValue.nullable().default(null),
  comment: ZOptionalText,
});

export const ZIndicatorInput = z.object({
  code: z.string().trim().max(50).nullable().default(null),
  title: ZLocalizedText,
  description: ZOptionalText,
  definition: ZOptionalText,
  meansOfVerification: ZOptionalText,
  measure: z.enum(INDICATOR_MEASURES),
  ascending: z.boolean().default(true),
  aggregation: z.enum(['level', 'sum']).default('level'),
  unitLabel: ZOptionalText.describe('What one unit counts; for measure unit only'),
  baseline: ZBaselineInput.nullable().default(null),
  disaggregations: z.array(ZDisaggregationInput).max(10).default([]),
  sourceKey: z
    .enum(INDICATOR_SOURCES)
    .nullable()
    .default(null)
    .describe('Platform figure shown beside the actuals'),
});
export type TIndicatorInput = z.infer<typeof ZIndicatorInput>;

export const ZResultInput = z.object({
  type: z.enum(RESULT_TYPES),
  title: ZLocalizedText,
  description: ZOptionalText,
  assumptions: ZOptionalText,
  risks: ZOptionalText,
  aggregationStatus: z.boolean().default(false).describe('IATI result/@aggregation-status'),
});
export type TResultInput = z.infer<typeof ZResultInput>;

export const ZDimensionValue = z.object({
  name: ZDimensionName,
  value: z.string().trim().min(1, 'dimension_value_required').max(60),
});

export const ZValueInput = z.object({
  value: ZValue.nullable().default(null),
  comment: ZOptionalText,
  breakdown: z
    .array(z.object({ dimensions: z.array(ZDimensionValue).min(1).max(5), value: ZValue.nullable() }))
    .max(300)
    .default([]),
});
export type TValueInput = z.infer<typeof ZValueInput>;

export const ZPeriodInput = z
  .object({
    start: ZIsoDate,
    end: ZIsoDate,
    target: ZValueInput,
    actual: ZValueInput.nullable().default(null).describe('null: nothing reported yet'),
  })
  .refine((p) => p.end >= p.start, { path: ['end'], message: 'end_before_start' });
export type TPeriodInput = z.infer<typeof ZPeriodInput>;

export const ZProjectResultsParams = z.object({ projectId: ZId });
export const ZResultParams = ZProjectResultsParams.extend({ resultId: ZId });
export const ZIndicatorParams = ZProjectResultsParams.extend({ indicatorId: ZId });
export const ZPeriodParams = ZProjectResultsParams.extend({ periodId: ZId });
export const ZEvidenceParams = ZPeriodParams.extend({ evidenceId: ZId });
export const ZVersionQuery = z.object({ version: z.coerce.number().int().min(1) });

export const ZCreateResultRequestSchema = ZResultInput;
export const ZUpdateResultRequestSchema = z.object({ version: ZVersion, data: ZResultInput });
export const ZCreateIndicatorRequestSchema = ZIndicatorInput;
export const ZCreateIndicatorFromTemplateRequestSchema = z.object({
  templateKey: z.string().trim().min(1).max(60),
});
export const ZUpdateIndicatorRequestSchema = z.object({ version: ZVersion, data: ZIndicatorInput });
export const ZCreatePeriodRequestSchema = ZPeriodInput;
export const ZUpdatePeriodRequestSchema = z.object({ version: ZVersion, data: ZPeriodInput });
export const ZCopyPlatformFigureRequestSchema = z.object({ version: ZVersion });

// ---------------------------------------------------------------------------------------------
// Answers

const ZText = z.record(z.string(), z.string());

const ZBreakdownOut = z.array(
  z.object({
    dimensions: z.array(z.object({ name: z.string(), value: z.string() })),
    value: z.number().nullable(),
  }),
);

export const ZValueSchema = z.object({
  value: z.number().nullable(),
  comment: ZText,
  breakdown: ZBreakdownOut,
});

export const PROGRESS_GAPS = [
  'measure_without_progress',
  'no_baseline',
  'no_target',
  'no_actual',
  'target_against_direction',
] as const;

export const ZProgressSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ratio'),
    ratio: z.number(),
    percent: z.number(),
    clampedPercent: z.number(),
    achieved: z.boolean(),
    maintain: z.boolean(),
    baseline: z.number(),
    target: z.number(),
    actual: z.number(),
  }),
  z.object({ kind: z.literal('none'), reason: z.enum(PROGRESS_GAPS) }),
]);
export type TProgress = z.infer<typeof ZProgressSchema>;

export const ZEvidenceSchema = z.object({
  id: ZId,
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});
export type TEvidence = z.infer<typeof ZEvidenceSchema>;

/** Why a platform source gives no figure. */
export const PLATFORM_FIGURE_GAPS = ['source_not_available'] as const;

/** What the platform counted for a source, and the records it came from (links in the web app). */
export const PLATFORM_CONTRIBUTOR_KINDS = ['cohort', 'mobility', 'competition', 'posting'] as const;

export const ZPlatformFigureSchema = z.object({
  value: z.number().int().nullable(),
  breakdown: ZBreakdownOut,
  contributors: z.array(
    z.object({
      kind: z.enum(PLATFORM_CONTRIBUTOR_KINDS),
      id: ZId,
      label: ZText,
      count: z.number().int(),
    }),
  ),
  /** Records found without the date that places them in a period (e.g. a cohort without an end date). */
  undated: z.number().int(),
});
export type TPlatformFigure = z.infer<typeof ZPlatformFigureSchema>;

export const ZIndicatorSourceSchema = z.object({
  key: z.enum(INDICATOR_SOURCES),
  available: z.boolean(),
  reason: z.enum(PLATFORM_FIGURE_GAPS).nullable(),
  countedAt: z.string(),
});

export const ZPeriodSchema = z.object({
  id: ZId,
  start: ZIsoDate,
  end: ZIsoDate,
  target: ZValueSchema,
  actual: ZValueSchema.nullable(),
  actualSourceKey: z.enum(INDICATOR_SOURCES).nullable(),
  actualCopiedAt: z.string().nullable(),
  progress: ZProgressSchema,
  platform: ZPlatformFigureSchema.nullable(),
  evidence: z.array(ZEvidenceSchema),
  version: z.number().int(),
});
export type TPeriod = z.infer<typeof ZPeriodSchema>;

export const ZIndicatorStatusSchema = z.object({
  status: z.enum(INDICATOR_STATUSES),
  expectedShare: z.number().nullable(),
  asOf: z.string().nullable(),
  shortfall: z.number().nullable(),
});

export const ZIndicatorSchema = z.object({
  id: ZId,
  resultId: ZId,
  code: z.string().nullable(),
  title: ZText,
  description: ZText,
  definition: ZText,
  meansOfVerification: ZText,
  measure: z.enum(INDICATOR_MEASURES),
  ascending: z.boolean(),
  aggregation: z.enum(['level', 'sum']),
  unitLabel: ZText,
  baseline: z
    .object({
      year: z.number().int(),
      isoDate: z.string().nullable(),
      value: z.number().nullable(),
      comment: ZText,
    })
    .nullable(),
  disaggregations: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  templateKey: z.string().nullable(),
  sourceKey: z.enum(INDICATOR_SOURCES).nullable(),
  source: ZIndicatorSourceSchema.nullable(),
  progress: ZProgressSchema,
  measuredPeriodEnd: z.string().nullable(),
  status: ZIndicatorStatusSchema,
  periods: z.array(ZPeriodSchema),
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export type TIndicator = z.infer<typeof ZIndicatorSchema>;

export const ZResultSchema = z.object({
  id: ZId,
  type: z.enum(RESULT_TYPES),
  title: ZText,
  description: ZText,
  assumptions: ZText,
  risks: ZText,
  aggregationStatus: z.boolean(),
  sortOrder: z.number().int(),
  status: z.enum(INDICATOR_STATUSES),
  statusCounts: z.record(z.enum(INDICATOR_STATUSES), z.number().int()),
  indicators: z.array(ZIndicatorSchema),
  version: z.number().int(),
});
export type TResult = z.infer<typeof ZResultSchema>;

export const ZFrameworkProblemSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.enum(FRAMEWORK_PROBLEM_CODES),
  severity: z.enum(['error', 'warning']),
  resultId: ZId.nullable(),
  indicatorId: ZId.nullable(),
  periodId: ZId.nullable(),
});
export type TFrameworkProblem = z.infer<typeof ZFrameworkProblemSchema>;

export const ZResultsFrameworkSchema = z.object({
  projectId: ZId,
  /** The date progress and status were judged at (the organization's today). */
  today: ZIsoDate,
  /** The project's languages (those of its title), in which templates are copied. */
  languages: z.array(z.string()),
  results: z.array(ZResultSchema),
  problems: z.array(ZFrameworkProblemSchema),
  abilities: z.object({ write: z.boolean() }),
});
export type TResultsFramework = z.infer<typeof ZResultsFrameworkSchema>;

/** Every change answers with the id it touched and the whole framework as it now is. */
export const ZResultsFrameworkChangeSchema = z.object({ id: ZId, framework: ZResultsFrameworkSchema });
export type TResultsFrameworkChange = z.infer<typeof ZResultsFrameworkChangeSchema>;
