/**
 * Comparisons of a per-respondent metric (a Likert mean, a gain, a test score, …) across cohorts,
 * countries, years or genders (issue 5, "comparisons across cohorts, countries and years";
 * cooperation-and-evaluation.md §2.1 DHIS2-style disaggregation), with small-group suppression so
 * that the observer view shows no figure that could point at a person. Pure: no I/O.
 *
 * Suppression (not in the standard, which sets no threshold; the threshold is a parameter):
 * - primary: a group with fewer than `minGroupSize` values shows neither n nor mean;
 * - complementary: when exactly one group is suppressed and the overall figure is shown, its n and
 *   mean could be recovered from the overall minus the others, so the smallest other group (ties: by
 *   key) is suppressed as well;
 * - the overall figure is suppressed when it has fewer than `minGroupSize` values itself.
 */
import { mean, sampleSd } from './survey-stats.js';

export const COMPARISON_DIMENSIONS = ['cohort', 'country', 'year', 'gender'] as const;
export type ComparisonDimension = (typeof COMPARISON_DIMENSIONS)[number];

export interface RespondentMetric {
  cohort: string | null;
  /** ISO 3166-1 alpha-2 */
  country: string | null;
  year: number | null;
  gender: string | null;
  /** The metric; null when the respondent has none (left out, counted as `missing`). */
  value: number | null;
}

/** Documented default: groups of fewer than 5 are suppressed (a common statistical-disclosure rule). */
export const DEFAULT_MIN_GROUP_SIZE = 5;

export type SuppressionReason = 'small_group' | 'complementary';

export interface GroupSummary {
  /** The group's value of the dimension; null = not recorded. */
  key: string | null;
  suppressed: boolean;
  suppression: SuppressionReason | null;
  /** Values counted; null when suppressed. */
  n: number | null;
  mean: number | null;
  /** n − 1 standard deviation; null when suppressed or n < 2. */
  sd: number | null;
}

export interface GroupComparison {
  groups: GroupSummary[];
  overall: GroupSummary;
  /** Records without a value (not suppressed: says nothing about a group). */
  missing: number;
  minGroupSize: number;
}

function keyOrder(a: string | null, b: string | null): number {
  if (a === b) {
    return 0;
  }
  if (a === null) {
    return 1;
  }
  if (b === null) {
    return -1;
  }
  return a < b ? -1 : 1;
}

/**
 * Groups records by `keyOf` and summarises each group's values (n, mean, SD) with the suppression
 * rules above. Groups come sorted by key, the unrecorded group (null) last.
 */
export function summarizeGroups<T extends { value: number | null }>(
  records: readonly T[],
  keyOf: (record: T) => string | null,
  options: { minGroupSize?: number } = {},
): GroupComparison {
  const minGroupSize = options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) {
    throw new RangeError(`minGroupSize must be a whole number ≥ 1: ${minGroupSize}`);
  }
  const byKey = new Map<string | null, number[]>();
  const all: number[] = [];
  let missing = 0;
  for (const r of records) {
    if (r.value === null || !Number.isFinite(r.value)) {
      missing += 1;
      continue;
    }
    const key = keyOf(r);
    byKey.set(key, [...(byKey.get(key) ?? []), r.value]);
    all.push(r.value);
  }
  const summary = (
    key: string | null,
    values: number[],
    suppression: SuppressionReason | null,
  ): GroupSummary =>
    suppression
      ? { key, suppressed: true, suppression, n: null, mean: null, sd: null }
      : {
          key,
          suppressed: false,
          suppression: null,
          n: values.length,
          mean: mean(values),
          sd: sampleSd(values),
        };

  const entries = [...byKey.entries()].sort((a, b) => keyOrder(a[0], b[0]));
  const primary = new Set(entries.filter(([, v]) => v.length < minGroupSize).map(([k]) => k));
  const overallShown = all.length >= minGroupSize;
  let complementary: string | null | undefined;
  if (primary.size === 1 && overallShown) {
    const candidates = entries
      .filter(([k]) => !primary.has(k))
      .sort((a, b) => a[1].length - b[1].length || keyOrder(a[0], b[0]));
    complementary = candidates[0]?.[0];
  }
  const groups = entries.map(([key, values]) =>
    summary(
      key,
      values,
      primary.has(key)
        ? 'small_group'
        : complementary !== undefined && key === complementary
          ? 'complementary'
          : null,
    ),
  );
  return {
    groups,
    overall: summary(null, all, overallShown ? null : 'small_group'),
    missing,
    minGroupSize,
  };
}

/** Compares a metric across one of the standard dimensions (years become their decimal text). */
export function compareGroups(
  records: readonly RespondentMetric[],
  dimension: ComparisonDimension,
  options: { minGroupSize?: number } = {},
): GroupComparison {
  return summarizeGroups(
    records,
    (r) => {
      const v = r[dimension];
      return v === null ? null : String(v);
    },
    options,
  );
}
