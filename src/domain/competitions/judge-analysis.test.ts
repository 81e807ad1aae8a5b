import { describe, expect, it } from 'vitest';
import { analyzeJudges, type JudgedSet } from './judge-analysis.js';
import type { JudgeScore } from './marking-scheme.js';

function set(aspectKey: string, entrantId: string, scores: Record<string, number>): JudgedSet {
  return {
    aspectKey,
    entrantId,
    scores: Object.entries(scores).map(([judgeId, score]) => ({
      judgeId,
      score: score as JudgeScore['score'],
    })),
  };
}

describe('analyzeJudges (§1.5 marking patterns)', () => {
  const sets = [
    set('A1.3', 'e1', { ana: 3, ben: 2, cai: 2 }),
    set('A1.3', 'e2', { ana: 2, ben: 1, cai: 1 }),
    set('A1.4', 'e1', { ana: 3, ben: 1, cai: 2 }),
    set('A1.4', 'e2', { ana: 2, ben: 2 }),
  ];
  const result = analyzeJudges(sets, 1);

  it('one row per judge, sorted by id, with counts and mean score', () => {
    expect(result.map((r) => [r.judgeId, r.scores, r.meanScore, r.comparedScores])).toEqual([
      ['ana', 4, 2.5, 4],
      ['ben', 4, 1.5, 4],
      ['cai', 3, 5 / 3, 3],
    ]);
  });

  it('mean deviation from the other judges: the generous judge is positive', () => {
    // ana: +1, +1, +1.5, 0 → 3.5/4 = 0.875
    // ben: −0.5, −0.5, −1.5, 0 → −2.5/4 = −0.625
    // cai: −0.5, −0.5, 0 → −1/3
    const [ana, ben, cai] = result;
    expect(ana?.meanDeviation).toBeCloseTo(0.875, 10);
    expect(ben?.meanDeviation).toBeCloseTo(-0.625, 10);
    expect(cai?.meanDeviation).toBeCloseTo(-1 / 3, 10);
    expect(ana?.meanAbsoluteDeviation).toBeCloseTo(0.875, 10);
    expect(ben?.meanAbsoluteDeviation).toBeCloseTo(0.625, 10);
  });

  it('share of the judge’s sets that broke the spread rule', () => {
    // only A1.4/e1 (3,1,2) has spread 2 > 1
    expect(result.map((r) => [r.judgeId, r.spreadViolations, r.spreadViolationShare])).toEqual([
      ['ana', 1, 0.25],
      ['ben', 1, 0.25],
      ['cai', 1, 1 / 3],
    ]);
  });

  it('a judge alone on a set has nothing to compare with', () => {
    const [solo] = analyzeJudges([set('A1.1', 'e1', { dan: 3 })], 1);
    expect(solo).toEqual({
      judgeId: 'dan',
      scores: 1,
      meanScore: 3,
      comparedScores: 0,
      meanDeviation: null,
      meanAbsoluteDeviation: null,
      spreadViolations: 0,
      spreadViolationShare: 0,
    });
  });

  it('the spread limit is a setting', () => {
    expect(analyzeJudges(sets, 2).every((r) => r.spreadViolations === 0)).toBe(true);
  });

  it('no sets, no judges', () => {
    expect(analyzeJudges([], 1)).toEqual([]);
  });
});
