import type { LocalizedText } from '../../../contracts/common.js';
import type {
  TEvidence,
  TFrameworkProblem,
  TIndicator,
  TPlatformFigure,
  TResult,
  TResultsFramework,
} from '../../../contracts/results-frameworks.js';
import {
  type DisaggregatedValue,
  type DisaggregationDimension,
  type Indicator,
  type IndicatorSource,
  type IndicatorValue,
  indicatorProgress,
  indicatorStatus,
  type ResultNode,
  rollUpStatus,
  validateResultsFramework,
} from '../../../domain/evaluation/index.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import { figureForPeriod, type SourceEvents } from './platform-figures.js';
import type { FrameworkRows } from './results-frameworks.repository.js';
import type {
  IndicatorEvidenceRow,
  IndicatorPeriodRow,
  ProjectResultRow,
  ResultIndicatorRow,
} from './results-frameworks.tables.js';

const text = (json: string): LocalizedText => parseJson<LocalizedText>(json, {});
const orNull = (t: LocalizedText): LocalizedText | null =>
  Object.values(t).some((v) => v.trim().length > 0) ? t : null;

function targetOf(p: IndicatorPeriodRow): IndicatorValue {
  return {
    value: p.targetValue,
    comment: orNull(text(p.targetCommentJson)),
    breakdown: parseJson<DisaggregatedValue[]>(p.targetBreakdownJson, []),
  };
}

function actualOf(p: IndicatorPeriodRow): IndicatorValue | null {
  if (p.hasActual !== 1) {
    return null;
  }
  return {
    value: p.actualValue,
    comment: orNull(text(p.actualCommentJson)),
    breakdown: parseJson<DisaggregatedValue[]>(p.actualBreakdownJson, []),
  };
}

export function disaggregationsOf(row: ResultIndicatorRow): DisaggregationDimension[] {
  return parseJson<DisaggregationDimension[]>(row.disaggregationsJson, []);
}

/** An indicator row and its periods as the domain sees it (§2.2). */
export function toDomainIndicator(
  row: ResultIndicatorRow,
  periods: readonly IndicatorPeriodRow[],
): Indicator {
  return {
    code: row.code,
    title: text(row.titleJson),
    definition: orNull(text(row.definitionJson)),
    measure: row.measure,
    ascending: row.ascending === 1,
    aggregation: row.aggregation,
    unitLabel: orNull(text(row.unitLabelJson)),
    meansOfVerification: orNull(text(row.meansOfVerificationJson)),
    disaggregations: disaggregationsOf(row),
    references: [],
    baseline:
      row.baselineYear === null
        ? null
        : {
            year: row.baselineYear,
            isoDate: row.baselineIsoDate,
            value: row.baselineValue,
            comment: orNull(text(row.baselineCommentJson)),
          },
    periods: periods.map((p) => ({
      start: p.periodStart,
      end: p.periodEnd,
      target: targetOf(p),
      actual: actualOf(p),
    })),
    source: row.sourceKey,
    comment: null,
  };
}

export function toDomainResult(row: ProjectResultRow, indicators: Indicator[]): ResultNode {
  return {
    type: row.resultType,
    title: text(row.titleJson),
    description: orNull(text(row.descriptionJson)),
    assumptions: orNull(text(row.assumptionsJson)),
    risks: orNull(text(row.risksJson)),
    indicators,
  };
}

function group<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) {
      list.push(r);
    } else {
      m.set(k, [r]);
    }
  }
  return m;
}

export function presentEvidence(row: IndicatorEvidenceRow): TEvidence {
  return {
    id: row.id,
    title: row.title,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedAt: row.uploadedAt,
    uploadedBy: row.uploadedBy,
  };
}

const outValue = (v: IndicatorValue) => ({
  value: v.value,
  comment: v.comment ?? {},
  breakdown: v.breakdown.map((b) => ({ dimensions: [...b.dimensions], value: b.value })),
});

export interface PresentOptions {
  projectId: string;
  today: string;
  languages: string[];
  canWrite: boolean;
  /** Events of every automatic source the framework uses. */
  sources: ReadonlyMap<IndicatorSource, SourceEvents>;
  countedAt: string;
}

/**
 * The framework as the API shows it: every stored value, and progress and status computed now by
 * the domain at `today` (never stored), the platform's own figure per period for automatic
 * indicators, and the problems of `validateResultsFramework` with the ids they concern.
 */
export function presentFramework(rows: FrameworkRows, o: PresentOptions): TResultsFramework {
  const indicatorsByResult = group(rows.indicators, (i) => i.resultId);
  const periodsByIndicator = group(rows.periods, (p) => p.indicatorId);
  const evidenceByPeriod = group(rows.evidence, (e) => e.periodId);

  const domainResults: ResultNode[] = [];
  const results: TResult[] = rows.results.map((r) => {
    const indicatorRows = indicatorsByResult.get(r.id) ?? [];
    const domainIndicators: Indicator[] = [];
    const indicators: TIndicator[] = indicatorRows.map((row) => {
      const periodRows = periodsByIndicator.get(row.id) ?? [];
      const domain = toDomainIndicator(row, periodRows);
      domainIndicators.push(domain);
      const progress = indicatorProgress(domain);
      const status = indicatorStatus(domain, o.today);
      const progressByPeriod = new Map(progress.periods.map((p) => [`${p.start}/${p.end}`, p.progress]));
      const events = row.sourceKey ? o.sources.get(row.sourceKey) : undefined;
      return {
        id: row.id,
        resultId: row.resultId,
        code: row.code,
        title: domain.title,
        description: text(row.descriptionJson),
        definition: domain.definition ?? {},
        meansOfVerification: domain.meansOfVerification ?? {},
        measure: row.measure,
        ascending: domain.ascending,
        aggregation: row.aggregation,
        unitLabel: domain.unitLabel ?? {},
        baseline: domain.baseline ? { ...domain.baseline, comment: domain.baseline.comment ?? {} } : null,
        disaggregations: domain.disaggregations.map((d) => ({ name: d.name, values: [...d.values] })),
        templateKey: row.templateKey,
        sourceKey: row.sourceKey,
        source: row.sourceKey
          ? {
              key: row.sourceKey,
              available: events?.available ?? false,
              reason: events?.available ? null : 'source_not_available',
              countedAt: o.countedAt,
            }
          : null,
        progress: progress.overall.progress,
        measuredPeriodEnd: progress.overall.measuredPeriodEnd,
        status: {
          status: status.status,
          expectedShare: status.expectedShare,
          asOf: status.asOf,
          shortfall: status.shortfall,
        },
        periods: periodRows.map((p, i) => {
          const d = domain.periods[i] as Indicator['periods'][number];
          const platform: TPlatformFigure | null =
            events?.available === true
              ? figureForPeriod(events, p.periodStart, p.periodEnd, domain.disaggregations)
              : null;
          return {
            id: p.id,
            start: p.periodStart,
            end: p.periodEnd,
            target: outValue(d.target as IndicatorValue),
            actual: d.actual ? outValue(d.actual) : null,
            actualSourceKey: p.actualSourceKey,
            actualCopiedAt: p.actualCopiedAt,
            progress: progressByPeriod.get(`${p.periodStart}/${p.periodEnd}`) ?? {
              kind: 'none',
              reason: 'no_actual',
            },
            platform,
            evidence: (evidenceByPeriod.get(p.id) ?? []).map(presentEvidence),
            version: p.version,
          };
        }),
        sortOrder: row.sortOrder,
        version: row.version,
      };
    });
    const node = toDomainResult(r, domainIndicators);
    domainResults.push(node);
    const rollup = rollUpStatus(indicators.map((i) => i.status.status));
    return {
      id: r.id,
      type: r.resultType,
      title: node.title,
      description: node.description ?? {},
      assumptions: node.assumptions ?? {},
      risks: node.risks ?? {},
      aggregationStatus: r.aggregationStatus === 1,
      sortOrder: r.sortOrder,
      status: rollup.status,
      statusCounts: rollup.counts,
      indicators,
      version: r.version,
    };
  });

  const problems: TFrameworkProblem[] = validateResultsFramework({ results: domainResults }).map((p) => {
    const [, r, , i, , pi] = p.path;
    const result = typeof r === 'number' ? results[r] : undefined;
    const indicator = typeof i === 'number' ? result?.indicators[i] : undefined;
    const period = p.path[4] === 'periods' && typeof pi === 'number' ? indicator?.periods[pi] : undefined;
    return {
      path: p.path,
      code: p.code,
      severity: p.severity,
      resultId: result?.id ?? null,
      indicatorId: indicator?.id ?? null,
      periodId: period?.id ?? null,
    };
  });

  return {
    projectId: o.projectId,
    today: o.today,
    languages: o.languages,
    results,
    problems,
    abilities: { write: o.canWrite },
  };
}

/** What the audit log keeps of an indicator (its stored definition, not computed figures). */
export function indicatorSnapshot(row: ResultIndicatorRow) {
  const { organizationId: _o, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, ...rest } = row;
  return rest;
}

export function periodSnapshot(row: IndicatorPeriodRow) {
  const { organizationId: _o, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, ...rest } = row;
  return rest;
}

export function resultSnapshot(row: ProjectResultRow) {
  const { organizationId: _o, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, ...rest } = row;
  return rest;
}
