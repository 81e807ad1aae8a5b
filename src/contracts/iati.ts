import { z } from 'zod';
import { ZId, ZVersion } from './common.js';

/**
 * IATI 2.03 publishing and import of cooperation projects (cooperation-and-evaluation.md §3).
 * Export: chosen projects → iati-activities XML, checked against the XSD, the codelists and the
 * IATI rules before it is offered. Import: an activity file (2.01–2.03) → projects with their
 * participating organisations, countries, sectors, budgets, transactions and results.
 */

/** Largest activity file accepted for import. */
export const IATI_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Most activities one import may hold (each becomes a project). */
export const IATI_IMPORT_MAX_ACTIVITIES = 500;
/** Most projects one export may hold. */
export const IATI_EXPORT_MAX_PROJECTS = 2000;

/** The college's org-id as IATI writes it: a registration-agency prefix and a number. */
export const ZIatiOrgId = z
  .string()
  .trim()
  .min(1, 'iati_org_id_required')
  .max(100)
  .regex(/^[A-Z]{2}(-[A-Za-z0-9]+)+(-[^\s]+)?$/, 'iati_org_id_format')
  .describe("IATI organisation identifier, e.g. 'CN-USCI-12440100MB2C00000X'");

export const ZIatiPublisherSchema = z.object({
  organizationId: ZId,
  name: z.string(),
  iatiOrgId: z.string().nullable(),
  /** IATI OrganisationType of the college as reporting organisation (80 Academic, Training and Research). */
  reportingOrgType: z.string(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), export: z.boolean(), import: z.boolean() }),
});
export type TIatiPublisher = z.infer<typeof ZIatiPublisherSchema>;

export const ZUpdateIatiPublisherRequestSchema = z.object({ version: ZVersion, iatiOrgId: ZIatiOrgId });

export const ZIatiExportRequestSchema = z.object({
  scope: z.enum(['all', 'selection']).describe('all: every project not archived; selection: projectIds'),
  projectIds: z.array(ZId).max(IATI_EXPORT_MAX_PROJECTS).default([]),
});
export type TIatiExportRequest = z.infer<typeof ZIatiExportRequestSchema>;

export const IATI_SEVERITIES = ['error', 'warning'] as const;

/**
 * Every problem code an export or an import can report (reader, codelists, rules, mapping, XSD),
 * each translated by the web as iati.problems.<code>; a test checks the sources against this list.
 */
export const IATI_PROBLEM_CODES = [
  // reading a file
  'unreadable_xml',
  'doctype_not_allowed',
  'not_iati_activities',
  'unsupported_version',
  'unknown_version',
  'missing_version',
  'no_activities',
  'missing_identifier',
  'too_many_activities',
  'duplicate_identifier',
  'budget_status_missing',
  'budget_type_missing',
  'date_time_truncated',
  'duplicate_element',
  'element_not_imported',
  'empty_code',
  'empty_narrative',
  'extension_element_ignored',
  'incomplete_budget',
  'incomplete_period',
  'incomplete_transaction',
  'invalid_boolean',
  'invalid_date',
  'invalid_hierarchy',
  'invalid_percentage',
  'invalid_year',
  'invalid_value',
  'value_out_of_range',
  'language_normalized',
  'legacy_code_mapped',
  'missing_attribute',
  'missing_currency',
  'missing_date',
  'missing_element',
  'missing_status',
  'missing_title',
  'missing_value',
  'missing_value_date',
  'percentage_rounded',
  'text_without_narrative',
  'unknown_element',
  'value_rounded',
  // codelists
  'unknown_code',
  'unknown_language',
  'unknown_country',
  'unknown_currency',
  'withdrawn_currency',
  'invalid_sector_code',
  'unknown_sector_code',
  'invalid_file_format',
  'indicator_value_not_numeric',
  // IATI rules
  'identifier_has_spaces',
  'identifier_not_prefixed',
  'not_an_org_id',
  'start_date_required',
  'end_before_start',
  'percentage_missing',
  'percentages_must_total_100',
  'budget_period_over_one_year',
  'negative_budget',
  // projects ↔ activities
  'no_participating_org',
  'description_required',
  'title_required',
  'result_without_indicators',
  'status_defaulted',
  'participant_not_imported',
  'participant_kept_as_narrative',
  'organisation_type_defaulted',
  'too_many_items',
  'country_not_imported',
  'percentages_dropped',
  'sector_vocabulary_not_imported',
  'sector_not_imported',
  'budget_not_imported',
  'transaction_not_imported',
  'element_not_kept',
  'text_truncated',
  'description_type_not_imported',
  'result_type_defaulted',
  'result_not_imported',
  'indicator_not_imported',
  'period_not_imported',
  'dimension_not_imported',
  'extra_baselines_ignored',
  'value_not_numeric',
  'code_adjusted',
  'results_kept',
  'project_invalid',
  // the whole file
  'no_projects',
  'xsd_invalid',
  'xml_not_well_formed',
] as const;

/** One finding about an exported activity or an imported one, addressed by an XPath-like path. */
export const ZIatiProblemSchema = z.object({
  path: z.string(),
  /** Stable code translated by the web (iati.problems.<code>). */
  code: z.string(),
  severity: z.enum(IATI_SEVERITIES),
  value: z.string().optional(),
  codelist: z.string().optional(),
  /** English explanation (xmllint's own words for schema errors). */
  message: z.string(),
  line: z.number().int().optional(),
});
export type TIatiProblem = z.infer<typeof ZIatiProblemSchema>;

export const ZIatiExportActivitySchema = z.object({
  projectId: ZId,
  code: z.string(),
  title: z.record(z.string(), z.string()),
  identifier: z.string(),
  problems: z.array(ZIatiProblemSchema),
});

export const ZIatiExportPreviewSchema = z.object({
  /** true: no error anywhere, the file can be downloaded. */
  valid: z.boolean(),
  fileName: z.string(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  /** Problems of the whole document (not tied to one project). */
  documentProblems: z.array(ZIatiProblemSchema),
  activities: z.array(ZIatiExportActivitySchema),
});
export type TIatiExportPreview = z.infer<typeof ZIatiExportPreviewSchema>;

export const IATI_IMPORT_ACTIONS = ['create', 'update'] as const;

/** What an import would do with one activity, as the preview shows it and the import re-checks. */
export const ZIatiImportPlanItem = z.object({
  identifier: z.string(),
  action: z.enum(IATI_IMPORT_ACTIONS),
  projectId: ZId.nullable(),
  projectVersion: z.number().int().nullable(),
});
export type TIatiImportPlanItem = z.infer<typeof ZIatiImportPlanItem>;

export const ZIatiImportActivitySchema = ZIatiImportPlanItem.extend({
  path: z.string(),
  code: z.string(),
  title: z.record(z.string(), z.string()),
  status: z.string(),
  countries: z.array(z.string()),
  sectors: z.array(z.string()),
  budgets: z.number().int(),
  transactions: z.number().int(),
  results: z.number().int(),
  participants: z.array(
    z.object({
      role: z.string(),
      name: z.string(),
      ref: z.string().nullable(),
      match: z.enum(['own', 'partner', 'new_partner', 'narrative_only']),
    }),
  ),
  warnings: z.array(ZIatiProblemSchema),
  errors: z.array(ZIatiProblemSchema),
});
export type TIatiImportActivity = z.infer<typeof ZIatiImportActivitySchema>;

export const ZIatiImportPreviewSchema = z.object({
  fileName: z.string(),
  version: z.string().nullable(),
  /** true: no errors, the import may run. */
  canImport: z.boolean(),
  /** Problems of the file itself (unreadable XML, unsupported version, …). */
  fileErrors: z.array(ZIatiProblemSchema),
  fileWarnings: z.array(ZIatiProblemSchema),
  activities: z.array(ZIatiImportActivitySchema),
});
export type TIatiImportPreview = z.infer<typeof ZIatiImportPreviewSchema>;

export const ZIatiImportResultSchema = z.object({
  created: z.array(z.object({ identifier: z.string(), projectId: ZId })),
  updated: z.array(z.object({ identifier: z.string(), projectId: ZId })),
  partnersCreated: z.number().int(),
  results: z.number().int(),
});
export type TIatiImportResult = z.infer<typeof ZIatiImportResultSchema>;
