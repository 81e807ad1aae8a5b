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
  const overallShown = all.length >= minGroupSize;
  const suppressed = suppressionOf(
    entries.map(([key, values]) => ({ key, n: values.length })),
    overallShown,
    minGroupSize,
  );
  const groups = entries.map(([key, values]) => summary(key, values, suppressed.get(key) ?? null));
  return {
    groups,
    overall: summary(null, all, overallShown ? null : 'small_group'),
    missing,
    minGroupSize,
  };
}

/**
 * The suppression rules above, on group sizes alone: which groups hide their figure and why.
 * Primary for every group under `minGroupSize`; when exactly one group is suppressed and the
 * overall figure is shown, the smallest other group (ties: by key) as well.
 */
function suppressionOf(
  groups: readonly { key: string | null; n: number }[],
  overallShown: boolean,
  minGroupSize: number,
): Map<string | null, SuppressionReason> {
  const out = new Map<string | null, SuppressionReason>();
  for (const g of groups) {
    if (g.n < minGroupSize) {
      out.set(g.key, 'small_group');
    }
  }
  if (out.size === 1 && overallShown) {
    const candidate = groups
      .filter((g) => !out.has(g.key))
      .sort((a, b) => a.n - b.n || keyOrder(a.key, b.key))[0];
    if (candidate) {
      out.set(candidate.key, 'complementary');
    }
  }
  return out;
}

export interface CountSummary {
  key: string | null;
  /** The count; null when suppressed. */
  n: number | null;
  suppressed: boolean;
  suppression: SuppressionReason | null;
}

export interface CountComparison {
  groups: CountSummary[];
  /** The sum of all groups; null when it is itself below `minGroupSize`. */
  total: number | null;
  minGroupSize: number;
}

/**
 * Counts of people per group (already aggregated, e.g. by SQL `GROUP BY`), with the same
 * small-group suppression as {@link summarizeGroups}: a count under `minGroupSize` is hidden, and
 * when exactly one is hidden while the total is shown, the smallest other count too, so that no
 * hidden count can be recovered as the total minus the others. Groups with a count of zero are
 * left out (nobody to protect, nothing to show). Groups keep their input order.
 */
export function suppressSmallCounts(
  counts: readonly { key: string | null; n: number }[],
  options: { minGroupSize?: number } = {},
): CountComparison {
  const minGroupSize = options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) {
    throw new RangeError(`minGroupSize must be a whole number ≥ 1: ${minGroupSize}`);
  }
  const present = counts.filter((c) => c.n > 0);
  for (const c of present) {
    if (!Number.isInteger(c.n)) {
      throw new RangeError(`counts must be whole numbers: ${c.n}`);
    }
  }
  const sum = present.reduce((s, c) => s + c.n, 0);
  const overallShown = sum >= minGroupSize;
  const suppressed = suppressionOf(present, overallShown, minGroupSize);
  return {
    groups: present.map((c) => {
      const reason = suppressed.get(c.key) ?? null;
      return { key: c.key, n: reason ? null : c.n, suppressed: reason !== null, suppression: reason };
    }),
    total: overallShown ? sum : null,
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
