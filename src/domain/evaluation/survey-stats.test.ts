import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cronbachAlpha,
  likertItemStats,
  netPromoterScore,
  reverseCode,
  sampleSd,
  sampleVariance,
  scaleAlpha,
  scoreTest,
  type TestQuestion,
  testStats,
} from './survey-stats.js';

describe('variance helpers (n − 1 throughout, §4)', () => {
  it.each([
    [[], null],
    [[4], null],
    [[1, 2, 3, 4], 5 / 3],
    [[2, 2, 2], 0],
  ])('%j → %s', (values, expected) => {
    const v = sampleVariance(values);
    if (expected === null) {
      expect(v).toBeNull();
      expect(sampleSd(values)).toBeNull();
    } else {
      expect(v).toBeCloseTo(expected, 12);
    }
  });
});

describe('likertItemStats (§4 L1: n, mean, SD, distribution)', () => {
  // Hand computation: valid 5,4,4,3,5,2 → Σ = 23, Σx² = 95, SS = 95 − 23²/6 = 41/6, s² = 41/30.
  const answers = [5, 4, 4, null, 3, 5, 2, 9];

  it('counts missing and invalid answers apart and computes n, mean, SD', () => {
    const s = likertItemStats(answers, 5);
    expect(s).toMatchObject({ n: 6, missing: 1, invalid: 1, counts: [0, 1, 1, 2, 2] });
    expect(s.mean).toBeCloseTo(23 / 6, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(41 / 30), 12);
    expect(s.percents.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
    expect(s.percents[3]).toBeCloseTo(100 / 3, 10);
  });

  it('reverse coding mirrors the distribution and the mean, keeps the SD', () => {
    const s = likertItemStats(answers, 5, true);
    expect(s.counts).toEqual([2, 2, 1, 1, 0]);
    expect(s.mean).toBeCloseTo(6 - 23 / 6, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(41 / 30), 12);
  });

  it('fewer than two answers: mean of one, no SD; none: no mean', () => {
    expect(likertItemStats([null, 4], 7)).toMatchObject({ n: 1, mean: 4, sd: null, missing: 1 });
    expect(likertItemStats([null, null], 7)).toMatchObject({
      n: 0,
      mean: null,
      sd: null,
      percents: Array(7).fill(0),
    });
  });

  it.each([
    [1, 5, 5],
    [2, 5, 4],
    [3, 5, 3],
    [1, 7, 7],
    [3, 7, 5],
    [7, 7, 1],
  ] as const)('reverseCode(%i, %i-point) = %i', (value, points, expected) => {
    expect(reverseCode(value, points)).toBe(expected);
  });

  it('reverseCode refuses a value off the scale', () => {
    expect(() => reverseCode(6, 5)).toThrow(RangeError);
    expect(() => reverseCode(2.5, 5)).toThrow(RangeError);
  });

  it('property: reverse coding is an involution', () => {
    fc.assert(
      fc.property(fc.constantFrom(5 as const, 7 as const), fc.integer({ min: 1, max: 7 }), (points, v) => {
        fc.pre(v <= points);
        return reverseCode(reverseCode(v, points), points) === v;
      }),
    );
  });
});

describe('netPromoterScore (§4: %promoters − %detractors, passives in the denominator)', () => {
  it('worked example: 5 promoters, 2 passives, 3 detractors of 10 → NPS 20', () => {
    const r = netPromoterScore([10, 9, 9, 8, 7, 6, 5, 10, 3, 9, null, 11]);
    expect(r).toMatchObject({ n: 10, promoters: 5, passives: 2, detractors: 3, missing: 1, invalid: 1 });
    expect(r.promoterPercent).toBe(50);
    expect(r.detractorPercent).toBe(30);
    expect(r.score).toBe(20);
  });

  it.each([
    [[9, 10], 100],
    [[0, 6], -100],
    [[7, 8], 0],
    [[6, 7, 9], 0],
    [[6], -100],
  ])('%j → %d', (answers, score) => {
    expect(netPromoterScore(answers).score).toBe(score);
  });

  it('no valid answer → null', () => {
    expect(netPromoterScore([]).score).toBeNull();
    expect(netPromoterScore([null, 12, 3.5])).toMatchObject({ n: 0, score: null, invalid: 2, missing: 1 });
  });

  it('property: −100 ≤ NPS ≤ 100 and it equals (P − D)/n × 100', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 10 })), { minLength: 1 }), (answers) => {
        const r = netPromoterScore(answers);
        if (r.n === 0) {
          return r.score === null;
        }
        return (
          r.score !== null &&
          r.score >= -100 &&
          r.score <= 100 &&
          Math.abs(r.score - ((r.promoters - r.detractors) * 100) / r.n) < 1e-9
        );
      }),
    );
  });
});

describe('cronbachAlpha (§4: α = k/(k−1) · (1 − Σ s²(Yᵢ)/s²(X)))', () => {
  // Hand-computed: item variances 5/3, 2/3, 5/3 (Σ = 4); totals 5, 8, 10, 13 → s²(X) = 34/3;
  // α = 3/2 · (1 − 4 / (34/3)) = 3/2 · 22/34 = 33/34.
  const matrix = [
    [1, 2, 2],
    [2, 3, 3],
    [3, 3, 4],
    [4, 4, 5],
  ];

  it('worked example: 4 respondents × 3 items → 33/34', () => {
    const r = cronbachAlpha(matrix);
    expect(r.alpha).toBeCloseTo(33 / 34, 12);
    expect(r).toMatchObject({ k: 3, n: 4, excluded: 0, reason: null });
    expect(r.itemVariances.map((v) => v * 3)).toEqual([5, 2, 5].map((x) => expect.closeTo(x, 12)));
    expect(r.totalVariance).toBeCloseTo(34 / 3, 12);
  });

  it('standardised alpha from the mean inter-item correlation (r12 = r23 = 3/√10, r13 = 1)', () => {
    const rBar = (1 + 6 / Math.sqrt(10)) / 3;
    expect(cronbachAlpha(matrix).standardizedAlpha).toBeCloseTo((3 * rBar) / (1 + 2 * rBar), 12);
  });

  it('alpha if item deleted (hand-computed: 12/13, 1, 12/13)', () => {
    const r = cronbachAlpha(matrix);
    expect(r.alphaIfItemDeleted[0]).toBeCloseTo(12 / 13, 12);
    expect(r.alphaIfItemDeleted[1]).toBeCloseTo(1, 12);
    expect(r.alphaIfItemDeleted[2]).toBeCloseTo(12 / 13, 12);
  });

  it('missing answers: the whole respondent is deleted (listwise)', () => {
    const r = cronbachAlpha([...matrix, [5, null, 3], [1, 5]]);
    expect(r).toMatchObject({ n: 4, excluded: 2 });
    expect(r.alpha).toBeCloseTo(33 / 34, 12);
  });

  it('reverse-coded items are flipped first (item 3 stored as 6 − x)', () => {
    const stored = matrix.map(([a, b, c]) => [a ?? 0, b ?? 0, 6 - (c ?? 0)]);
    expect(cronbachAlpha(stored).alpha).toBeLessThan(0.5);
    const r = cronbachAlpha(stored, { reverse: [false, false, true], points: 5 });
    expect(r.alpha).toBeCloseTo(33 / 34, 12);
    expect(() => cronbachAlpha(stored, { reverse: [false, false, true] })).toThrow(RangeError);
  });

  it.each([
    ['one item', [[1], [2], [3]], 'too_few_items'],
    ['no respondent', [], 'too_few_items'],
    [
      'one complete respondent',
      [
        [1, 2],
        [3, null],
      ],
      'too_few_respondents',
    ],
    [
      'everyone answers the same',
      [
        [3, 3],
        [3, 3],
        [3, 3],
      ],
      'zero_total_variance',
    ],
    [
      'items vary but totals do not',
      [
        [1, 5],
        [5, 1],
        [3, 3],
      ],
      'zero_total_variance',
    ],
  ] as const)('%s → null (%s)', (_label, rows, reason) => {
    const r = cronbachAlpha(rows as unknown as number[][]);
    expect(r.alpha).toBeNull();
    expect(r.reason).toBe(reason);
  });

  it('two respondents, k = 2 with k given explicitly for an empty matrix', () => {
    expect(cronbachAlpha([], { k: 2 }).reason).toBe('too_few_respondents');
    expect(
      cronbachAlpha([
        [1, 2],
        [3, 4],
      ]).alpha,
    ).toBeCloseTo(1, 12);
  });

  it('scaleAlpha picks items by id and applies the scale reverse flags', () => {
    const scale = {
      points: 5 as const,
      items: [
        { id: 'clear', reverse: false },
        { id: 'useful', reverse: false },
        { id: 'boring', reverse: true },
      ],
    };
    const sheets = matrix.map(([a, b, c]) => ({ clear: a, useful: b, boring: 6 - (c ?? 0), other: 1 }));
    const r = scaleAlpha(scale, [...sheets, { clear: 4, useful: 4 }]);
    expect(r.alpha).toBeCloseTo(33 / 34, 12);
    expect(r.excluded).toBe(1);
  });

  it('property: α ≤ 1, and α = 1 when all items are identical and vary', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 30 }),
        (k, column) => {
          fc.pre(new Set(column).size > 1);
          const r = cronbachAlpha(column.map((v) => Array(k).fill(v)));
          return r.alpha !== null && Math.abs(r.alpha - 1) < 1e-9;
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((k) =>
          fc.array(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: k, maxLength: k }), {
            maxLength: 25,
          }),
        ),
        (rows) => {
          const r = cronbachAlpha(rows);
          return r.alpha === null ? r.reason !== null : r.alpha <= 1 + 1e-9;
        },
      ),
    );
  });
});

describe('scored knowledge tests (§4 L2)', () => {
  const questions: TestQuestion[] = [
    { id: 'q1', kind: 'single', correct: ['b'] },
    { id: 'q2', kind: 'multiple', correct: ['a', 'c'], points: 2 },
    { id: 'q3', kind: 'single', correct: ['d'] },
  ];

  it.each([
    [
      'partial multiple choice earns nothing; missing counts in the maximum',
      { q1: ['b'], q2: ['a'] },
      1,
      25,
      2,
    ],
    ['all correct (order of options does not matter)', { q1: ['b'], q2: ['c', 'a'], q3: ['d'] }, 4, 100, 3],
    ['extra option is wrong', { q1: ['b'], q2: ['a', 'b', 'c'], q3: ['d'] }, 2, 50, 3],
    ['nothing answered', {}, 0, 0, 0],
    ['empty selection is unanswered', { q1: [], q2: null }, 0, 0, 0],
  ])('%s', (_label, answers, earned, percent, answered) => {
    const s = scoreTest(questions, answers);
    expect(s).toMatchObject({ earned, max: 4, percent, answered });
  });

  it('a test without points has no percentage', () => {
    expect(scoreTest([], {}).percent).toBeNull();
  });

  it('per-question and total statistics over answer sheets', () => {
    const stats = testStats(questions, [
      { q1: ['b'], q2: ['a'] },
      { q1: ['b'], q2: ['c', 'a'], q3: ['d'] },
      {},
    ]);
    expect(stats.n).toBe(3);
    expect(stats.questions.map((q) => [q.answered, q.missing, q.correct])).toEqual([
      [2, 1, 2],
      [2, 1, 1],
      [1, 2, 1],
    ]);
    expect(stats.questions[0]?.percentCorrect).toBeCloseTo(200 / 3, 10);
    expect(stats.questions[1]?.percentCorrectOfAnswered).toBe(50);
    expect(stats.meanPercent).toBeCloseTo(125 / 3, 10);
    expect(testStats(questions, [])).toMatchObject({ n: 0, meanPercent: null, sdPercent: null });
    expect(testStats(questions, []).questions[0]).toMatchObject({
      percentCorrect: null,
      percentCorrectOfAnswered: null,
    });
  });
});
