import type { Selectable } from 'kysely';
import type {
  TIndicatorInput,
  TPeriodInput,
  TResultInput,
  TValueInput,
} from '../../../contracts/results-frameworks.js';
import type { Database } from '../../platform/db/database.js';
import type { Executor } from '../../platform/db/executor.js';
import { fromBool, toJson } from '../../platform/db/sql-helpers.js';
import type {
  IndicatorEvidenceRow,
  IndicatorPeriodRow,
  ProjectResultRow,
  ResultIndicatorRow,
} from './results-frameworks.tables.js';

/** The project, when it is in the organization (else undefined: the caller answers 404). */
export function getProject(db: Executor, organizationId: string, projectId: string) {
  return db
    .selectFrom('projects')
    .select(['id', 'titleJson'])
    .where('organizationId', '=', organizationId)
    .where('id', '=', projectId)
    .executeTakeFirst();
}

export interface FrameworkRows {
  results: ProjectResultRow[];
  indicators: ResultIndicatorRow[];
  periods: IndicatorPeriodRow[];
  evidence: IndicatorEvidenceRow[];
}

/** Every row of a project's framework, in display order. */
export async function loadFrameworkRows(
  db: Executor,
  organizationId: string,
  projectId: string,
): Promise<FrameworkRows> {
  const [results, indicators, periods, evidence] = await Promise.all([
    db
      .selectFrom('projectResults')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('projectId', '=', projectId)
      .orderBy('sortOrder')
      .orderBy('createdAt')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('resultIndicators')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('projectId', '=', projectId)
      .orderBy('sortOrder')
      .orderBy('createdAt')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('indicatorPeriods')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('projectId', '=', projectId)
      .orderBy('periodStart')
      .orderBy('periodEnd')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('indicatorEvidence')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('projectId', '=', projectId)
      .where('deletedAt', 'is', null)
      .orderBy('uploadedAt')
      .orderBy('id')
      .execute(),
  ]);
  return { results, indicators, periods, evidence };
}

/**
 * One row of a project's framework by id. Results, indicators and periods are looked up the same
 * way (inside the organization and the project: another project's row is not found), so they share
 * one query.
 */
function rowOfProject<T extends 'projectResults' | 'resultIndicators' | 'indicatorPeriods'>(table: T) {
  return (db: Executor, organizationId: string, projectId: string, id: string) =>
    db
      .selectFrom(table as 'projectResults' | 'resultIndicators' | 'indicatorPeriods')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('projectId', '=', projectId)
      .where('id', '=', id)
      .executeTakeFirst() as Promise<Selectable<Database[T]> | undefined>;
}

export const getResult = rowOfProject('projectResults');
export const getIndicator = rowOfProject('resultIndicators');
export const getPeriod = rowOfProject('indicatorPeriods');

export function getEvidence(db: Executor, organizationId: string, periodId: string, id: string) {
  return db
    .selectFrom('indicatorEvidence')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('periodId', '=', periodId)
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
}

/** The next sort position after the last result of the project or indicator of the result. */
export async function nextSortOrder(
  db: Executor,
  organizationId: string,
  table: 'projectResults' | 'resultIndicators',
  parent: { projectId: string } | { resultId: string },
): Promise<number> {
  let q = db
    .selectFrom(table)
    .select((eb) => eb.fn.max<number | null>('sortOrder').as('last'))
    .where('organizationId', '=', organizationId);
  q =
    'projectId' in parent
      ? q.where('projectId', '=', parent.projectId)
      : q.where('resultId', '=', parent.resultId);
  const row = await q.executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

const nonEmpty = (text: Record<string, string>) =>
  Object.fromEntries(Object.entries(text).filter(([, v]) => v.trim().length > 0));

export function resultColumns(input: TResultInput) {
  return {
    resultType: input.type,
    titleJson: toJson(nonEmpty(input.title)),
    descriptionJson: toJson(nonEmpty(input.description)),
    assumptionsJson: toJson(nonEmpty(input.assumptions)),
    risksJson: toJson(nonEmpty(input.risks)),
    aggregationStatus: fromBool(input.aggregationStatus),
  };
}

export function indicatorColumns(input: TIndicatorInput) {
  return {
    code: input.code?.trim() || null,
    measure: input.measure,
    ascending: fromBool(input.ascending),
    aggregation: input.aggregation,
    titleJson: toJson(nonEmpty(input.title)),
    descriptionJson: toJson(nonEmpty(input.description)),
    definitionJson: toJson(nonEmpty(input.definition)),
    meansOfVerificationJson: toJson(nonEmpty(input.meansOfVerification)),
    unitLabelJson: toJson(nonEmpty(input.unitLabel)),
    baselineYear: input.baseline?.year ?? null,
    baselineIsoDate: input.baseline?.isoDate ?? null,
    baselineValue: input.baseline?.value ?? null,
    baselineCommentJson: toJson(nonEmpty(input.baseline?.comment ?? {})),
    disaggregationsJson: toJson(input.disaggregations),
    sourceKey: input.sourceKey,
  };
}

const breakdownJson = (v: TValueInput) =>
  toJson(v.breakdown.map((b) => ({ dimensions: b.dimensions, value: b.value })));

export function periodColumns(input: TPeriodInput) {
  const actual = input.actual;
  return {
    periodStart: input.start,
    periodEnd: input.end,
    targetValue: input.target.value,
    targetCommentJson: toJson(nonEmpty(input.target.comment)),
    targetBreakdownJson: breakdownJson(input.target),
    hasActual: actual ? 1 : 0,
    actualValue: actual?.value ?? null,
    actualCommentJson: toJson(nonEmpty(actual?.comment ?? {})),
    actualBreakdownJson: actual ? breakdownJson(actual) : '[]',
  };
}
