/**
 * The mark of one aspect for one entrant (worldskills.md §6.2, §1.4, §1.5, §8.2).
 *
 * User input never throws: a wrong observation, an out-of-range value or a malformed calculation gives
 * `{ ok: false, code, params }`; the codes are translated by the web.
 */
import type {
  DecimalString,
  JudgeScore,
  MeasurementCalculation,
  MeasurementObservation,
} from './marking-scheme.js';
import {
  compare,
  div,
  fromInteger,
  max,
  mul,
  ONE,
  parseDecimal,
  type Rational,
  rational,
  roundTo,
  sign,
  sub,
  ZERO,
} from './rational.js';
import type { CompetitionRuleSettings } from './settings.js';

export type AspectMarkErrorCode =
  | 'observation_kind_mismatch'
  | 'passed_not_boolean'
  | 'completed_out_of_range'
  | 'choice_out_of_range'
  | 'errors_out_of_range'
  | 'value_not_decimal'
  | 'invalid_calculation'
  | 'invalid_max_mark';

export interface AspectMarkError {
  ok: false;
  code: AspectMarkErrorCode;
  params: Record<string, string | number>;
}

export type AspectMarkResult = { ok: true; mark: Rational } | AspectMarkError;

export type AspectMarkRounding = CompetitionRuleSettings['aspectMarkRounding'];

const HUNDRED = fromInteger(100);

function fail(code: AspectMarkErrorCode, params: Record<string, string | number> = {}): AspectMarkError {
  return { ok: false, code, params };
}

function asRational(value: DecimalString | Rational): Rational | null {
  return typeof value === 'string' ? parseDecimal(value) : value;
}

/** A percentage deduction 0..100 as a fraction 0..1, or null when malformed. */
function deductionFraction(pct: DecimalString): Rational | null {
  const d = parseDecimal(pct);
  if (!d || sign(d) < 0 || compare(d, HUNDRED) > 0) {
    return null;
  }
  return div(d, HUNDRED);
}

/** `settings.aspectMarkRounding`: 'two_decimals' stores the mark as CIS does (`mark.calculated_mark decimal(19,2)`, §8.2). */
export function applyAspectRounding(mark: Rational, rounding: AspectMarkRounding): Rational {
  return rounding === 'two_decimals' ? roundTo(mark, 2) : mark;
}

function afterDeduction(maxMark: Rational, fraction: Rational): Rational {
  return mul(maxMark, sub(ONE, fraction));
}

/**
 * §6.2 measurement mark from the calculation, the marker's observation and the aspect max:
 * PASS_FAIL max or 0; NUMBER_COMPLETED max·k/n (k must be an integer 0..n); CHOICE max·(1 − d/100);
 * RANGED_SCORE full at the target, else the first listed range with lower ≤ v ≤ upper (both bounds
 * inclusive; on a shared boundary the earlier range wins) gives max·(1 − d/100), outside every range 0;
 * DEDUCT max(0, max − errors·perError); NOT_ATTEMPTED (CIS `non_attempt`) 0 for any calculation.
 * Setting: `rounding` = settings.aspectMarkRounding.
 */
export function measurementMark(
  calculation: MeasurementCalculation,
  observation: MeasurementObservation,
  maxMark: DecimalString | Rational,
  rounding: AspectMarkRounding = 'exact',
): AspectMarkResult {
  const maximum = asRational(maxMark);
  if (!maximum || sign(maximum) <= 0) {
    return fail('invalid_max_mark', { maxMark: typeof maxMark === 'string' ? maxMark : '' });
  }
  if (observation.kind === 'NOT_ATTEMPTED') {
    return { ok: true, mark: ZERO };
  }
  if (observation.kind !== calculation.kind) {
    return fail('observation_kind_mismatch', { expected: calculation.kind, actual: observation.kind });
  }
  const result = rawMeasurementMark(calculation, observation, maximum);
  return result.ok ? { ok: true, mark: applyAspectRounding(result.mark, rounding) } : result;
}

function rawMeasurementMark(
  calculation: MeasurementCalculation,
  observation: Exclude<MeasurementObservation, { kind: 'NOT_ATTEMPTED' }>,
  maximum: Rational,
): AspectMarkResult {
  switch (calculation.kind) {
    case 'PASS_FAIL': {
      if (observation.kind !== 'PASS_FAIL') {
        break;
      }
      if (typeof observation.passed !== 'boolean') {
        return fail('passed_not_boolean');
      }
      return { ok: true, mark: observation.passed ? maximum : ZERO };
    }
    case 'NUMBER_COMPLETED': {
      if (observation.kind !== 'NUMBER_COMPLETED') {
        break;
      }
      const n = calculation.possible;
      if (!Number.isSafeInteger(n) || n < 1) {
        return fail('invalid_calculation', { field: 'possible', value: String(n) });
      }
      const k = observation.completed;
      if (!Number.isSafeInteger(k) || k < 0 || k > n) {
        return fail('completed_out_of_range', { value: String(k), possible: n });
      }
      return { ok: true, mark: div(mul(maximum, fromInteger(k)), fromInteger(n)) };
    }
    case 'CHOICE': {
      if (observation.kind !== 'CHOICE') {
        break;
      }
      const i = observation.choiceIndex;
      const choice = Number.isSafeInteger(i) && i >= 0 ? calculation.choices[i] : undefined;
      if (!choice) {
        return fail('choice_out_of_range', { value: String(i), choices: calculation.choices.length });
      }
      const d = deductionFraction(choice.deductionPct);
      if (!d) {
        return fail('invalid_calculation', {
          field: `choices.${i}.deductionPct`,
          value: choice.deductionPct,
        });
      }
      return { ok: true, mark: afterDeduction(maximum, d) };
    }
    case 'RANGED_SCORE': {
      if (observation.kind !== 'RANGED_SCORE') {
        break;
      }
      const v = typeof observation.value === 'string' ? parseDecimal(observation.value) : null;
      if (!v) {
        return fail('value_not_decimal', { value: String(observation.value) });
      }
      const target = parseDecimal(calculation.target);
      if (!target) {
        return fail('invalid_calculation', { field: 'target', value: calculation.target });
      }
      if (compare(v, target) === 0) {
        return { ok: true, mark: maximum };
      }
      for (const [index, range] of calculation.ranges.entries()) {
        const lower = parseDecimal(range.lower);
        const upper = parseDecimal(range.upper);
        const d = deductionFraction(range.deductionPct);
        if (!lower || !upper || !d || compare(lower, upper) > 0) {
          return fail('invalid_calculation', { field: `ranges.${index}` });
        }
        if (compare(lower, v) <= 0 && compare(v, upper) <= 0) {
          return { ok: true, mark: afterDeduction(maximum, d) };
        }
      }
      return { ok: true, mark: ZERO };
    }
    case 'DEDUCT': {
      if (observation.kind !== 'DEDUCT') {
        break;
      }
      const perError = parseDecimal(calculation.perError);
      if (!perError || sign(perError) <= 0) {
        return fail('invalid_calculation', { field: 'perError', value: calculation.perError });
      }
      const errors = observation.errors;
      if (!Number.isSafeInteger(errors) || errors < 0) {
        return fail('errors_out_of_range', { value: String(errors) });
      }
      return { ok: true, mark: max(ZERO, sub(maximum, mul(perError, fromInteger(errors)))) };
    }
  }
  return fail('observation_kind_mismatch', { expected: calculation.kind, actual: observation.kind });
}

export interface JudgementRules {
  /** CIS `skill.num_judges` (§8.2; DEFAULT_JUDGES_PER_ASPECT = 3). */
  numJudges: number;
  /** Largest allowed max − min (§1.5, unconfirmed; DEFAULT_MAX_JUDGE_SPREAD = 1). */
  maxSpread: number;
  /** settings.aspectMarkRounding */
  rounding?: AspectMarkRounding;
}

export type JudgementErrorCode =
  | 'score_out_of_range'
  | 'duplicate_judge'
  | 'too_many_scores'
  | 'invalid_max_mark';

export type JudgementEvaluation =
  /** Fewer scores than judges: the set is still pending (CIS `mark_pending_judgement`). */
  | { status: 'incomplete'; received: number; required: number; spread: number | null }
  /** All scores in, but max − min exceeds the allowed spread: judges explain and re-score. */
  | { status: 'rescore_required'; spread: number; maxSpread: number }
  | { status: 'valid'; spread: number; mark: Rational }
  | { status: 'invalid'; code: JudgementErrorCode; params: Record<string, string | number> };

/**
 * §1.5/§8.2 judgement set: each judge once, scores 0..3, exactly numJudges scores, spread ≤ maxSpread;
 * mark = max × Σscores / (3 × numJudges) (max 1.25, 2/2/3 → 35/36). Settings: numJudges, maxSpread,
 * rounding (all unconfirmed rules, §8.5).
 */
export function evaluateJudgement(
  scores: readonly JudgeScore[],
  maxMark: DecimalString | Rational,
  rules: JudgementRules,
): JudgementEvaluation {
  const maximum = asRational(maxMark);
  if (!maximum || sign(maximum) <= 0) {
    return { status: 'invalid', code: 'invalid_max_mark', params: {} };
  }
  const seen = new Set<string>();
  for (const s of scores) {
    if (!Number.isInteger(s.score) || s.score < 0 || s.score > 3) {
      return {
        status: 'invalid',
        code: 'score_out_of_range',
        params: { judgeId: s.judgeId, value: String(s.score) },
      };
    }
    if (seen.has(s.judgeId)) {
      return { status: 'invalid', code: 'duplicate_judge', params: { judgeId: s.judgeId } };
    }
    seen.add(s.judgeId);
  }
  const required = rules.numJudges;
  if (scores.length > required) {
    return { status: 'invalid', code: 'too_many_scores', params: { received: scores.length, required } };
  }
  const values = scores.map((s) => s.score);
  const spread = values.length === 0 ? null : Math.max(...values) - Math.min(...values);
  if (scores.length < required || spread === null) {
    return { status: 'incomplete', received: scores.length, required, spread };
  }
  if (spread > rules.maxSpread) {
    return { status: 'rescore_required', spread, maxSpread: rules.maxSpread };
  }
  const total = values.reduce<number>((acc, v) => acc + v, 0);
  const mark = rational(maximum.num * BigInt(total), maximum.den * 3n * BigInt(required));
  return { status: 'valid', spread, mark: applyAspectRounding(mark, rules.rounding ?? 'exact') };
}
