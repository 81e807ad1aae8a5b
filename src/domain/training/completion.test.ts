import { describe, expect, it } from 'vitest';
import type { TCompletionRule } from '../../contracts/training.js';
import { attendancePercent, evaluateCompletion, toHundredths } from './completion.js';

const rule: TCompletionRule = { minAttendancePercent: 80, minPostScore: 60, requirePostTest: true };

describe('evaluateCompletion: boundaries', () => {
  it.each([
    // sessionsHeld, attended, excused, postScore, eligible, reasons
    [5, 4, 0, 60, true, []],
    [5, 5, 0, 100, true, []],
    [5, 3, 0, 60, false, ['attendance_below_minimum']],
    [1000, 799, 0, 60, false, ['attendance_below_minimum']], // 79.9 %
    [1000, 800, 0, 60, true, []], // 80.0 %
    [5, 4, 0, 59.99, false, ['post_score_below_minimum']],
    [5, 4, 0, 60.0, true, []],
    [5, 4, 0, null, false, ['post_test_missing']],
    [5, 4, 1, 60, true, []], // 4 of 4 counted
    [5, 3, 1, 60, false, ['attendance_below_minimum']], // 3 of 4 = 75 %
    [0, 0, 0, 80, false, ['no_sessions_held']],
  ] as const)(
    'held %i attended %i excused %i post %s → %s',
    (held, attended, excused, post, eligible, reasons) => {
      const r = evaluateCompletion(rule, { sessionsHeld: held, attended, excused, postScore: post });
      expect(r.eligible).toBe(eligible);
      expect(r.reasons).toEqual(reasons);
    },
  );

  it('does not require a post test when the rule says so, but a taken one must pass', () => {
    const lenient = { ...rule, requirePostTest: false };
    expect(evaluateCompletion(lenient, { sessionsHeld: 5, attended: 4, postScore: null }).eligible).toBe(
      true,
    );
    expect(evaluateCompletion(lenient, { sessionsHeld: 5, attended: 4, postScore: 10 }).reasons).toEqual([
      'post_score_below_minimum',
    ]);
  });

  it('never lets a withdrawn participant complete', () => {
    const r = evaluateCompletion(rule, { sessionsHeld: 5, attended: 5, postScore: 90, status: 'withdrawn' });
    expect(r).toMatchObject({ eligible: false, reasons: ['withdrawn'] });
  });

  it('compares decimal minimums exactly (79.9 % needed: 799 of 1000 passes, 798 fails)', () => {
    const r = { ...rule, minAttendancePercent: 79.9 };
    expect(evaluateCompletion(r, { sessionsHeld: 1000, attended: 799, postScore: 60 }).eligible).toBe(true);
    expect(evaluateCompletion(r, { sessionsHeld: 1000, attended: 798, postScore: 60 }).eligible).toBe(false);
  });

  it('lists every reason at once', () => {
    expect(evaluateCompletion(rule, { sessionsHeld: 5, attended: 1, postScore: null }).reasons).toEqual([
      'attendance_below_minimum',
      'post_test_missing',
    ]);
  });
});

describe('attendance and scores helpers', () => {
  it('computes the percentage over counted sessions', () => {
    expect(attendancePercent(5, 4)).toBe(80);
    expect(attendancePercent(5, 4, 1)).toBe(100);
    expect(attendancePercent(2, 0, 2)).toBeNull();
  });
  it('turns points into hundredths without binary drift', () => {
    expect(toHundredths(59.99)).toBe(5999);
    expect(toHundredths(0.29)).toBe(29);
    expect(toHundredths(60)).toBe(6000);
  });
});
