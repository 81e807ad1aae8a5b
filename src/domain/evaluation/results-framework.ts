/**
 * Results framework (logframe) of a cooperation project: result → indicator → baseline and periods
 * (cooperation-and-evaluation.md §2.2), shaped 1:1 on IATI 2.03 `result` (§3.2 rows 19–19c) and
 * judged as Kirkpatrick L4 outcome indicators (§4).
 *
 * Progress and status are computed here from the raw baseline, target and actual values, never
 * stored (§2.2, "store the raw values and compute progress"). Dates are 'YYYY-MM-DD' strings and
 * "today" is always a parameter. Pure: no I/O, no clock.
 */
import type { LocalizedText } from '../../contracts/common.js';
import { isCalendarDate, toDayNumber } from '../dates/calendar-date.js';

// ---------------------------------------------------------------------------------------------
// Code lists
// ---------------------------------------------------------------------------------------------

/** §2.2 result levels; `impact` is the goal level. */
export const RESULT_TYPES = ['output', 'outcome', 'impact', 'other'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

/** IATI ResultType codelist (§3.2 row 19): 1 Output, 2 Outcome, 3 Impact, 9 Other. */
export const IATI_RESULT_TYPE_CODE: Readonly<Record<ResultType, 1 | 2 | 3 | 9>> = {
  output: 1,
  outcome: 2,
  impact: 3,
  other: 9,
};

/** IATI ResultType code ('1', 2, …) → result type, or null for an unknown code (an import warning). */
export function resultTypeFromIatiCode(code: string | number): ResultType | null {
  const n = Number(code);
  return RESULT_TYPES.find((t) => IATI_RESULT_TYPE_CODE[t] === n) ?? null;
}

/** §2.2 indicator measures. */
export const INDICATOR_MEASURES = ['unit', 'percentage', 'nominal', 'ordinal', 'qualitative'] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

/** IATI IndicatorMeasure codelist (§3.2 row 19a): 1 Unit, 2 Percentage, 3 Nominal, 4 Ordinal, 5 Qualitative. */
export const IATI_INDICATOR_MEASURE_CODE: Readonly<Record<IndicatorMeasure, 1 | 2 | 3 | 4 | 5>> = {
  unit: 1,
  percentage: 2,
  nominal: 3,
  ordinal: 4,
  qualitative: 5,
};

/** IATI IndicatorMeasure code → measure, or null for an unknown code. */
export function indicatorMeasureFromIatiCode(code: string | number): IndicatorMeasure | null {
  const n = Number(code);
  return INDICATOR_MEASURES.find((m) => IATI_INDICATOR_MEASURE_CODE[m] === n) ?? null;
}

/**
 * Measures whose values sit on a scale where "how far from baseline to target" means something.
 * Nominal values are category codes and qualitative ones are narratives: neither has progress.
 */
export const MEASURES_WITH_PROGRESS: readonly IndicatorMeasure[] = ['unit', 'percentage', 'ordinal'];

/** Platform figures that can feed an indicator's actual values automatically. */
export const INDICATOR_SOURCES = [
  'training.completed_participants',
  'certificates.issued',
  'mobilities.completed',
  'competitions.medals',
  'talent.placements',
] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

// ---------------------------------------------------------------------------------------------
// Types (§2.2)
// ---------------------------------------------------------------------------------------------

/** One disaggregation coordinate, IATI `dimension/@name` and `@value` (e.g. sex = female). */
export interface Dimension {
  name: string;
  value: string;
}

/**
 * A disaggregation declared on an indicator, with the values it may take (DHIS2 category, §2.1).
 * An empty `values` list leaves the dimension open (e.g. `country`, any ISO 3166 code).
 */
export interface DisaggregationDimension {
  name: string;
  values: readonly string[];
}

/** A value for one combination of dimensions (IATI: a further `target`/`actual` with `dimension`s). */
export interface DisaggregatedValue {
  dimensions: readonly Dimension[];
  value: number | null;
}

/** A target or an actual of a period. For qualitative indicators `value` is null and `comment` says it. */
export interface IndicatorValue {
  /** The overall value (all dimensions together); null when not measured or qualitative. */
  value: number | null;
  comment: LocalizedText | null;
  /** Values per dimension combination; may be empty. */
  breakdown: readonly DisaggregatedValue[];
  /** Evidence documents (file ids) backing an actual (§2.2 "evidence docs"). */
  evidenceFileIds?: readonly string[];
}

export interface Baseline {
  /** Required by IATI (§3.2 row 19b). */
  year: number;
  isoDate: string | null;
  value: number | null;
  comment: LocalizedText | null;
}

export interface IndicatorPeriod {
  /** 'YYYY-MM-DD' */
  start: string;
  /** 'YYYY-MM-DD', inclusive */
  end: string;
  target: IndicatorValue | null;
  actual: IndicatorValue | null;
}

/**
 * How the values of successive periods relate.
 * - `level`: each target/actual is the level reached at the end of that period (a rate, a share,
 *   a running total). Overall progress compares the latest actual with the final target.
 * - `sum`: each target/actual counts what happened within that period (participants trained in
 *   2025). Overall progress compares the sum of actuals with the sum of targets; the baseline is a
 *   reference only and progress is measured from zero (see {@link indicatorProgress}).
 */
export type PeriodAggregation = 'level' | 'sum';

export interface IndicatorReference {
  /** IATI IndicatorVocabulary, e.g. '9' = SDG indicators. */
  vocabulary: string;
  code: string;
}

export interface Indicator {
  code: string | null;
  title: LocalizedText;
  definition: LocalizedText | null;
  measure: IndicatorMeasure;
  /** True when a higher value is better (IATI `@ascending`, default true). */
  ascending: boolean;
  aggregation: PeriodAggregation;
  /** What one unit counts ('participants', 'colleges'); required for measure `unit` only. */
  unitLabel: LocalizedText | null;
  meansOfVerification: LocalizedText | null;
  disaggregations: readonly DisaggregationDimension[];
  references: readonly IndicatorReference[];
  baseline: Baseline | null;
  periods: readonly IndicatorPeriod[];
  /** The platform figure that feeds the actuals, or null when they are entered by hand. */
  source: IndicatorSource | null;
  comment: LocalizedText | null;
}

export interface ResultNode {
  type: ResultType;
  title: LocalizedText;
  description: LocalizedText | null;
  assumptions: LocalizedText | null;
  risks: LocalizedText | null;
  indicators: readonly Indicator[];
}

export interface ResultsFramework {
  results: readonly ResultNode[];
}

// ---------------------------------------------------------------------------------------------
// Progress (§2.2 design suggestion)
// ---------------------------------------------------------------------------------------------

/** Why no progress could be computed. */
export type ProgressGap =
  | 'measure_without_progress'
  | 'no_baseline'
  | 'no_target'
  | 'no_actual'
  | 'target_against_direction';

export type Progress =
  | {
      kind: 'ratio';
      /** (actual − baseline) / (target − baseline), unclamped: < 0 went backwards, > 1 overshot. */
      ratio: number;
      /** ratio × 100, unclamped. */
      percent: number;
      /** percent clamped to 0…100, for progress bars. */
      clampedPercent: number;
      /** The actual is at or beyond the target in the indicator's direction. */
      achieved: boolean;
      /** Target equals baseline ("keep the level"): ratio is 1 when held, 0 when not. */
      maintain: boolean;
      baseline: number;
      target: number;
      actual: number;
    }
  | { kind: 'none'; reason: ProgressGap };

/** True when `actual` is at or beyond `target` in the indicator's direction. */
function meets(actual: number, target: number, ascending: boolean): boolean {
  return ascending ? actual >= target : actual <= target;
}

/**
 * Progress from baseline b to target t for actual a (§2.2):
 * `ratio = (a − b) / (t − b)`, percent = ratio × 100.
 *
 * Direction: §2.2 reverses the sign when `ascending = false`. Reversing numerator and denominator
 * together, (b − a) / (b − t), is the same number, so one formula serves both directions; the
 * `ascending` flag decides instead (1) which side of the baseline the target must lie on (a target
 * against the direction gives `target_against_direction`), (2) whether the actual "meets" the target,
 * and (3) what a target equal to the baseline means: "keep the level", ratio 1 when the actual is at
 * or beyond it in the right direction and 0 otherwise (`maintain: true`).
 *
 * Clamping: `ratio` and `percent` are never clamped (below 0 = worse than baseline, above 1 =
 * beyond target); `clampedPercent` is clamped to 0…100 for display only. Status uses the unclamped
 * ratio.
 */
export function progressBetween(
  baseline: number,
  target: number,
  actual: number,
  ascending: boolean,
): Progress {
  if (ascending ? target < baseline : target > baseline) {
    return { kind: 'none', reason: 'target_against_direction' };
  }
  const achieved = meets(actual, target, ascending);
  const maintain = target === baseline;
  const ratio = maintain ? (achieved ? 1 : 0) : (actual - baseline) / (target - baseline);
  const percent = ratio * 100;
  return {
    kind: 'ratio',
    ratio,
    percent,
    clampedPercent: Math.min(100, Math.max(0, percent)),
    achieved,
    maintain,
    baseline,
    target,
    actual,
  };
}

function periodsByEnd(periods: readonly IndicatorPeriod[]): IndicatorPeriod[] {
  return [...periods].sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.start < b.start ? -1 : 1));
}

function numberOf(v: IndicatorValue | null): number | null {
  return v?.value ?? null;
}

export interface PeriodProgress {
  start: string;
  end: string;
  progress: Progress;
}

export interface OverallProgress {
  progress: Progress;
  /** End of the period whose actual was used (latest for `level`; latest reported for `sum`). */
  measuredPeriodEnd: string | null;
}

export interface IndicatorProgress {
  /** One entry per period, ordered by end date. */
  periods: PeriodProgress[];
  overall: OverallProgress;
}

/**
 * Progress of an indicator per period and overall (§2.2).
 *
 * - Qualitative and nominal indicators have none (`measure_without_progress`).
 * - `level` indicators: each period compares its actual with its own target, from the baseline.
 *   Overall compares the latest reported actual (by period end) with the final target (the target
 *   of the last period that has one).
 * - `sum` indicators: each period compares its actual with its target from zero (the baseline is a
 *   reference only); overall compares Σ actuals of the periods reported so far with Σ targets of all
 *   periods.
 */
export function indicatorProgress(indicator: Indicator): IndicatorProgress {
  const sorted = periodsByEnd(indicator.periods);
  if (!MEASURES_WITH_PROGRESS.includes(indicator.measure)) {
    const none: Progress = { kind: 'none', reason: 'measure_without_progress' };
    return {
      periods: sorted.map((p) => ({ start: p.start, end: p.end, progress: none })),
      overall: { progress: none, measuredPeriodEnd: null },
    };
  }
  const baseline = indicator.aggregation === 'sum' ? 0 : (indicator.baseline?.value ?? null);
  const one = (target: number | null, actual: number | null): Progress => {
    if (baseline === null) {
      return { kind: 'none', reason: 'no_baseline' };
    }
    if (target === null) {
      return { kind: 'none', reason: 'no_target' };
    }
    if (actual === null) {
      return { kind: 'none', reason: 'no_actual' };
    }
    return progressBetween(baseline, target, actual, indicator.ascending);
  };
  const periods = sorted.map((p) => ({
    start: p.start,
    end: p.end,
    progress: one(numberOf(p.target), numberOf(p.actual)),
  }));

  const reported = sorted.filter((p) => numberOf(p.actual) !== null);
  const latest = reported.at(-1) ?? null;
  let overall: OverallProgress;
  if (indicator.aggregation === 'sum') {
    const targets = sorted.map((p) => numberOf(p.target));
    const totalTarget = targets.some((t) => t !== null)
      ? targets.reduce<number>((s, t) => s + (t ?? 0), 0)
      : null;
    const totalActual = latest ? reported.reduce((s, p) => s + (numberOf(p.actual) ?? 0), 0) : null;
    overall = { progress: one(totalTarget, totalActual), measuredPeriodEnd: latest?.end ?? null };
  } else {
    const finalTarget = [...sorted].reverse().find((p) => numberOf(p.target) !== null);
    overall = {
      progress: one(numberOf(finalTarget?.target ?? null), numberOf(latest?.actual ?? null)),
      measuredPeriodEnd: latest?.end ?? null,
    };
  }
  return { periods, overall };
}

// ---------------------------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------------------------

export const INDICATOR_STATUSES = [
  'achieved',
  'on_track',
  'at_risk',
  'off_track',
  'not_started',
  'no_data',
  'not_assessable',
] as const;
/**
 * - `achieved`: overall actual at or beyond the final target.
 * - `on_track` / `at_risk` / `off_track`: by the shortfall of progress against time elapsed.
 * - `not_started`: "today" is before the first period starts.
 * - `no_data`: started, but no actual reported yet.
 * - `not_assessable`: progress cannot be computed (qualitative or nominal, no baseline, no target,
 *   target against the direction).
 */
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export interface StatusThresholds {
  /**
   * Largest shortfall (expected share of time elapsed − progress ratio) still on track. Default 0.10:
   * ten points behind the straight line from baseline to target.
   */
  onTrackMaxShortfall: number;
  /** Largest shortfall still "at risk"; beyond it the indicator is off track. Default 0.25. */
  atRiskMaxShortfall: number;
}

/** Documented defaults: not from any source (§2.2 gives none), so callers may make them settings. */
export const DEFAULT_STATUS_THRESHOLDS: Readonly<StatusThresholds> = {
  onTrackMaxShortfall: 0.1,
  atRiskMaxShortfall: 0.25,
};

/**
 * Share of the window [start, end] (both inclusive, whole days) elapsed at the end of day `asOf`:
 * 0 before the start, 1 from the end on, (asOf − start + 1) / (end − start + 1) between.
 */
export function elapsedShare(start: string, end: string, asOf: string): number {
  const s = toDayNumber(start);
  const e = toDayNumber(end);
  const t = toDayNumber(asOf);
  if (t < s) {
    return 0;
  }
  if (t >= e) {
    return 1;
  }
  return (t - s + 1) / (e - s + 1);
}

export interface IndicatorStatusResult {
  status: IndicatorStatus;
  progress: Progress;
  /** Share of time elapsed from the first period's start to the last period's end, at `asOf`. */
  expectedShare: number | null;
  /** The date the expectation was taken at: the earlier of `today` and the measured period's end. */
  asOf: string | null;
  /** expectedShare − progress ratio (positive = behind), or null. */
  shortfall: number | null;
}

/**
 * Status of an indicator at `today` (§2.2, §4 L4): its overall progress against the expected share
 * of time elapsed, assuming a straight line from baseline (first period start) to target (last
 * period end). The expectation is taken at the earlier of `today` and the end of the period whose
 * actual was reported, so an actual is judged against the time at which it was measured.
 *
 * Order of the rules: before the first period → `not_started`; no computable progress because of no
 * actual → `no_data`; other missing progress → `not_assessable`; target met → `achieved`; then
 * shortfall ≤ onTrackMaxShortfall → `on_track`, ≤ atRiskMaxShortfall → `at_risk`, else `off_track`.
 */
export function indicatorStatus(
  indicator: Indicator,
  today: string,
  thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS,
): IndicatorStatusResult {
  if (!isCalendarDate(today)) {
    throw new RangeError(`today must be a calendar date (YYYY-MM-DD): ${JSON.stringify(today)}`);
  }
  if (!(thresholds.onTrackMaxShortfall <= thresholds.atRiskMaxShortfall)) {
    throw new RangeError('onTrackMaxShortfall must not exceed atRiskMaxShortfall');
  }
  const { overall } = indicatorProgress(indicator);
  const progress = overall.progress;
  const empty = { progress, expectedShare: null, asOf: null, shortfall: null };
  const valid = indicator.periods.filter((p) => isCalendarDate(p.start) && isCalendarDate(p.end));
  if (valid.length === 0) {
    return { status: progress.kind === 'none' ? 'not_assessable' : 'no_data', ...empty };
  }
  const windowStart = valid.map((p) => p.start).sort()[0] ?? today;
  const windowEnd =
    valid
      .map((p) => p.end)
      .sort()
      .at(-1) ?? today;
  if (today < windowStart) {
    return { status: 'not_started', ...empty };
  }
  if (progress.kind === 'none') {
    return { status: progress.reason === 'no_actual' ? 'no_data' : 'not_assessable', ...empty };
  }
  const measured = overall.measuredPeriodEnd;
  const measuredEnd = measured !== null && isCalendarDate(measured) ? measured : today;
  const asOf = measuredEnd < today ? measuredEnd : today;
  const expectedShare = elapsedShare(windowStart, windowEnd, asOf);
  const shortfall = expectedShare - progress.ratio;
  let status: IndicatorStatus;
  if (progress.achieved) {
    status = 'achieved';
  } else if (shortfall <= thresholds.onTrackMaxShortfall) {
    status = 'on_track';
  } else if (shortfall <= thresholds.atRiskMaxShortfall) {
    status = 'at_risk';
  } else {
    status = 'off_track';
  }
  return { status, progress, expectedShare, asOf, shortfall };
}

export interface ResultStatusRollup {
  status: IndicatorStatus;
  /** How many indicators have each status. */
  counts: Record<IndicatorStatus, number>;
}

/**
 * Status of a result from its indicators' statuses (worst counts):
 * `not_assessable` indicators are left out (none left → `not_assessable`); any `off_track` →
 * `off_track`; else any `at_risk` → `at_risk`; all `not_started` → `not_started`; all `achieved` →
 * `achieved`; only `no_data`/`not_started` → `no_data`; otherwise (on track, or achieved mixed with
 * not yet measured) → `on_track`.
 */
export function rollUpStatus(statuses: readonly IndicatorStatus[]): ResultStatusRollup {
  const counts = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, 0])) as Record<IndicatorStatus, number>;
  for (const s of statuses) {
    counts[s] += 1;
  }
  const assessed = statuses.filter((s) => s !== 'not_assessable');
  const all = (s: IndicatorStatus) => assessed.every((x) => x === s);
  let status: IndicatorStatus;
  if (assessed.length === 0) {
    status = 'not_assessable';
  } else if (counts.off_track > 0) {
    status = 'off_track';
  } else if (counts.at_risk > 0) {
    status = 'at_risk';
  } else if (all('not_started')) {
    status = 'not_started';
  } else if (all('achieved')) {
    status = 'achieved';
  } else if (assessed.every((x) => x === 'no_data' || x === 'not_started')) {
    status = 'no_data';
  } else {
    status = 'on_track';
  }
  return { status, counts };
}

/** A result's status at `today`, rolled up from its indicators (see {@link rollUpStatus}). */
export function resultStatus(
  result: ResultNode,
  today: string,
  thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS,
): ResultStatusRollup {
  return rollUpStatus(result.indicators.map((i) => indicatorStatus(i, today, thresholds).status));
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

export const FRAMEWORK_PROBLEM_CODES = [
  'title_required',
  'indicator_required',
  'period_required',
  'invalid_date',
  'end_before_start',
  'periods_overlap',
  'target_required',
  'baseline_required',
  'baseline_year_invalid',
  'baseline_date_year_mismatch',
  'baseline_after_first_period',
  'target_against_direction',
  'unit_label_required',
  'unit_label_not_applicable',
  'value_not_finite',
  'percentage_out_of_range',
  'value_not_integer',
  'qualitative_value_not_allowed',
  'sum_requires_ascending_unit',
  'unknown_dimension',
  'unknown_dimension_value',
  'duplicate_dimension_value',
  'duplicate_breakdown',
  'duplicate_disaggregation',
] as const;
export type FrameworkProblemCode = (typeof FRAMEWORK_PROBLEM_CODES)[number];

export interface FrameworkProblem {
  /** e.g. ['results', 0, 'indicators', 2, 'periods', 1, 'end'] */
  path: (string | number)[];
  code: FrameworkProblemCode;
  /** `error` blocks an IATI export; `warning` is shown but allowed (progress may be unavailable). */
  severity: 'error' | 'warning';
}

function hasText(text: LocalizedText | null | undefined): boolean {
  return !!text && Object.values(text).some((s) => (s ?? '').trim().length > 0);
}

type Path = (string | number)[];

/** Problems with one value's number against the indicator's measure ("units per measure"). */
function valueProblems(measure: IndicatorMeasure, value: number | null, path: Path): FrameworkProblem[] {
  if (value === null) {
    return [];
  }
  if (measure === 'qualitative') {
    return [{ path, code: 'qualitative_value_not_allowed', severity: 'error' }];
  }
  if (!Number.isFinite(value)) {
    return [{ path, code: 'value_not_finite', severity: 'error' }];
  }
  if (measure === 'percentage' && (value < 0 || value > 100)) {
    return [{ path, code: 'percentage_out_of_range', severity: 'error' }];
  }
  if ((measure === 'nominal' || measure === 'ordinal') && !Number.isInteger(value)) {
    return [{ path, code: 'value_not_integer', severity: 'error' }];
  }
  return [];
}

function indicatorValueProblems(indicator: Indicator, v: IndicatorValue, path: Path): FrameworkProblem[] {
  const problems = valueProblems(indicator.measure, v.value, [...path, 'value']);
  const declared = new Map(indicator.disaggregations.map((d) => [d.name, new Set(d.values)]));
  const seen = new Set<string>();
  v.breakdown.forEach((b, i) => {
    const at: Path = [...path, 'breakdown', i];
    problems.push(...valueProblems(indicator.measure, b.value, [...at, 'value']));
    b.dimensions.forEach((d, j) => {
      const values = declared.get(d.name);
      if (!values) {
        problems.push({
          path: [...at, 'dimensions', j, 'name'],
          code: 'unknown_dimension',
          severity: 'error',
        });
      } else if (values.size > 0 ? !values.has(d.value) : d.value.trim() === '') {
        problems.push({
          path: [...at, 'dimensions', j, 'value'],
          code: 'unknown_dimension_value',
          severity: 'error',
        });
      }
    });
    const key = JSON.stringify(b.dimensions.map((d) => `${d.name}\u0000${d.value}`).sort());
    if (seen.has(key)) {
      problems.push({ path: at, code: 'duplicate_breakdown', severity: 'error' });
    }
    seen.add(key);
  });
  return problems;
}

/**
 * Problems of one indicator (§2.2, IATI §3.2 rows 19a–19c), with paths relative to `path`:
 * title; unit label for measure `unit` only; baseline year (and its date's year), baseline year not
 * after the first period's start year; a baseline value for measures with progress (warning: no
 * progress without it); at least one period (warning); each period's dates valid and end ≥ start;
 * periods not overlapping (reported on the later one); a target in every period (a value, or a
 * comment for qualitative indicators); the target on the side of the baseline that `ascending`
 * calls better; every value fitting the measure (percentages 0–100, integer codes for nominal and
 * ordinal, none for qualitative); breakdowns using declared dimensions and values.
 */
export function validateIndicator(indicator: Indicator, path: Path = []): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const add = (p: Path, code: FrameworkProblemCode, severity: 'error' | 'warning' = 'error') =>
    problems.push({ path: [...path, ...p], code, severity });

  if (!hasText(indicator.title)) {
    add(['title'], 'title_required');
  }
  if (indicator.measure === 'unit' && !hasText(indicator.unitLabel)) {
    add(['unitLabel'], 'unit_label_required');
  }
  if (indicator.measure !== 'unit' && hasText(indicator.unitLabel)) {
    add(['unitLabel'], 'unit_label_not_applicable');
  }
  if (indicator.aggregation === 'sum' && !(indicator.measure === 'unit' && indicator.ascending)) {
    add(['aggregation'], 'sum_requires_ascending_unit');
  }
  const names = new Set<string>();
  indicator.disaggregations.forEach((d, i) => {
    if (names.has(d.name)) {
      add(['disaggregations', i, 'name'], 'duplicate_disaggregation');
    }
    names.add(d.name);
    const values = new Set<string>();
    d.values.forEach((v, j) => {
      if (values.has(v)) {
        add(['disaggregations', i, 'values', j], 'duplicate_dimension_value');
      }
      values.add(v);
    });
  });

  const hasProgress = MEASURES_WITH_PROGRESS.includes(indicator.measure);
  const baseline = indicator.baseline;
  if (baseline) {
    if (!Number.isInteger(baseline.year) || baseline.year < 1900 || baseline.year > 9999) {
      add(['baseline', 'year'], 'baseline_year_invalid');
    }
    if (baseline.isoDate !== null) {
      if (!isCalendarDate(baseline.isoDate)) {
        add(['baseline', 'isoDate'], 'invalid_date');
      } else if (Number(baseline.isoDate.slice(0, 4)) !== baseline.year) {
        add(['baseline', 'isoDate'], 'baseline_date_year_mismatch');
      }
    }
    problems.push(...valueProblems(indicator.measure, baseline.value, [...path, 'baseline', 'value']));
  }
  if (hasProgress && indicator.aggregation === 'level' && (baseline?.value ?? null) === null) {
    add(['baseline'], 'baseline_required', 'warning');
  }
  if (indicator.periods.length === 0) {
    add(['periods'], 'period_required', 'warning');
  }

  const datedPeriods: { index: number; start: string; end: string }[] = [];
  indicator.periods.forEach((p, i) => {
    const startOk = isCalendarDate(p.start);
    const endOk = isCalendarDate(p.end);
    if (!startOk) {
      add(['periods', i, 'start'], 'invalid_date');
    }
    if (!endOk) {
      add(['periods', i, 'end'], 'invalid_date');
    }
    if (startOk && endOk) {
      if (p.end < p.start) {
        add(['periods', i, 'end'], 'end_before_start');
      } else {
        datedPeriods.push({ index: i, start: p.start, end: p.end });
      }
    }
    const target = p.target;
    const targetGiven =
      target !== null &&
      (indicator.measure === 'qualitative' ? hasText(target.comment) : target.value !== null);
    if (!targetGiven) {
      add(['periods', i, 'target'], 'target_required');
    }
    if (target) {
      problems.push(...indicatorValueProblems(indicator, target, [...path, 'periods', i, 'target']));
      const b = indicator.aggregation === 'sum' ? 0 : (baseline?.value ?? null);
      if (
        hasProgress &&
        b !== null &&
        target.value !== null &&
        (indicator.ascending ? target.value < b : target.value > b)
      ) {
        add(['periods', i, 'target', 'value'], 'target_against_direction');
      }
    }
    if (p.actual) {
      problems.push(...indicatorValueProblems(indicator, p.actual, [...path, 'periods', i, 'actual']));
    }
  });

  datedPeriods.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.index - b.index));
  let latestEnd: string | null = null;
  for (const p of datedPeriods) {
    if (latestEnd !== null && p.start <= latestEnd) {
      add(['periods', p.index, 'start'], 'periods_overlap');
    }
    if (latestEnd === null || p.end > latestEnd) {
      latestEnd = p.end;
    }
  }
  const first = datedPeriods[0];
  if (
    baseline &&
    first &&
    Number.isInteger(baseline.year) &&
    baseline.year > Number(first.start.slice(0, 4))
  ) {
    add(['baseline', 'year'], 'baseline_after_first_period');
  }
  return problems;
}

/**
 * Problems of a whole framework (§2.2): every result has a title and at least one indicator (IATI
 * `indicator` 1..n), then {@link validateIndicator} for each, with paths from the framework root.
 */
export function validateResultsFramework(framework: ResultsFramework): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  framework.results.forEach((result, r) => {
    if (!hasText(result.title)) {
      problems.push({ path: ['results', r, 'title'], code: 'title_required', severity: 'error' });
    }
    if (result.indicators.length === 0) {
      problems.push({ path: ['results', r, 'indicators'], code: 'indicator_required', severity: 'error' });
    }
    result.indicators.forEach((indicator, i) => {
      problems.push(...validateIndicator(indicator, ['results', r, 'indicators', i]));
    });
  });
  return problems;
}
