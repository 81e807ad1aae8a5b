/**
 * The marks of one marking form (= one sub-criterion, worldskills.md §1.3) for one entrant: each
 * aspect's mark or why it has none, the form total, completeness and the judgement aspects that block
 * (spread over the limit, §1.5, §9.7 item 1). Pure TypeScript: the browser's live total and the
 * server's results run this same code.
 */
import { evaluateJudgement, measurementMark } from './aspect-mark.js';
import type { Aspect, JudgeScore, MarkingScheme, MeasurementObservation } from './marking-scheme.js';
import { add, parseDecimal, type Rational, ZERO } from './rational.js';
import type { CompetitionRuleSettings } from './settings.js';

/** What has been entered for one entrant, keyed by aspect key (aspect keys are unique in a scheme). */
export interface EntrantMarks {
  measurements: Readonly<Record<string, MeasurementObservation>>;
  judgements: Readonly<Record<string, readonly JudgeScore[]>>;
}

/** Per-skill judgement rules (CIS `num_judges`, spread limit) and settings.aspectMarkRounding. */
export interface MarkingRules {
  numJudges: number;
  maxJudgeSpread: number;
  aspectMarkRounding: CompetitionRuleSettings['aspectMarkRounding'];
}

interface OutcomeBase {
  aspectKey: string;
  type: Aspect['type'];
  maxMark: Rational;
}

export type AspectOutcome = OutcomeBase &
  (
    | { status: 'marked'; mark: Rational; spread?: number }
    | { status: 'not_entered' }
    | { status: 'incomplete'; received: number; required: number }
    | { status: 'rescore_required'; spread: number; maxSpread: number }
    | { status: 'invalid'; code: string; params: Record<string, string | number> }
  );

export interface FormTotal {
  subCriterionKey: string;
  aspects: AspectOutcome[];
  /** Σ marks of the aspects that have one (exact). */
  total: Rational;
  /** Σ aspect max of the form. */
  maxTotal: Rational;
  aspectCount: number;
  markedCount: number;
  /** Every aspect of the form has a mark. */
  complete: boolean;
  /** Judgement aspects whose complete score set exceeds the spread: they block the form (re-score). */
  blockingJudgementAspects: string[];
  /** Aspects whose entry is invalid (wrong observation kind, out of range …). */
  invalidAspects: string[];
}

function lookup<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** §6.2 outcome of one aspect from the entrant's entries; rules carry numJudges, maxJudgeSpread and the rounding setting. */
export function aspectOutcome(aspect: Aspect, marks: EntrantMarks, rules: MarkingRules): AspectOutcome {
  const base: OutcomeBase = {
    aspectKey: aspect.key,
    type: aspect.type,
    maxMark: parseDecimal(aspect.maxMark) ?? ZERO,
  };
  if (aspect.type === 'M') {
    const observation = lookup(marks.measurements, aspect.key);
    if (!observation) {
      return { ...base, status: 'not_entered' };
    }
    const result = measurementMark(aspect.calculation, observation, aspect.maxMark, rules.aspectMarkRounding);
    return result.ok
      ? { ...base, status: 'marked', mark: result.mark }
      : { ...base, status: 'invalid', code: result.code, params: result.params };
  }
  const scores = lookup(marks.judgements, aspect.key);
  if (!scores || scores.length === 0) {
    return { ...base, status: 'not_entered' };
  }
  const evaluation = evaluateJudgement(scores, aspect.maxMark, {
    numJudges: rules.numJudges,
    maxSpread: rules.maxJudgeSpread,
    rounding: rules.aspectMarkRounding,
  });
  switch (evaluation.status) {
    case 'valid':
      return { ...base, status: 'marked', mark: evaluation.mark, spread: evaluation.spread };
    case 'incomplete':
      return { ...base, status: 'incomplete', received: evaluation.received, required: evaluation.required };
    case 'rescore_required':
      return {
        ...base,
        status: 'rescore_required',
        spread: evaluation.spread,
        maxSpread: evaluation.maxSpread,
      };
    case 'invalid':
      return { ...base, status: 'invalid', code: evaluation.code, params: evaluation.params };
  }
}

/** Totals a list of aspect outcomes as one form (§1.7 Σ aspect marks). */
export function totalOutcomes(subCriterionKey: string, aspects: AspectOutcome[]): FormTotal {
  let total = ZERO;
  let maxTotal = ZERO;
  let markedCount = 0;
  const blockingJudgementAspects: string[] = [];
  const invalidAspects: string[] = [];
  for (const outcome of aspects) {
    maxTotal = add(maxTotal, outcome.maxMark);
    if (outcome.status === 'marked') {
      total = add(total, outcome.mark);
      markedCount++;
    } else if (outcome.status === 'rescore_required') {
      blockingJudgementAspects.push(outcome.aspectKey);
    } else if (outcome.status === 'invalid') {
      invalidAspects.push(outcome.aspectKey);
    }
  }
  return {
    subCriterionKey,
    aspects,
    total,
    maxTotal,
    aspectCount: aspects.length,
    markedCount,
    complete: markedCount === aspects.length,
    blockingJudgementAspects,
    invalidAspects,
  };
}

/**
 * §1.3/§1.7 one marking form for one entrant: the outcome of every aspect of the sub-criterion (scheme
 * order), the exact total of the marked ones and completeness. Settings: rules (numJudges, maxJudgeSpread,
 * aspectMarkRounding).
 */
export function computeFormTotal(
  scheme: MarkingScheme,
  subCriterionKey: string,
  marks: EntrantMarks,
  rules: MarkingRules,
): FormTotal {
  const aspects = scheme.aspects
    .filter((aspect) => aspect.subCriterionKey === subCriterionKey)
    .map((aspect) => aspectOutcome(aspect, marks, rules));
  return totalOutcomes(subCriterionKey, aspects);
}
