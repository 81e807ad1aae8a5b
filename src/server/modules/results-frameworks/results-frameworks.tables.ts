import type { Selectable } from 'kysely';
import type { IndicatorMeasure, IndicatorSource, ResultType } from '../../../domain/evaluation/index.js';

// The tables of migration 2026-11-29T0200_results_frameworks. JSON columns are text; 0/1 are flags.

interface Stamps {
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
}

export interface ProjectResultsTable extends Stamps {
  id: string;
  organizationId: string;
  projectId: string;
  resultType: ResultType;
  titleJson: string;
  descriptionJson: string;
  assumptionsJson: string;
  risksJson: string;
  aggregationStatus: number;
  sortOrder: number;
}

export interface ResultIndicatorsTable extends Stamps {
  id: string;
  organizationId: string;
  projectId: string;
  resultId: string;
  code: string | null;
  measure: IndicatorMeasure;
  ascending: number;
  aggregation: 'level' | 'sum';
  titleJson: string;
  descriptionJson: string;
  definitionJson: string;
  meansOfVerificationJson: string;
  unitLabelJson: string;
  baselineYear: number | null;
  baselineIsoDate: string | null;
  baselineValue: number | null;
  baselineCommentJson: string;
  disaggregationsJson: string;
  templateKey: string | null;
  sourceKey: IndicatorSource | null;
  sortOrder: number;
}

export interface IndicatorPeriodsTable extends Stamps {
  id: string;
  organizationId: string;
  projectId: string;
  indicatorId: string;
  periodStart: string;
  periodEnd: string;
  targetValue: number | null;
  targetCommentJson: string;
  targetBreakdownJson: string;
  hasActual: number;
  actualValue: number | null;
  actualCommentJson: string;
  actualBreakdownJson: string;
  actualSourceKey: IndicatorSource | null;
  actualCopiedAt: string | null;
}

export interface IndicatorEvidenceTable {
  id: string;
  organizationId: string;
  projectId: string;
  periodId: string;
  title: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string | null;
  uploadedAt: string;
  deletedAt: string | null;
}

export type ProjectResultRow = Selectable<ProjectResultsTable>;
export type ResultIndicatorRow = Selectable<ResultIndicatorsTable>;
export type IndicatorPeriodRow = Selectable<IndicatorPeriodsTable>;
export type IndicatorEvidenceRow = Selectable<IndicatorEvidenceTable>;

export interface ResultsFrameworkTables {
  projectResults: ProjectResultsTable;
  resultIndicators: ResultIndicatorsTable;
  indicatorPeriods: IndicatorPeriodsTable;
  indicatorEvidence: IndicatorEvidenceTable;
}
