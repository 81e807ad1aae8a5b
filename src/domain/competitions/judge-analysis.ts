/**
 * Per-judge marking pattern (worldskills.md §1.5: CIS NG records the judge of each score "to produce an
 * analysis of the marking patterns of each judge"; §8.2 `mark_judgement_entry.expert_id`).
 *
 * For each judge: how many scores they gave, their mean score, their mean (signed) and mean absolute
 * deviation from the mean of the OTHER judges on the same aspect × entrant (positive = more generous),
 * and the share of their score sets whose spread exceeded the limit.
 */
import type { JudgeScore } from './marking-scheme.js';
import { abs, add, div, fromInteger, type Rational, sub, toNumber, ZERO } from './rational.js';

export interface JudgedSet {
  aspectKey: string;
  entrantId: string;
  scores: readonly JudgeScore[];
}

export interface JudgePattern {
  judgeId: string;
  /** Scores given (each set counts once per judge). */
  scores: number;
  meanScore: number;
  /** Scores that had at least one other judge's score to compare with. */
  comparedScores: number;
  /** Mean of (score − mean of the other judges); null when nothing was compared. */
  meanDeviation: number | null;
  meanAbsoluteDeviation: number | null;
  /** Sets with this judge whose max − min exceeded maxSpread. */
  spreadViolations: number;
  /** spreadViolations ÷ scores. */
  spreadViolationShare: number;
}

interface Acc {
  scores: number;
  scoreSum: number;
  compared: number;
  deviation: Rational;
  absDeviation: Rational;
  violations: number;
}

/**
 * §1.5 judge marking-pattern analysis over score sets; maxSpread is the per-skill spread limit setting
 * (DEFAULT_MAX_JUDGE_SPREAD). Judges are returned sorted by id.
 */
export function analyzeJudges(sets: readonly JudgedSet[], maxSpread: number): JudgePattern[] {
  const byJudge = new Map<string, Acc>();
  for (const set of sets) {
    const values = set.scores.map((s) => s.score);
    const total = values.reduce<number>((a, v) => a + v, 0);
    const violated = values.length >= 2 && Math.max(...values) - Math.min(...values) > maxSpread;
    for (const s of set.scores) {
      const acc = byJudge.get(s.judgeId) ?? {
        scores: 0,
        scoreSum: 0,
        compared: 0,
        deviation: ZERO,
        absDeviation: ZERO,
        violations: 0,
      };
      acc.scores++;
      acc.scoreSum += s.score;
      if (violated) {
        acc.violations++;
      }
      const others = set.scores.length - 1;
      if (others > 0) {
        const othersMean = div(fromInteger(total - s.score), fromInteger(others));
        const deviation = sub(fromInteger(s.score), othersMean);
        acc.compared++;
        acc.deviation = add(acc.deviation, deviation);
        acc.absDeviation = add(acc.absDeviation, abs(deviation));
      }
      byJudge.set(s.judgeId, acc);
    }
  }
  return [...byJudge.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([judgeId, acc]) => ({
      judgeId,
      scores: acc.scores,
      meanScore: acc.scoreSum / acc.scores,
      comparedScores: acc.compared,
      meanDeviation: acc.compared > 0 ? toNumber(div(acc.deviation, fromInteger(acc.compared))) : null,
      meanAbsoluteDeviation:
        acc.compared > 0 ? toNumber(div(acc.absDeviation, fromInteger(acc.compared))) : null,
      spreadViolations: acc.violations,
      spreadViolationShare: acc.violations / acc.scores,
    }));
}
