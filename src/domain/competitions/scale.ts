/**
 * The WorldSkills Scale (worldskills.md §8.1, §6.5): one skill's raw totals (0..100) mapped around a
 * centre of 700.
 *
 * - 'median_mad' (default, fits data set A 32/32 and the WSC2019 list): WSS = C + K·(x − med)/(1.4826·MAD),
 *   computed exactly on rationals, so the published integer is exact even on a .5 boundary.
 * - 'mean_sd' (older reading, §6.5): WSS = C + K·(x − mean)/SD, population or sample SD; the square root
 *   makes this one floating point.
 *
 * Small or flat fields (§8.1 "Still open": no source defines them):
 * - n < 2, or all totals equal: no spread exists, every entrant is put on the centre (700) and the
 *   result says `degenerate: true` so the UI can show it.
 * - MAD = 0 while totals differ (more than half the field shares one total): the MAD is replaced by the
 *   mean absolute deviation from the median with its normal-consistency constant 1.253314 (the usual
 *   fallback of the modified z-score, as in IBM SPSS), so better totals still get more points;
 *   `spreadMeasure` says 'mean_ad'. Putting everyone on 700 instead would tie a 90 with a 50.
 *
 * Points are rounded to the nearest integer, halves away from zero (§8.1: 679.77 → 680); the unrounded
 * value and the 2-decimal "calculated score" (CIS `scaled_score.calculated_score decimal(19,2)`) are kept.
 */
import {
  abs,
  add,
  compare,
  div,
  fromInteger,
  mul,
  parseDecimal,
  type Rational,
  roundToInteger,
  sub,
  sum,
  toFixed,
  toNumber,
  toStorageString,
  ZERO,
} from './rational.js';
import type { CompetitionRuleSettings } from './settings.js';

export type ScaleSettings = CompetitionRuleSettings['scale'];

/** Normal-consistency constant of the MAD (§8.1: s = 1.4826 × MAD). */
export const MAD_CONSISTENCY = '1.4826';
/** Normal-consistency constant of the mean absolute deviation, used only when MAD = 0 (see above). */
export const MEAN_AD_CONSISTENCY = '1.253314';

export interface ScaleValue {
  /** Full-precision scale value (a double; exact rational → double for median_mad). */
  unrounded: number;
  /** The value rounded half-up to 2 decimals, as CIS stores `calculated_score`. */
  calculated: string;
  /** Published integer points. */
  points: number;
}

export interface ScaleResult {
  method: ScaleSettings['method'];
  /** The raw centre (median or mean), exact storage string. */
  rawCentre: string;
  /** The raw spread: the MAD or mean absolute deviation (exact storage string), or the SD (6 decimals). */
  rawSpread: string;
  /** Which spread was used: 'mad' (normal), 'mean_ad' (MAD was 0), 'sd' (mean_sd), null when degenerate. */
  spreadMeasure: 'mad' | 'mean_ad' | 'sd' | null;
  /** True when n < 2 or the spread is 0: everyone is at the centre. */
  degenerate: boolean;
  /** One value per input total, same order. */
  values: ScaleValue[];
}

/** Median of exact values (even n: mean of the two middle values, §8.1). Throws on an empty list. */
export function median(values: readonly Rational[]): Rational {
  if (values.length === 0) {
    throw new RangeError('median of an empty list');
  }
  const sorted = [...values].sort(compare);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as Rational;
  return sorted.length % 2 === 1 ? upper : div(add(sorted[mid - 1] as Rational, upper), fromInteger(2));
}

function settingRational(value: number, name: string): Rational {
  const r = Number.isFinite(value) ? parseDecimal(String(value)) : null;
  if (!r) {
    throw new RangeError(`scale setting ${name} is not a plain decimal number: ${value}`);
  }
  return r;
}

function roundHalfAway(value: number, digits: number): number {
  const f = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
}

function fromExact(value: Rational): ScaleValue {
  return { unrounded: toNumber(value), calculated: toFixed(value, 2), points: Number(roundToInteger(value)) };
}

/**
 * §8.1 WorldSkills Scale of one skill's raw totals, in input order. Settings: settings.scale (method,
 * centre 700, pointsPerSpread 30 for median_mad / 20 for mean_sd, sd population|sample).
 */
export function worldSkillsScale(totals: readonly Rational[], settings: ScaleSettings): ScaleResult {
  const centre = settingRational(settings.centre, 'centre');
  const k = settingRational(settings.pointsPerSpread, 'pointsPerSpread');
  const n = totals.length;
  if (settings.method === 'median_mad') {
    const med = n > 0 ? median(totals) : ZERO;
    const deviations = totals.map((x) => abs(sub(x, med)));
    const mad = n > 0 ? median(deviations) : ZERO;
    const meanAd = n > 0 ? div(sum(deviations), fromInteger(n)) : ZERO;
    const useMad = compare(mad, ZERO) !== 0;
    const degenerate = n < 2 || compare(meanAd, ZERO) === 0;
    const spread = useMad
      ? mul(mad, parseDecimal(MAD_CONSISTENCY) as Rational)
      : mul(meanAd, parseDecimal(MEAN_AD_CONSISTENCY) as Rational);
    const values = totals.map((x) =>
      fromExact(degenerate ? centre : add(centre, div(mul(k, sub(x, med)), spread))),
    );
    return {
      method: settings.method,
      rawCentre: toStorageString(med),
      rawSpread: toStorageString(degenerate || useMad ? mad : meanAd),
      spreadMeasure: degenerate ? null : useMad ? 'mad' : 'mean_ad',
      degenerate,
      values,
    };
  }
  const mean = n > 0 ? div(sum(totals), fromInteger(n)) : ZERO;
  const squares = sum(totals.map((x) => mul(sub(x, mean), sub(x, mean))));
  const divisor = settings.sd === 'sample' ? n - 1 : n;
  const variance = divisor > 0 ? div(squares, fromInteger(divisor)) : ZERO;
  const degenerate = n < 2 || compare(variance, ZERO) === 0;
  const sd = Math.sqrt(toNumber(variance));
  const values = totals.map((x) => {
    if (degenerate) {
      return fromExact(centre);
    }
    const unrounded = settings.centre + (settings.pointsPerSpread * toNumber(sub(x, mean))) / sd;
    return {
      unrounded,
      calculated: roundHalfAway(unrounded, 2).toFixed(2),
      points: roundHalfAway(unrounded, 0),
    };
  });
  return {
    method: settings.method,
    rawCentre: toStorageString(mean),
    rawSpread: sd.toFixed(6),
    spreadMeasure: degenerate ? null : 'sd',
    degenerate,
    values,
  };
}

/** Convenience for tests and previews: the scale of decimal-string totals (throws on a malformed string). */
export function worldSkillsScaleOfDecimals(totals: readonly string[], settings: ScaleSettings): ScaleResult {
  return worldSkillsScale(
    totals.map((t) => {
      const r = parseDecimal(t);
      if (!r) {
        throw new RangeError(`not a decimal: ${t}`);
      }
      return r;
    }),
    settings,
  );
}
