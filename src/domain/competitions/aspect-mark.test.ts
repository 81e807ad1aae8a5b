import { describe, expect, it } from 'vitest';
import { evaluateJudgement, measurementMark } from './aspect-mark.js';
import type { JudgeScore, MeasurementCalculation, MeasurementObservation } from './marking-scheme.js';
import { toStorageString } from './rational.js';

const choice: MeasurementCalculation = {
  kind: 'CHOICE',
  choices: [
    { label: '0 errors', deductionPct: '0' },
    { label: '≤ 2 per page', deductionPct: '33.3' },
    { label: '≤ 3 per page', deductionPct: '66.6' },
    { label: 'more', deductionPct: '100' },
  ],
};
const coverage: MeasurementCalculation = {
  kind: 'RANGED_SCORE',
  target: '100',
  ranges: [
    { lower: '0', upper: '20', deductionPct: '100' },
    { lower: '20', upper: '99.99', deductionPct: '60' },
  ],
};
const mutants: MeasurementCalculation = {
  kind: 'RANGED_SCORE',
  target: '0',
  ranges: [
    { lower: '0', upper: '3', deductionPct: '0' },
    { lower: '3.01', upper: '15', deductionPct: '60' },
  ],
};

describe('measurementMark (§6.2)', () => {
  it.each<[string, MeasurementCalculation, MeasurementObservation, string, string]>([
    ['pass', { kind: 'PASS_FAIL' }, { kind: 'PASS_FAIL', passed: true }, '0.5', '0.5'],
    ['fail', { kind: 'PASS_FAIL' }, { kind: 'PASS_FAIL', passed: false }, '0.5', '0'],
    [
      '4 of 6 completed',
      { kind: 'NUMBER_COMPLETED', possible: 6 },
      { kind: 'NUMBER_COMPLETED', completed: 4 },
      '1',
      '2/3',
    ],
    [
      '0 of 4',
      { kind: 'NUMBER_COMPLETED', possible: 4 },
      { kind: 'NUMBER_COMPLETED', completed: 0 },
      '1',
      '0',
    ],
    [
      'all of 5',
      { kind: 'NUMBER_COMPLETED', possible: 5 },
      { kind: 'NUMBER_COMPLETED', completed: 5 },
      '0.75',
      '0.75',
    ],
    ['choice 0 %', choice, { kind: 'CHOICE', choiceIndex: 0 }, '1', '1'],
    ['choice 33.3 %', choice, { kind: 'CHOICE', choiceIndex: 1 }, '1', '0.667'],
    ['choice 66.6 %', choice, { kind: 'CHOICE', choiceIndex: 2 }, '0.5', '0.167'],
    ['choice 100 %', choice, { kind: 'CHOICE', choiceIndex: 3 }, '1', '0'],
    ['ranged at target', coverage, { kind: 'RANGED_SCORE', value: '100' }, '1', '1'],
    ['ranged at target written differently', coverage, { kind: 'RANGED_SCORE', value: '100.00' }, '1', '1'],
    ['ranged in first range', coverage, { kind: 'RANGED_SCORE', value: '10' }, '1', '0'],
    ['ranged on shared bound → first range', coverage, { kind: 'RANGED_SCORE', value: '20' }, '1', '0'],
    ['ranged in second range', coverage, { kind: 'RANGED_SCORE', value: '85.5' }, '1', '0.4'],
    ['ranged inclusive upper bound', coverage, { kind: 'RANGED_SCORE', value: '99.99' }, '1', '0.4'],
    ['ranged outside every range', coverage, { kind: 'RANGED_SCORE', value: '99.995' }, '1', '0'],
    ['mutants: target 0', mutants, { kind: 'RANGED_SCORE', value: '0' }, '0.5', '0.5'],
    ['mutants: 0 % deduction range', mutants, { kind: 'RANGED_SCORE', value: '2' }, '0.5', '0.5'],
    ['mutants: 60 %', mutants, { kind: 'RANGED_SCORE', value: '15' }, '0.5', '0.2'],
    ['mutants: above all ranges', mutants, { kind: 'RANGED_SCORE', value: '16' }, '0.5', '0'],
    ['mutants: below all ranges', mutants, { kind: 'RANGED_SCORE', value: '-1' }, '0.5', '0'],
    ['deduct 2 errors', { kind: 'DEDUCT', perError: '0.25' }, { kind: 'DEDUCT', errors: 2 }, '1', '0.5'],
    ['deduct floors at 0', { kind: 'DEDUCT', perError: '0.25' }, { kind: 'DEDUCT', errors: 9 }, '1', '0'],
    ['deduct no errors', { kind: 'DEDUCT', perError: '0.1' }, { kind: 'DEDUCT', errors: 0 }, '1.5', '1.5'],
    ['not attempted (pass/fail)', { kind: 'PASS_FAIL' }, { kind: 'NOT_ATTEMPTED' }, '1', '0'],
    ['not attempted (ranged)', coverage, { kind: 'NOT_ATTEMPTED' }, '1', '0'],
  ])('%s', (_name, calc, obs, maxMark, expected) => {
    const result = measurementMark(calc, obs, maxMark);
    expect(result.ok).toBe(true);
    expect(result.ok && toStorageString(result.mark)).toBe(expected);
  });

  it.each<[string, MeasurementCalculation, MeasurementObservation, string, string]>([
    [
      'kind mismatch',
      { kind: 'PASS_FAIL' },
      { kind: 'CHOICE', choiceIndex: 0 },
      '1',
      'observation_kind_mismatch',
    ],
    [
      'completed > possible',
      { kind: 'NUMBER_COMPLETED', possible: 4 },
      { kind: 'NUMBER_COMPLETED', completed: 5 },
      '1',
      'completed_out_of_range',
    ],
    [
      'completed < 0',
      { kind: 'NUMBER_COMPLETED', possible: 4 },
      { kind: 'NUMBER_COMPLETED', completed: -1 },
      '1',
      'completed_out_of_range',
    ],
    [
      'completed not integer',
      { kind: 'NUMBER_COMPLETED', possible: 4 },
      { kind: 'NUMBER_COMPLETED', completed: 1.5 },
      '1',
      'completed_out_of_range',
    ],
    [
      'possible 0',
      { kind: 'NUMBER_COMPLETED', possible: 0 },
      { kind: 'NUMBER_COMPLETED', completed: 0 },
      '1',
      'invalid_calculation',
    ],
    ['choice index too high', choice, { kind: 'CHOICE', choiceIndex: 4 }, '1', 'choice_out_of_range'],
    ['choice index negative', choice, { kind: 'CHOICE', choiceIndex: -1 }, '1', 'choice_out_of_range'],
    ['ranged value not decimal', coverage, { kind: 'RANGED_SCORE', value: 'abc' }, '1', 'value_not_decimal'],
    [
      'negative errors',
      { kind: 'DEDUCT', perError: '0.1' },
      { kind: 'DEDUCT', errors: -1 },
      '1',
      'errors_out_of_range',
    ],
    ['bad max mark', { kind: 'PASS_FAIL' }, { kind: 'PASS_FAIL', passed: true }, 'x', 'invalid_max_mark'],
    ['zero max mark', { kind: 'PASS_FAIL' }, { kind: 'PASS_FAIL', passed: true }, '0', 'invalid_max_mark'],
    [
      'deduction over 100 %',
      {
        kind: 'CHOICE',
        choices: [
          { label: 'a', deductionPct: '120' },
          { label: 'b', deductionPct: '0' },
        ],
      },
      { kind: 'CHOICE', choiceIndex: 0 },
      '1',
      'invalid_calculation',
    ],
  ])('%s → %s', (_name, calc, obs, maxMark, code) => {
    const result = measurementMark(calc, obs, maxMark);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe(code);
  });

  it('rounds to two decimals when the setting says so', () => {
    const calc: MeasurementCalculation = { kind: 'NUMBER_COMPLETED', possible: 3 };
    const exact = measurementMark(calc, { kind: 'NUMBER_COMPLETED', completed: 2 }, '1', 'exact');
    const rounded = measurementMark(calc, { kind: 'NUMBER_COMPLETED', completed: 2 }, '1', 'two_decimals');
    expect(exact.ok && toStorageString(exact.mark)).toBe('2/3');
    expect(rounded.ok && toStorageString(rounded.mark)).toBe('0.67');
  });

  it('reports which kinds were mixed up', () => {
    const result = measurementMark(
      { kind: 'DEDUCT', perError: '1' },
      { kind: 'PASS_FAIL', passed: true },
      '1',
    );
    expect(result).toEqual({
      ok: false,
      code: 'observation_kind_mismatch',
      params: { expected: 'DEDUCT', actual: 'PASS_FAIL' },
    });
  });
});

const scores = (...values: number[]): JudgeScore[] =>
  values.map((score, i) => ({ judgeId: `j${i + 1}`, score: score as JudgeScore['score'] }));
const rules = { numJudges: 3, maxSpread: 1 };

describe('evaluateJudgement (§1.5, §8.2)', () => {
  it.each<[string, number[], string, string]>([
    ['2/2/3 at 1.25 → 35/36', [2, 2, 3], '1.25', '35/36'],
    ['all 3 → max', [3, 3, 3], '2', '2'],
    ['all 0 → 0', [0, 0, 0], '0.5', '0'],
    ['1/1/2 at 1.5', [1, 1, 2], '1.5', '2/3'],
  ])('%s', (_name, values, maxMark, expected) => {
    const result = evaluateJudgement(scores(...values), maxMark, rules);
    expect(result.status).toBe('valid');
    expect(result.status === 'valid' && toStorageString(result.mark)).toBe(expected);
  });

  it('stores 2 decimals with the rounding setting (1.25 × 7/9 → 0.97)', () => {
    const result = evaluateJudgement(scores(2, 2, 3), '1.25', { ...rules, rounding: 'two_decimals' });
    expect(result.status === 'valid' && toStorageString(result.mark)).toBe('0.97');
  });

  it.each<[string, number[], { numJudges: number; maxSpread: number }, Record<string, unknown>]>([
    ['no scores', [], rules, { status: 'incomplete', received: 0, required: 3, spread: null }],
    ['two of three', [1, 3], rules, { status: 'incomplete', received: 2, required: 3, spread: 2 }],
    ['spread 2 > 1', [1, 2, 3], rules, { status: 'rescore_required', spread: 2, maxSpread: 1 }],
    ['spread 3', [0, 3, 3], rules, { status: 'rescore_required', spread: 3, maxSpread: 1 }],
    [
      'spread 2 allowed by setting',
      [1, 2, 3],
      { numJudges: 3, maxSpread: 2 },
      { status: 'valid', spread: 2 },
    ],
    ['five judges', [2, 2, 2, 3, 3], { numJudges: 5, maxSpread: 1 }, { status: 'valid', spread: 1 }],
  ])('%s', (_name, values, r, expected) => {
    expect(evaluateJudgement(scores(...values), '1', r)).toMatchObject(expected);
  });

  it.each<[string, JudgeScore[], string]>([
    ['score 4', [{ judgeId: 'a', score: 4 as JudgeScore['score'] }], 'score_out_of_range'],
    ['score 1.5', [{ judgeId: 'a', score: 1.5 as JudgeScore['score'] }], 'score_out_of_range'],
    [
      'same judge twice',
      [
        { judgeId: 'a', score: 1 },
        { judgeId: 'a', score: 2 },
      ],
      'duplicate_judge',
    ],
    ['four scores for three judges', scores(1, 1, 1, 1), 'too_many_scores'],
  ])('%s → invalid', (_name, set, code) => {
    expect(evaluateJudgement(set, '1', rules)).toMatchObject({ status: 'invalid', code });
  });
});
